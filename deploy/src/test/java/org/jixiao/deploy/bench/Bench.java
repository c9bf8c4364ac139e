package org.jixiao.deploy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.SeedShapedDocuments;

/**
 * Benchmarks against a running local system (deploy/local/up.sh), from a second process on loopback.
 * Not a test: it asserts nothing and is not part of ./mvnw verify. Run with deploy/bench/run.sh.
 */
public final class Bench {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** HTTP/1.1 as the provincial platform posts a file: no attempt to upgrade a connection that carries a large body. */
    private static final HttpClient IMPORT_HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROJECT = "http://127.0.0.1:8081";
    private static final String INDICATOR = "http://127.0.0.1:8082";
    private static final String APPROVAL = "http://127.0.0.1:8083";
    private static final String REPORTING = "http://127.0.0.1:8084";
    /** Health and metrics: the management interface of the local profile. */
    private static final String PROJECT_MANAGEMENT = "http://127.0.0.1:9181";
    private static final String INDICATOR_MANAGEMENT = "http://127.0.0.1:9182";
    private static final String APPROVAL_MANAGEMENT = "http://127.0.0.1:9183";
    private static final String REPORTING_MANAGEMENT = "http://127.0.0.1:9184";

    private final String integration = DevTokens.integration();
    private final String department = DevTokens.department("034");
    private final String reviewer = DevTokens.reviewer("bench");
    /** 四眼原则: another reviewer decides the second stage. */
    private final String secondReviewer = DevTokens.reviewer("bench-2");
    /** A project of the generated province-scale data, when -Dbench.scale is given. */
    private String scaleProject;
    private final int year = 2090 + (int) (System.currentTimeMillis() / 1000 % 9);
    private final Backlog backlog = new Backlog(System.getProperty("bench.kafka", "127.0.0.1:9092"));
    private final Duration backlogWait = Duration.ofSeconds(Integer.getInteger("bench.backlog.wait", 300));

    public static void main(String[] args) throws Exception {
        List<String> which = args.length == 0 ? List.of("import", "get", "submit", "decide", "reports", "load", "rebuild", "startup")
                : Arrays.asList(args);
        Bench bench = new Bench();
        System.out.printf("Jixiao benchmarks (budget year %d for the generated data), %d cores%n", bench.year,
                Runtime.getRuntime().availableProcessors());
        if (which.contains("import")) {
            bench.settle("import");
            bench.importDocuments(Integer.getInteger("bench.import.count", 10_000));
        }
        if (which.contains("get")) {
            bench.settle("get");
            bench.getOne(Integer.getInteger("bench.get.count", 3000));
        }
        if (which.contains("submit")) {
            bench.settle("submit");
            bench.submitToCase(Integer.getInteger("bench.submit.count", 200));
        }
        if (which.contains("decide")) {
            bench.settle("decide");
            bench.decisionToProjectAndReport(Integer.getInteger("bench.decide.count", 100));
        }
        if (which.contains("reports")) {
            bench.settle("reports");
            bench.reports(Integer.getInteger("bench.reports.count", 10_000));
        }
        int scale = Integer.getInteger("bench.scale", 0);
        // -Dbench.load.year measures the data of an earlier -Dbench.scale run again (e.g. after a change) without making it anew
        int loadYear = Integer.getInteger("bench.load.year", 2025);
        // -Dbench.scale.resume=decide: only the decisions, for a scale run stopped once its cases had opened
        boolean decideOnly = "decide".equals(System.getProperty("bench.scale.resume"));
        if (scale > 0 || decideOnly) {
            Scale data = new Scale(PROJECT, APPROVAL, scale, Integer.getInteger("bench.scale.year", 2060),
                    Integer.getInteger("bench.scale.threads", 8));
            if (decideOnly) {
                data.decideOpenCases();
            } else {
                bench.scaleProject = data.populate().get(0);
            }
            loadYear = data.firstYear();
            Scale.databaseSizes(System.getProperty("bench.pg", "127.0.0.1:5432"), System.getProperty("bench.pg.user", "postgres"),
                    System.getProperty("bench.pg.password", "postgres"));
        }
        if (which.contains("load")) {
            bench.settle("load");
            bench.load(loadYear, new Load(Integer.getInteger("bench.connections", 32),
                    Duration.ofSeconds(Integer.getInteger("bench.warmup", 5)),
                    Duration.ofSeconds(Integer.getInteger("bench.duration", 15))));
        }
        if (which.contains("rebuild")) {
            bench.rebuild();
        }
        if (which.contains("startup")) {
            startup(Path.of(System.getProperty("bench.run-dir", "local/.run")));
        }
    }

    /** Returns once the services have consumed what the steps so far published (see {@link Backlog}). */
    void settle(String before) throws InterruptedException {
        backlog.awaitConsumed(before, backlogWait);
    }

    void importDocuments(int count) throws Exception {
        SeedShapedDocuments docs = new SeedShapedDocuments("BENCH-" + UUID.randomUUID().toString().substring(0, 8), year);
        // Written before the clock starts and sent from a file: made while sending, the documents took the bench
        // up to a whole core of the two, and the figure was the generator's more than project-service's.
        Path file = Files.createTempFile("jixiao-bench-import", ".ndjson");
        try {
            long g0 = System.nanoTime();
            try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                docs.writeNdjson(count, out);
            }
            System.out.printf("import    %,d documents written to a file (%,d MiB) in %.1f s, before the clock starts%n", count,
                    Files.size(file) >> 20, (System.nanoTime() - g0) / 1e9);
            HeapSampler heap = new HeapSampler(PROJECT_MANAGEMENT);
            heap.start();
            long t0 = System.nanoTime();
            HttpResponse<String> response = IMPORT_HTTP.send(HttpRequest.newBuilder(URI.create(PROJECT + "/api/v1/projects/import"))
                    .header("Authorization", "Bearer " + integration).header("Content-Type", "application/x-ndjson")
                    .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                    HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - t0) / 1e9;
            heap.stop();
            long created = JSON.readTree(response.body()).get("results").findValuesAsText("outcome").stream()
                    .filter("created"::equals).count();
            System.out.printf("import    %,d seed-shaped documents (NDJSON, one request): %.1f s, %,.0f documents/s, %d created;"
                    + " project-service heap peak %d MiB (sampled every 100 ms)%n", count, seconds, count / seconds, created,
                    heap.peak() / (1 << 20));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    void getOne(int count) throws Exception {
        String id = json(get(PROJECT + "/api/v1/projects?size=1", department)).get("items").get(0).get("id").asText();
        for (int i = 0; i < 300; i++) {
            get(PROJECT + "/api/v1/projects/" + id, department);
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            get(PROJECT + "/api/v1/projects/" + id, department);
            nanos[i] = System.nanoTime() - t;
        }
        report("GET one project (" + count + " sequential requests)", nanos);
    }

    void submitToCase(int count) throws Exception {
        // C1 compiles a method after 200 calls (Tier3InvocationThreshold): with 30 warm-up submissions the code that
        // runs once per submission in each service was still interpreted. Just after a restart, two runs each
        // (2026-12-02): 30 → p99 133-183 ms, 250 → p99 120-145 ms; -Dbench.submit.warmup=30 measures the colder case.
        int warmup = Integer.getInteger("bench.submit.warmup", 250);
        List<String> ids = importFresh(count + warmup, "SUB");
        for (String id : ids.subList(0, warmup)) {
            post(PROJECT + "/api/v1/projects/" + id + "/submit", department, "");
        }
        for (String id : ids.subList(0, warmup)) {
            awaitTrue(() -> casesOf(id).size() > 0, 20);
        }
        // The step's import and the warm-up leave the other services events to consume (indicator-service checks,
        // reporting-service folds: 60-150 after 30 warm-ups, 184-275 after 250); timed meanwhile, submissions
        // competed with that for the two cores: after a 1 s pause p50 63 ms, p99 178 ms; once it was consumed
        // p50 35-42 ms, p99 85-121 ms (30 warm-ups, 2026-12-02).
        settle("submit's timed part");
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            String id = ids.get(warmup + i);
            java.time.Instant sent = java.time.Instant.now();
            requireStatus(post(PROJECT + "/api/v1/projects/" + id + "/submit", department, ""), "SUBMITTED");
            // Polling gently and reading the case's own openedAt keeps the probe from slowing what it measures.
            awaitTrue(() -> casesOf(id).size() > 0, 20);
            java.time.Instant opened = java.time.OffsetDateTime.parse(casesOf(id).get(0).get("openedAt").asText()).toInstant();
            nanos[i] = Duration.between(sent, opened).toNanos();
        }
        report("submit request sent → review case opened (" + count + ", openedAt of the case)", nanos);
    }

    void decisionToProjectAndReport(int count) throws Exception {
        // as for submissions, the first decisions run code paths no request has run yet (class loading, JIT);
        // those are approved first and not timed
        int warmup = 10;
        List<String> all = importFresh(count + warmup, "DEC");
        List<String> ids = all.subList(warmup, all.size());
        for (String id : all.subList(0, warmup)) {
            post(PROJECT + "/api/v1/projects/" + id + "/submit", department, "");
        }
        for (String id : all.subList(0, warmup)) {
            awaitTrue(() -> casesOf(id).size() > 0);
            String caseId = casesOf(id).get(0).get("id").asText();
            post(APPROVAL + "/api/v1/cases/" + caseId + "/decisions", reviewer, "{\"action\":\"PASS\"}");
            post(APPROVAL + "/api/v1/cases/" + caseId + "/decisions", secondReviewer,
                    "{\"action\":\"APPROVE\",\"grade\":\"优\",\"overrideReason\":\"benchmark: seed row 003 lacks 效益/满意度\"}");
        }
        String lastWarmup = all.get(warmup - 1);
        awaitTrue(() -> json(get(REPORTING + "/api/v1/reports/summary?budgetYear=" + year + "&department=034", reviewer))
                .get("rows").findValuesAsText("projectId").contains(lastWarmup), 20);
        List<String> cases = new ArrayList<>();
        for (String id : ids) {
            post(PROJECT + "/api/v1/projects/" + id + "/submit", department, "");
        }
        for (String id : ids) {
            awaitTrue(() -> casesOf(id).size() > 0);
            String caseId = casesOf(id).get(0).get("id").asText();
            post(APPROVAL + "/api/v1/cases/" + caseId + "/decisions", reviewer, "{\"action\":\"PASS\"}");
            cases.add(caseId);
        }
        settle("decide's timed part");
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            String id = ids.get(i);
            long t = System.nanoTime();
            post(APPROVAL + "/api/v1/cases/" + cases.get(i) + "/decisions", secondReviewer,
                    "{\"action\":\"APPROVE\",\"grade\":\"优\",\"overrideReason\":\"benchmark: seed row 003 lacks 效益/满意度\"}");
            awaitTrue(() -> "APPROVED".equals(json(get(PROJECT + "/api/v1/projects/" + id, department)).path("status").asText()));
            awaitTrue(() -> json(get(REPORTING + "/api/v1/reports/summary?budgetYear=" + year + "&department=034", reviewer))
                    .get("rows").findValuesAsText("projectId").contains(id));
            nanos[i] = System.nanoTime() - t;
        }
        report("decision → project APPROVED and in the summary (" + count + ")", nanos);
    }

    /**
     * The year's summary with {@code count} approved projects. They reach reporting-service as
     * ProjectApproved events written straight to the local broker (what approval-service would send),
     * since approving 10,000 projects through two review stages is not what this measures.
     */
    void reports(int count) throws Exception {
        int reportYear = year - 60; // 2030–2038, apart from the other benchmarks' years
        SeedShapedDocuments docs = new SeedShapedDocuments("BENCH-REP", reportYear);
        Properties props = new Properties();
        props.put("bootstrap.servers", System.getProperty("bench.kafka", "127.0.0.1:9092"));
        props.put("acks", "all");
        props.put("linger.ms", 20);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                var event = JSON.createObjectNode();
                event.put("eventId", UUID.randomUUID().toString()).put("eventType", "ProjectApproved").put("schemaVersion", 1)
                        .put("occurredAt", java.time.OffsetDateTime.now().toString()).put("projectId", id).put("revision", 1)
                        .put("actor", "bench");
                var data = event.putObject("data");
                data.put("approvalNumber", "BENCH-" + i).put("approvedBy", "bench")
                        .put("approvedAt", java.time.OffsetDateTime.now().toString());
                data.set("project", docs.document(i));
                producer.send(new ProducerRecord<>("jixiao.reviews", id, event.toString()));
            }
        }
        String url = REPORTING + "/api/v1/reports/summary?budgetYear=" + reportYear;
        awaitTrue(() -> json(get(url, reviewer)).get("rows").size() >= count, count > 10_000 ? 5000 : 500, Duration.ofMinutes(15));
        for (String format : System.getProperty("bench.reports.formats", "xlsx,html,pdf").split(",")) {
            HeapSampler heap = new HeapSampler(REPORTING_MANAGEMENT);
            heap.start();
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "&format=" + format))
                    .header("Authorization", "Bearer " + reviewer).timeout(Duration.ofMinutes(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            double seconds = (System.nanoTime() - t0) / 1e9;
            heap.stop();
            System.out.printf("summary   %,d approved projects as %-4s: %.2f s, %,d bytes, HTTP %d; reporting-service heap peak %d MiB%n",
                    count, format, seconds, r.body().length, r.statusCode(), heap.peak() / (1 << 20));
        }
    }

    /**
     * What users do, under concurrent load, each line with the ratio to an anchor measured by the same client in
     * the same run: the serving service's own /q/health/live (what the process can answer at all) and, for the
     * project read, a raw JDBC primary-key read of the same row (what the database can answer at all).
     */
    void load(int budgetYear, Load load) throws Exception {
        String project = scaleProject != null ? scaleProject : anyProject(budgetYear);
        // the read is the owning department's, as on its declaration screens
        String owner = DevTokens.department(json(get(PROJECT + "/api/v1/projects/" + project, reviewer)).path("departmentCode").asText());
        JsonNode someCase = json(get(APPROVAL + "/api/v1/cases?size=1&sort=-openedAt", reviewer)).path("items").path(0);
        System.out.printf("load      %d connections, %s warm-up, %s measured per line (closed loop)%n", load.connections(),
                System.getProperty("bench.warmup", "5") + " s", System.getProperty("bench.duration", "15") + " s");
        // not printed: the first line of a run measured the bench's own JIT warming up as well; the anchor measured
        // after the project lines answered 23–52% more than a first one measured cold
        load.get("client warm-up", PROJECT_MANAGEMENT + "/q/health/live", null);
        Load.Result projectLive = load.get("project-service /q/health/live", PROJECT_MANAGEMENT + "/q/health/live", null);
        projectLive.print(null);
        String pg = "jdbc:postgresql://" + System.getProperty("bench.pg", "127.0.0.1:5432") + "/jixiao_project";
        Load.Result jdbc = load.jdbc("JDBC primary-key read of the project row", pg, System.getProperty("bench.pg.user", "postgres"),
                System.getProperty("bench.pg.password", "postgres"),
                "select * from project where id = ?", UUID.fromString(project));
        jdbc.print(null);
        Load.Result one = load.get("GET one project (department)", PROJECT + "/api/v1/projects/" + project, owner);
        one.print(projectLive);
        one.print(jdbc);
        load.get("list 20, budgetYear + status filter, -funding sort (reviewer)",
                PROJECT + "/api/v1/projects?budgetYear=" + budgetYear + "&status=APPROVED&sort=-funding&size=20", reviewer).print(projectLive);
        String search = PROJECT + "/api/v1/projects?budgetYear=" + budgetYear + "&nameContains=%E5%AD%A6%E6%A0%A1&size=20";
        load.get("search by name (nameContains=学校, reviewer)", search, reviewer).print(projectLive);
        // a reviewer going through the year's projects: more of them than project-service holds renderings of, so
        // every read renders (the GET line above answers a held one); after the list and the search, since its
        // reads push their pages out of the database's cache
        List<String> many = projectIds(pg, budgetYear, 20_000).stream().map(id -> PROJECT + "/api/v1/projects/" + id).toList();
        load.getEach("GET one project, " + many.size() + " in turn (reviewer)", many, reviewer).print(projectLive);
        // the same anchor once more: on shared cores it moved by ±20% between runs, and a ratio is only as good as
        // its anchor; a large drift here says to take this run's ratios with that much salt
        Load.Result projectLiveAgain = load.get("project-service /q/health/live, after the lines above",
                PROJECT_MANAGEMENT + "/q/health/live", null);
        projectLiveAgain.printDrift(projectLive);
        // one user's list and search, request after request: the latency a screen sees (p99), beside the
        // throughput the lines above measure
        Load single = load.withConnections(1);
        Load.Result singleProjectLive = single.get("project-service /q/health/live, 1 connection",
                PROJECT_MANAGEMENT + "/q/health/live", null);
        singleProjectLive.print(null);
        single.get("list 20, budgetYear + status filter, -funding sort, sequential",
                PROJECT + "/api/v1/projects?budgetYear=" + budgetYear + "&status=APPROVED&sort=-funding&size=20", reviewer)
                .print(singleProjectLive);
        single.get("search by name (nameContains=学校), sequential", search, reviewer).print(singleProjectLive);

        // 历史标准 as a department's declaration form asks for it: what it had approved for indicators named like 率
        // (a fifth of the library's names) in the years before this one
        Load.Result indicatorLive = load.get("indicator-service /q/health/live", INDICATOR_MANAGEMENT + "/q/health/live", null);
        indicatorLive.print(null);
        load.get("library suggestions for 率 (department)", INDICATOR + "/api/v1/library/suggestions?name=%E7%8E%87&budgetYear="
                + (budgetYear + 1), owner).print(indicatorLive);

        Load.Result approvalLive = load.get("approval-service /q/health/live", APPROVAL_MANAGEMENT + "/q/health/live", null);
        approvalLive.print(null);
        if (!someCase.isMissingNode()) {
            load.get("case detail (reviewer)", APPROVAL + "/api/v1/cases/" + someCase.path("id").asText(), reviewer).print(approvalLive);
        }
        load.get("cases list, overdue, 20 (reviewer)", APPROVAL + "/api/v1/cases?overdue=true&size=20", reviewer).print(approvalLive);
        load.get("dashboard counts (reviewer)", APPROVAL + "/api/v1/dashboard/counts", reviewer).print(approvalLive);
        load.get("dashboard queues (reviewer)", APPROVAL + "/api/v1/dashboard/queues", reviewer).print(approvalLive);
        HttpResponse<String> warnings = HTTP.send(HttpRequest.newBuilder(URI.create(APPROVAL + "/api/v1/dashboard/warnings?size=20"))
                .header("Authorization", "Bearer " + reviewer).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (warnings.statusCode() == 200) {
            load.get("dashboard warnings (reviewer)", APPROVAL + "/api/v1/dashboard/warnings?size=20", reviewer).print(approvalLive);
        }

        // the dashboard's goal is for one user's requests one after the other (p99), with its own anchor so measured
        Load sequential = load.withConnections(1);
        Load.Result sequentialLive = sequential.get("approval-service /q/health/live, 1 connection", APPROVAL_MANAGEMENT + "/q/health/live", null);
        sequentialLive.print(null);
        // lead times and returns over every year (the dashboard's first screen) and over the measured year
        for (String board : List.of("counts", "queues", "warnings?size=20", "lead-times", "lead-times?budgetYear=" + budgetYear,
                "returns", "returns?budgetYear=" + budgetYear)) {
            sequential.get("dashboard " + board + ", sequential (reviewer)", APPROVAL + "/api/v1/dashboard/" + board, reviewer)
                    .print(sequentialLive);
        }

        Load.Result reportingLive = load.get("reporting-service /q/health/live", REPORTING_MANAGEMENT + "/q/health/live", null);
        reportingLive.print(null);
        load.get("summary " + budgetYear + " as JSON (reviewer)", REPORTING + "/api/v1/reports/summary?budgetYear=" + budgetYear + "&format=json", reviewer)
                .print(reportingLive);
        String statistics = REPORTING + "/api/v1/reports/statistics?budgetYear=" + budgetYear;
        load.get("statistics " + budgetYear + " (reviewer)", statistics, reviewer).print(reportingLive);
        Load.Result sequentialReportingLive = sequential.get("reporting-service /q/health/live, 1 connection",
                REPORTING_MANAGEMENT + "/q/health/live", null);
        sequentialReportingLive.print(null);
        sequential.get("statistics " + budgetYear + ", sequential (reviewer)", statistics, reviewer).print(sequentialReportingLive);
        int published = HTTP.send(HttpRequest.newBuilder(URI.create(REPORTING + "/public/v1/2025/summary")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (published == 200) {
            load.get("public summary 2025 (no token)", REPORTING + "/public/v1/2025/summary", null).print(reportingLive);
        } else {
            System.out.println("  public summary 2025: not published (HTTP " + published + "), not measured");
        }
    }

    /** reporting-service's read model rebuilt from the three topics, as an operator would after a fault: time and heap. */
    void rebuild() throws Exception {
        HeapSampler heap = new HeapSampler(REPORTING_MANAGEMENT);
        heap.start();
        long t0 = System.nanoTime();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(REPORTING + "/api/v1/admin/rebuild"))
                .header("Authorization", "Bearer " + DevTokens.admin()).timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        heap.stop();
        JsonNode answer = r.statusCode() == 200 ? json(r.body()) : JSON.createObjectNode();
        System.out.printf("rebuild   read model from the topics: %,d events, %,d projects in %.1f s, HTTP %d; reporting-service heap peak %d MiB%n",
                answer.path("events").asLong(), answer.path("projects").asLong(), seconds, r.statusCode(), heap.peak() / (1 << 20));
        if (r.statusCode() != 200) {
            System.out.println("          " + r.body());
        }
    }

    static void startup(Path run) throws IOException, InterruptedException {
        List<String> services = List.of("project-service", "indicator-service", "approval-service", "reporting-service");
        for (String s : services) {
            Path log = run.resolve("logs").resolve(s + ".log");
            String started = Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains(" started in "))
                    .reduce((a, b) -> b).map(l -> l.substring(l.indexOf("started in") + 11, l.indexOf("s.", l.indexOf("started in")) + 1))
                    .orElse("?") : "?";
            System.out.printf("startup   %-18s ready in %s (Quarkus log), RSS now %s%n", s, started, rss(run, s));
        }
        // Right after a load line a service still holds the heap it grew to (reporting-service: 345–360 MiB after
        // 32 connections of a 25,000-row summary); G1's periodic collection (every 15 s when idle, up.sh) gives
        // it back. Both figures: the peak a node must have room for, and what a service idles at.
        Thread.sleep(35_000);
        for (String s : services) {
            System.out.printf("startup   %-18s RSS after 35 s idle %s%n", s, rss(run, s));
        }
    }

    private static String rss(Path run, String service) throws IOException {
        Path pid = run.resolve(service + ".pid");
        if (Files.exists(pid)) {
            Path status = Path.of("/proc", Files.readString(pid).trim(), "status");
            if (Files.exists(status)) {
                return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS")).findFirst()
                        .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 + " MiB").orElse("?");
            }
        }
        return "?";
    }

    private List<String> importFresh(int count, String tag) throws Exception {
        SeedShapedDocuments docs = new SeedShapedDocuments("BENCH-" + tag + "-" + UUID.randomUUID().toString().substring(0, 8), year);
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < count; i++) {
            // department 034's projects only, so the department token can submit them
            var doc = docs.document(21 * i + i % 5); // seed rows 0–4 are department 034's
            doc.put("externalRef", doc.get("externalRef").asText() + "-" + i);
            ndjson.append(doc).append('\n');
        }
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(PROJECT + "/api/v1/projects/import"))
                .header("Authorization", "Bearer " + integration).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson.toString())).build(), HttpResponse.BodyHandlers.ofString());
        return json(r.body()).get("results").findValuesAsText("id");
    }

    private static void requireStatus(String body, String status) {
        if (!status.equals(json(body).path("status").asText())) {
            throw new IllegalStateException("unexpected answer: " + body);
        }
    }

    private List<JsonNode> casesOf(String projectId) {
        List<JsonNode> items = new ArrayList<>();
        json(get(APPROVAL + "/api/v1/cases?projectId=" + projectId, reviewer)).get("items").forEach(items::add);
        return items;
    }

    /** Up to {@code limit} projects of the year, straight from project-service's database. */
    private static List<String> projectIds(String pg, int budgetYear, int limit) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(pg, System.getProperty("bench.pg.user", "postgres"),
                System.getProperty("bench.pg.password", "postgres"));
                java.sql.PreparedStatement s = c.prepareStatement("select id from project where budget_year = ? order by id limit ?")) {
            s.setInt(1, budgetYear);
            s.setInt(2, limit);
            List<String> ids = new ArrayList<>();
            try (java.sql.ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private String anyProject(int budgetYear) {
        return json(get(PROJECT + "/api/v1/projects?size=1&budgetYear=" + budgetYear, reviewer)).get("items").get(0).get("id").asText();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        awaitTrue(condition, 2);
    }

    private static void awaitTrue(BooleanSupplier condition, long pollMillis) throws InterruptedException {
        awaitTrue(condition, pollMillis, Duration.ofSeconds(30));
    }

    private static void awaitTrue(BooleanSupplier condition, long pollMillis, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("condition not met within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(pollMillis);
        }
    }

    private static String get(String url, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String post(String url, String token, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-70s p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what,
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** Samples a service's heap in use from its Prometheus endpoint. */
    static final class HeapSampler {
        private final String base;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();
        private Thread thread;

        HeapSampler(String base) {
            this.base = base;
        }

        void start() {
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        long heap = 0;
                        for (String line : get(base + "/q/metrics", "").split("\n")) {
                            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                                heap += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                            }
                        }
                        peak.accumulateAndGet(heap, Math::max);
                        Thread.sleep(100);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        long peak() {
            return peak.get();
        }
    }
}
