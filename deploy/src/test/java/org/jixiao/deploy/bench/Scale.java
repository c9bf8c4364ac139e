package org.jixiao.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.SeedShapedDocuments;

/**
 * Province-scale data through the public APIs, as the bureaus would make it: {@code count} seed-shaped projects
 * over 200 departments and three budget years, imported by the provincial platform; most of them submitted by
 * their departments, and most of those passed and approved by two reviewers, some returned. Every step prints
 * its progress and its rate, so a slow step is visible while it runs.
 */
final class Scale {
    static final int DEPARTMENTS = 200;
    static final int BATCH = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String project;
    private final String approval;
    private final int count;
    private final int firstYear;
    private final int threads;
    private final String integration = DevTokens.integration();
    private final String passer = DevTokens.reviewer("scale-1");
    private final String approver = DevTokens.reviewer("scale-2");
    private final Map<String, String> departmentTokens = new ConcurrentHashMap<>();

    Scale(String project, String approval, int count, int firstYear, int threads) {
        this.project = project;
        this.approval = approval;
        this.count = count;
        this.firstYear = firstYear;
        this.threads = threads;
    }

    int firstYear() {
        return firstYear;
    }

    static String department(int i) {
        return String.format("%03d", 100 + i % DEPARTMENTS);
    }

    /** Imports, submits and decides; returns the ids of the projects of the first year. */
    List<String> populate() throws Exception {
        List<String[]> projects = new ArrayList<>(); // id, department
        long t0 = System.nanoTime();
        for (int year = firstYear; year < firstYear + 3; year++) {
            int perYear = count / 3 + (year - firstYear < count % 3 ? 1 : 0);
            for (int from = 0; from < perYear; from += BATCH) {
                projects.addAll(importBatch(year, from, Math.min(BATCH, perYear - from)));
                System.out.printf("scale     imported %,d of %,d (%.0f documents/s)%n", projects.size(), count,
                        projects.size() / seconds(t0));
            }
        }
        double importSeconds = seconds(t0);
        System.out.printf("scale     import of %,d projects: %.0f s, %,.0f documents/s%n", projects.size(), importSeconds,
                projects.size() / importSeconds);

        // 95% submitted; of the submitted, 80% approved (PASS, then APPROVE by a second reviewer), 10% returned.
        List<String[]> submitted = new ArrayList<>();
        for (int i = 0; i < projects.size(); i++) {
            if (i % 20 != 19) {
                submitted.add(projects.get(i));
            }
        }
        parallel("submitted", submitted, p -> post(project + "/api/v1/projects/" + p[0] + "/submit", token(p[1]), ""));
        awaitCases(submitted.size());
        decide(openCases());
        System.out.printf("scale     data ready in %.0f s%n", seconds(t0));
        List<String> firstYearIds = new ArrayList<>();
        for (String[] p : projects) {
            firstYearIds.add(p[0]);
            if (firstYearIds.size() == count / 3) {
                break;
            }
        }
        return firstYearIds;
    }

    /**
     * The decisions alone, for a run stopped after its submissions had opened their cases (the cases open
     * at 25–40/s through the pipeline, so a run can be parted there): decides the open cases of the three years.
     */
    void decideOpenCases() throws Exception {
        long t0 = System.nanoTime();
        decide(openCases());
        System.out.printf("scale     decisions done in %.0f s%n", seconds(t0));
    }

    private void decide(List<String> cases) throws Exception {
        List<String[]> decisions = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            decisions.add(new String[] {cases.get(i), Integer.toString(i % 10)});
        }
        parallel("decided", decisions, c -> {
            String url = approval + "/api/v1/cases/" + c[0] + "/decisions";
            int bucket = Integer.parseInt(c[1]);
            if (bucket < 8) {
                post(url, passer, "{\"action\":\"PASS\",\"grade\":\"优\"}");
                return post(url, approver, "{\"action\":\"APPROVE\",\"grade\":\"优\",\"overrideReason\":\"scale benchmark\"}");
            } else if (bucket == 8) {
                return post(url, passer, "{\"action\":\"RETURN\",\"grade\":\"中\",\"comment\":\"请补充满意度指标\"}");
            }
            return 200; // left open: the reviewers' queue
        });
    }

    /** Size of each service's database, from pg_database_size. */
    static void databaseSizes(String pg, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + pg + "/postgres", user, password);
                ResultSet rs = c.createStatement().executeQuery("select datname, pg_size_pretty(pg_database_size(datname))"
                        + " from pg_database where datname like 'jixiao_%' order by datname")) {
            while (rs.next()) {
                System.out.printf("scale     database %-20s %s%n", rs.getString(1), rs.getString(2));
            }
        }
    }

    private List<String[]> importBatch(int year, int from, int size) throws Exception {
        SeedShapedDocuments docs = new SeedShapedDocuments("SCALE-" + year, year);
        List<String> departments = new ArrayList<>(size);
        for (int i = from; i < from + size; i++) {
            departments.add(department(i));
        }
        // written to a file first and sent from it (see Bench.importDocuments); the import's clock keeps running
        // meanwhile, as for a platform that exports before it sends
        Path file = Files.createTempFile("jixiao-scale-import", ".ndjson");
        HttpResponse<String> r;
        try {
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                for (int i = from; i < from + size; i++) {
                    ObjectNode doc = docs.document(i);
                    String code = department(i);
                    doc.put("departmentCode", code);
                    doc.put("departmentName", "部门" + code);
                    if (doc.hasNonNull("budgetUnitCode")) {
                        doc.put("budgetUnitCode", code + "001");
                    }
                    out.write(doc.toString().getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                }
            }
            r = http.send(HttpRequest.newBuilder(URI.create(project + "/api/v1/projects/import"))
                    .header("Authorization", "Bearer " + integration).header("Content-Type", "application/x-ndjson")
                    .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } finally {
            Files.deleteIfExists(file);
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("import answered " + r.statusCode() + ": " + r.body());
        }
        List<String[]> ids = new ArrayList<>(size);
        int i = 0;
        for (JsonNode result : JSON.readTree(r.body()).get("results")) {
            if (result.hasNonNull("id")) {
                ids.add(new String[] {result.get("id").asText(), departments.get(i)});
            }
            i++;
        }
        return ids;
    }

    private void awaitCases(int expected) throws Exception {
        long t0 = System.nanoTime();
        while (true) {
            int open = 0;
            for (int year = firstYear; year < firstYear + 3; year++) {
                open += JSON.readTree(get(approval + "/api/v1/cases?budgetYear=" + year + "&size=1", passer)).path("total").asInt();
            }
            if (open >= expected) {
                break;
            }
            if (seconds(t0) > 3600) {
                throw new IllegalStateException("only " + open + " of " + expected + " cases opened within an hour");
            }
            System.out.printf("scale     %,d of %,d cases opened%n", open, expected);
            Thread.sleep(5000);
        }
    }

    private List<String> openCases() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int year = firstYear; year < firstYear + 3; year++) {
            for (int page = 0;; page++) {
                JsonNode items = JSON.readTree(get(approval + "/api/v1/cases?budgetYear=" + year + "&status=OPEN&sort=openedAt&size=500&page="
                        + page, passer)).path("items");
                items.forEach(c -> ids.add(c.get("id").asText()));
                if (items.size() < 500) {
                    break;
                }
            }
        }
        return ids;
    }

    private interface Step {
        int apply(String[] item) throws Exception;
    }

    private void parallel(String what, List<String[]> items, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (String[] item : items) {
            futures.add(pool.submit(() -> {
                int status = step.apply(item);
                if (status < 200 || status > 299) {
                    failed.incrementAndGet();
                }
                long n = done.incrementAndGet();
                if (n % 10_000 == 0) {
                    System.out.printf("scale     %s %,d of %,d (%.0f/s)%n", what, n, items.size(), n / seconds(t0));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        System.out.printf("scale     %s %,d in %.0f s (%.0f/s), %d answers not 2xx%n", what, items.size(), seconds(t0),
                items.size() / seconds(t0), failed.get());
    }

    private String token(String department) {
        return departmentTokens.computeIfAbsent(department, DevTokens::department);
    }

    private String get(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private int post(String url, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
