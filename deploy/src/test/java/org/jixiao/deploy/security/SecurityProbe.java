package org.jixiao.deploy.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.SeedFixtures;

/**
 * Drives the authorization matrix and the fuzzer against a running system: real objects of department 034
 * (a project declared from the seed, submitted, reviewed in two stages by two reviewers, its report built; a
 * library entry) so that "own" and "other department" mean something.
 */
public final class SecurityProbe {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The order callers are tried in: the owner and the admin last, so their writes change nothing before the refusals. */
    static final List<Principal> ORDER = List.of(Principal.NO_TOKEN, Principal.EXPIRED, Principal.WRONG_ISSUER,
            Principal.WRONG_AUDIENCE, Principal.UNKNOWN_KEY, Principal.OTHER_DEPARTMENT, Principal.REVIEWER, Principal.INTEGRATION,
            Principal.OWN_DEPARTMENT, Principal.ADMIN);
    /** Operations the fuzzer calls only with refused callers: a rebuild replays every topic and would starve the run. */
    static final Set<String> NOT_FUZZED_WHEN_ADMITTED = Set.of("POST /api/v1/admin/rebuild");
    /** Budget years the matrix writes configuration for, away from the 2025 data. */
    static final int CONFIG_YEAR = 2031;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
            .executor(java.util.concurrent.Executors.newFixedThreadPool(4)).build();
    final Function<String, String> baseUrl;
    final List<String> services;
    final AccessMatrix matrix = new AccessMatrix();
    List<ApiOperation> operations = new ArrayList<>();
    String projectId;
    String caseId;
    String libraryId;

    public SecurityProbe(List<String> services, Function<String, String> baseUrl) {
        this.services = services;
        this.baseUrl = baseUrl;
    }

    public void loadOperations() throws Exception {
        operations = new ArrayList<>();
        for (String s : services) {
            operations.addAll(ApiOperation.load(http, s, baseUrl.apply(s)));
        }
    }

    public Set<String> operationKeys() {
        Set<String> keys = new TreeSet<>();
        operations.forEach(o -> keys.add(o.key()));
        return keys;
    }

    public List<String> matrixMismatches() {
        return matrix.mismatches(operationKeys());
    }

    // ------------------------------------------------------------------------------------------------ fixtures

    static final String PERIOD = "2025-07";
    /** 城区学前教育公用经费 at 31 July: 保障幼儿数 forecast 7% short (AT_RISK), 30% spent at 58% of the year. */
    static final String JULY_REPORT = """
            {"period":"2025-07","asOf":"2025-07-31","spent":"1354680.00","indicators":[
             {"index":1,"actual":"6000","forecast":"7000","likelihood":"LIKELY","deviationCause":"FUNDING","note":"秋季入园人数待统计"}],
             "measures":"加快拨付进度"}""";
    static final String FINAL_REPORT = """
            {"period":"2025-12","asOf":"2025-12-31","spent":"4515600.00","final":true,"indicators":[
             {"index":0,"actual":"33"},{"index":1,"actual":"7600"},
             {"index":6,"completion":"0.9","justification":"学前教育三年行动计划年度任务完成"}],
             "measures":"无"}""";

    public void createObjects() throws Exception {
        String project = baseUrl.apply("project-service") + "/api/v1/projects";
        // a department declares without an externalRef: the provincial platform assigns those
        ObjectNode doc = (ObjectNode) SeedFixtures.project("JC-CQ-2025-002");
        doc.remove("externalRef");
        projectId = expect(201, call("POST", project, Principal.OWN_DEPARTMENT, doc.toString(), Map.of())).get("id").asText();
        expect(200, call("POST", project + "/" + projectId + "/submit", Principal.OWN_DEPARTMENT, null, Map.of()));
        String cases = baseUrl.apply("approval-service") + "/api/v1/cases";
        caseId = poll(Duration.ofSeconds(90), () -> {
            JsonNode items = json(call("GET", cases + "?projectId=" + projectId, Principal.REVIEWER, null, Map.of())).path("items");
            return items.size() > 0 ? items.get(0).get("id").asText() : null;
        });
        // two reviewers: the two stages are a four-eyes review
        decide(cases + "/" + caseId + "/decisions", DevTokens.reviewer("matrix-first"), "{\"action\":\"PASS\"}");
        decide(cases + "/" + caseId + "/decisions", DevTokens.reviewer("matrix-second"), "{\"action\":\"APPROVE\",\"grade\":\"优\"}");
        String report = baseUrl.apply("reporting-service") + "/api/v1/reports/projects/" + projectId;
        poll(Duration.ofSeconds(90), () -> call("GET", report, Principal.REVIEWER, null, Map.of()).statusCode() == 200 ? "" : null);
        poll(Duration.ofSeconds(90), () -> "APPROVED".equals(json(call("GET", project + "/" + projectId, Principal.ADMIN, null, Map.of()))
                .path("status").asText()) ? "" : null);
        // 双监控 and 自评 of the approved project: a July report and the year-end self-evaluation, both submitted, so
        // the monitoring case, the warning and both tables exist before the matrix asks for them
        for (String monitoring : List.of(JULY_REPORT, FINAL_REPORT)) {
            JsonNode created = expect(201, call("POST", project + "/" + projectId + "/monitoring", Principal.OWN_DEPARTMENT, monitoring, Map.of()));
            expect(200, call("POST", project + "/" + projectId + "/monitoring/" + created.get("period").asText() + "/submit",
                    Principal.OWN_DEPARTMENT, null, Map.of()));
        }
        String tables = baseUrl.apply("reporting-service") + "/api/v1/reports/projects/" + projectId;
        poll(Duration.ofSeconds(90), () -> call("GET", tables + "/monitoring/" + PERIOD, Principal.REVIEWER, null, Map.of()).statusCode() == 200
                && call("GET", tables + "/self-evaluation/2025", Principal.REVIEWER, null, Map.of()).statusCode() == 200 ? "" : null);
        libraryId = expect(201, call("POST", baseUrl.apply("indicator-service") + "/api/v1/library", Principal.ADMIN,
                "{\"name\":\"矩阵测试指标\",\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"unit\":\"人\"}", Map.of())).get("id").asText();
    }

    private void decide(String url, String token, String body) throws Exception {
        poll(Duration.ofSeconds(60), () -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 409 && r.body().contains("checks-pending")) {
                return null;
            }
            expect(200, r);
            return "";
        });
    }

    /** Real ids by the path segment before them. */
    public Map<String, String> ids() {
        return Map.of("projects", projectId, "cases", caseId, "library", libraryId);
    }

    /** A valid body per operation: the matrix sends it, the fuzzer starts most of its mutations from it. */
    public Map<String, JsonNode> examples() throws Exception {
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        ObjectNode declaration = (ObjectNode) SeedFixtures.project("JC-CQ-2025-002");
        declaration.remove("externalRef");
        bodies.put("POST /api/v1/projects", declaration);
        ObjectNode same = (ObjectNode) SeedFixtures.project("JC-CQ-2025-002");
        same.remove("externalRef");
        bodies.put("PUT /api/v1/projects/{id}", same);
        bodies.put("PATCH /api/v1/projects/{id}", JSON.readTree("{\"annualGoal\":\"保障城区幼儿园正常运转。\"}"));
        bodies.put("POST /api/v1/projects/{id}/monitoring", JSON.readTree(JULY_REPORT));
        bodies.put("PUT /api/v1/projects/{id}/monitoring/{period}", JSON.readTree(JULY_REPORT));
        bodies.put("POST /api/v1/projects/{id}/amendments", JSON.readTree("{\"reason\":\"矩阵测试调整\"}"));
        ArrayNode batch = JSON.createArrayNode();
        ObjectNode imported = (ObjectNode) SeedFixtures.project("JC-CQ-2025-004");
        imported.put("externalRef", "JC-CQ-2025-004-import-" + UUID.randomUUID());
        batch.add(imported);
        bodies.put("POST /api/v1/projects/import", batch);
        bodies.put("POST /api/v1/checks", SeedFixtures.project("JC-CQ-2025-002"));
        bodies.put("POST /api/v1/targets/parse", JSON.readTree("{\"text\":\"≥4.7万人\"}"));
        bodies.put("PUT /api/v1/frameworks/years/{budgetYear}", JSON.readTree("{\"frameworkCode\":\"" + frameworkCode() + "\"}"));
        bodies.put("POST /api/v1/frameworks/years/{budgetYear}/aliases", JSON.readTree("{\"level1\":\"产出\",\"toLevel1\":\"产出指标\"}"));
        bodies.put("POST /api/v1/library", JSON.readTree("{\"name\":\"矩阵指标" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"level1\":\"产出指标\",\"level2\":\"数量指标\"}"));
        bodies.put("PUT /api/v1/library/{id}", JSON.readTree("{\"name\":\"矩阵测试指标\",\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"unit\":\"人\"}"));
        bodies.put("POST /api/v1/cases/{id}/assign", JSON.readTree("{\"assignee\":\"matrix-reviewer\"}"));
        bodies.put("POST /api/v1/cases/{id}/decisions", JSON.readTree("{\"action\":\"PASS\",\"comment\":\"矩阵\"}"));
        bodies.put("PUT /api/v1/routes/{budgetYear}", JSON.readTree("{\"stages\":[{\"name\":\"初审\",\"targetDays\":5},{\"name\":\"复审\",\"targetDays\":5}]}"));
        return bodies;
    }

    private String frameworkCode() throws Exception {
        JsonNode fw = json(call("GET", baseUrl.apply("indicator-service") + "/api/v1/frameworks/years/2025", Principal.ADMIN, null, Map.of()));
        return fw.path("code").asText("mof-2021");
    }

    // ------------------------------------------------------------------------------------------------ the matrix

    /** One call of the matrix that did not answer what the table says, or reached another department's object. */
    public record MatrixResult(int calls, List<String> failures, int crossDepartment) {
    }

    public MatrixResult runMatrix() throws Exception {
        Map<String, JsonNode> bodies = examples();
        List<String> failures = new ArrayList<>();
        int calls = 0;
        int cross = 0;
        List<ApiOperation> ordered = new ArrayList<>(operations);
        ordered.sort(Comparator.comparingInt((ApiOperation o) -> switch (o.method()) {
            case "GET" -> 0;
            case "DELETE" -> 2;
            default -> 1;
        }));
        for (ApiOperation op : ordered) {
            AccessMatrix.Row row = matrix.row(op.key());
            if (row == null) {
                continue; // reported by mismatches()
            }
            for (Principal who : ORDER) {
                String url = matrixUrl(op);
                Map<String, String> headers = new LinkedHashMap<>();
                if (op.path().startsWith("/api/v1/projects/{id}") && !op.isRead()) {
                    HttpResponse<String> current = call("GET", baseUrl.apply("project-service") + "/api/v1/projects/" + projectId,
                            Principal.ADMIN, null, Map.of());
                    current.headers().firstValue("ETag").ifPresent(tag -> headers.put("If-Match", tag));
                }
                if (op.path().endsWith("/submit")) {
                    headers.put("Idempotency-Key", "matrix-" + UUID.randomUUID());
                }
                JsonNode body = bodies.get(op.key());
                if (body == null && op.hasBody()) {
                    body = new RequestFuzzer(operations, matrix, baseUrl, ids(), Map.of())
                            .value(new java.util.Random(1), op, op.resolve(op.bodySchema()), "", 0);
                }
                if (op.key().equals("POST /api/v1/projects") || op.key().equals("POST /api/v1/projects/import")
                        || op.key().equals("POST /api/v1/library")) {
                    bodies = examples(); // a fresh externalRef or name for every creation
                    body = bodies.get(op.key());
                }
                if (body != null) {
                    headers.put("Content-Type", op.bodyMediaType());
                }
                HttpResponse<String> r = call(op.method(), url, who, body == null ? null : body.toString(), headers);
                calls++;
                String cell = row.cell(who);
                String why = AccessMatrix.check(cell, r.statusCode());
                String where = op.service() + " " + op.key() + " as " + who;
                if (why != null) {
                    failures.add(where + ": " + why + " — " + excerpt(r.body()));
                }
                if (who == Principal.OTHER_DEPARTMENT && r.statusCode() / 100 == 2) {
                    String path = URI.create(url).getPath();
                    boolean ownObjectInPath = path.contains(projectId) || path.contains(caseId);
                    boolean ownObjectInAnswer = r.body().contains(projectId) || r.body().contains(caseId);
                    if (ownObjectInPath || ownObjectInAnswer) {
                        cross++;
                        failures.add(where + ": department " + Principal.OTHER + " reached department " + Principal.OWN + "'s "
                                + (ownObjectInPath ? "object " + url : "object in the answer") + " — " + excerpt(r.body()));
                    }
                }
            }
        }
        return new MatrixResult(calls, failures, cross);
    }

    private String matrixUrl(ApiOperation op) {
        String path = op.path();
        for (ApiOperation.Parameter p : op.parameters()) {
            if (p.in().equals("path")) {
                path = path.replace("{" + p.name() + "}", pathValue(op, p.name()));
            }
        }
        StringBuilder url = new StringBuilder(baseUrl.apply(op.service())).append(path);
        char sep = '?';
        for (ApiOperation.Parameter p : op.parameters()) {
            String v = p.in().equals("query") ? queryValue(op, p) : null;
            if (v != null) {
                url.append(sep).append(p.name()).append('=').append(RequestFuzzer.encode(v));
                sep = '&';
            }
        }
        return url.toString();
    }

    private String pathValue(ApiOperation op, String name) {
        return switch (name) {
            case "budgetYear" -> op.isRead() ? "2025" : Integer.toString(CONFIG_YEAR);
            case "revision" -> "1";
            case "period" -> PERIOD;
            case "eventId" -> "00000000-0000-0000-0000-000000000011";
            case "projectId" -> projectId;
            case "id" -> op.path().contains("/cases/") ? caseId : op.path().contains("/library/") ? libraryId : projectId;
            default -> throw new IllegalStateException("no matrix value for path parameter " + name + " of " + op.key()
                    + ": add one to SecurityProbe.pathValue");
        };
    }

    private String queryValue(ApiOperation op, ApiOperation.Parameter p) {
        return switch (p.name()) {
            case "projectId" -> projectId;
            case "budgetYear" -> "2025";
            case "against" -> "1";
            case "name" -> "幼儿园数量";
            // the owning department's history of indicators: what reviewers and admins name, what another department must not see
            case "department" -> op.path().endsWith("/suggestions") ? Principal.OWN : null;
            default -> p.required() ? "x" : null;
        };
    }

    // ------------------------------------------------------------------------------------------------ fuzzing

    public RequestFuzzer fuzzer() throws Exception {
        List<ApiOperation> fuzzed = operations.stream().filter(o -> matrix.row(o.key()) != null).toList();
        return new RequestFuzzer(fuzzed, matrix, baseUrl, ids(), examples(), NOT_FUZZED_WHEN_ADMITTED);
    }

    /** The figures of a fuzz run. */
    public record FuzzReport(long seed, long sent, long answered5xx, long notProblem4xx, long rowsChangedByRejected,
            long acceptedThoughDefective, long failedToSend, List<String> examples, List<String> changedTables, String text) {
    }

    public interface Barrier {
        void await() throws Exception;
    }

    /**
     * Sends {@code total} requests: first a rejection phase (a third, writes only, every request defective) between
     * two fingerprints of all databases, then requests of every operation, valid and mutated alike.
     */
    public FuzzReport runFuzz(long seed, int total, int concurrency, DatabaseFingerprint.Connector databases, Barrier quiet)
            throws Exception {
        RequestFuzzer fuzzer = fuzzer();
        int rejecting = total / 3;
        long started = System.nanoTime();
        quiet.await();
        Map<String, String> before = DatabaseFingerprint.of(services, databases);
        RequestFuzzer.Tally refused = fuzzer.run(http, seed, rejecting, true, concurrency);
        quiet.await();
        Map<String, String> after = DatabaseFingerprint.of(services, databases);
        long rejectSeconds = (System.nanoTime() - started) / 1_000_000_000L;
        RequestFuzzer.Tally free = fuzzer.run(http, seed + 1, total - rejecting, false, concurrency);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        List<String> changed = DatabaseFingerprint.changes(before, after);
        long rows = DatabaseFingerprint.rowsChanged(before, after);
        long sent = refused.sent.get() + free.sent.get();
        long fives = refused.status5xx.get() + free.status5xx.get();
        long plain = refused.notProblem4xx.get() + free.notProblem4xx.get();
        long failed = refused.failedToSend.get() + free.failedToSend.get();
        List<String> examples = new ArrayList<>();
        refused.examples5xx.forEach(e -> examples.add("5xx: " + e));
        free.examples5xx.forEach(e -> examples.add("5xx: " + e));
        refused.examplesNotProblem.forEach(e -> examples.add("4xx not problem+json: " + e));
        free.examplesNotProblem.forEach(e -> examples.add("4xx not problem+json: " + e));
        refused.examplesAccepted.forEach(e -> examples.add("accepted in the rejection phase: " + e));
        refused.examplesFailed.forEach(e -> examples.add("not answered: " + e));
        free.examplesFailed.forEach(e -> examples.add("not answered: " + e));
        String text = String.format("""
                fuzz seed %d (-Djixiao.fuzz.seed=%d reproduces), %d operations, concurrency %d, %d s
                  requests sent:                          %d (%d in the rejection phase, %d s)
                  answered 2xx / 4xx / 5xx:               %d / %d / %d
                  5xx answered:                           %d
                  4xx not application/problem+json:       %d
                  rows changed by rejected requests:      %d (%d tables of %d compared)
                  accepted in the rejection phase:        %d
                  not answered (connection, timeout):     %d
                """, seed, seed, fuzzer.operationCount(), concurrency, seconds, sent, refused.sent.get(), rejectSeconds,
                refused.status2xx.get() + free.status2xx.get(), refused.status4xx.get() + free.status4xx.get(), fives, fives, plain,
                rows, changed.size(), before.size(), refused.acceptedWrites.get(), failed);
        return new FuzzReport(seed, sent, fives, plain, rows, refused.acceptedWrites.get(), failed, examples, changed, text);
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    HttpResponse<String> call(String method, String url, Principal who, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (who.token() != null) {
            b.header("Authorization", "Bearer " + who.token());
        }
        headers.forEach(b::header);
        if (body != null && !headers.containsKey("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(b.build(), EventStreams.closingStreams(HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), ""));
    }

    static JsonNode expect(int status, HttpResponse<String> r) throws Exception {
        if (r.statusCode() != status) {
            throw new AssertionError(r.request().method() + " " + r.request().uri() + " answered " + r.statusCode() + ", expected "
                    + status + ": " + excerpt(r.body()));
        }
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return r.statusCode() == 200 ? JSON.readTree(r.body()) : JSON.nullNode();
    }

    static String excerpt(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    interface Attempt {
        String get() throws Exception;
    }

    static String poll(Duration timeout, Attempt attempt) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            String v = attempt.get();
            if (v != null) {
                return v;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }
}
