package org.jixiao.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jixiao.common.test.DevTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The four packaged services as separate processes, one KRaft broker process and a real PostgreSQL
 * server; the test speaks HTTP only, so every arrow between services crosses the broker. The services export
 * their spans to an OTLP receiver in the test ({@link OtlpReceiver}), which the tracing test reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(EndToEndIT.LogsOnFailure.class)
class EndToEndIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("jixiao.e2e.outage-seconds", 30));
    static LocalSystem system;
    /** 城区学前教育公用经费, approved by the first test; the monitoring test reports on it. */
    String preschool;
    /** The collector the services export their spans to (tracing is on in this test's services only). */
    static OtlpReceiver traces;

    final String department = DevTokens.department("034");
    final String reviewer = DevTokens.reviewer("王复核");
    /** 四眼原则: the second stage of a case is decided by another reviewer than the first. */
    final String secondReviewer = DevTokens.reviewer("陈复审");

    @BeforeAll
    void start() throws Exception {
        traces = OtlpReceiver.start();
        system = new LocalSystem(Path.of(System.getProperty("user.dir")).getParent());
        system.serviceEnvironment(java.util.Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint(),
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                // spans reach the receiver within a poll of the test, not after the default 5 s
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms"));
        system.startPostgres();
        system.startKafka();
        system.startServices();
    }

    @AfterAll
    void stop() throws Exception {
        if (system != null) {
            system.close();
        }
        if (traces != null) {
            traces.close();
        }
    }

    @Test
    @Order(1)
    void shouldCarryADeclarationThroughReviewIntoTheYearsSummary() throws Exception {
        ObjectNode doc = seed("JC-CQ-2025-002");
        String projectId = declare(doc);
        preschool = projectId;
        given().auth().oauth2(department).header("Idempotency-Key", "e2e-" + projectId)
                .when().post(system.url("project-service") + "/api/v1/projects/" + projectId + "/submit")
                .then().statusCode(200);

        String caseId = awaitCase(projectId, Duration.ofSeconds(30));
        // indicator-service checked the revision and approval-service shows its findings
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(reviewer)
                .get(system.url("approval-service") + "/api/v1/cases/" + caseId).then().extract().path("flagged") != null);
        decide(caseId, reviewer, "{\"action\":\"PASS\",\"comment\":\"初审通过\"}");
        decide(caseId, secondReviewer, "{\"action\":\"APPROVE\",\"grade\":\"优\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> "APPROVED".equals(given().auth().oauth2(department)
                .get(system.url("project-service") + "/api/v1/projects/" + projectId).then().extract().path("status")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode summary = JSON.readTree(given().auth().oauth2(reviewer)
                    .get(system.url("reporting-service") + "/api/v1/reports/summary?budgetYear=2025").asString());
            assertThat(summary.get("rows").findValuesAsText("projectId")).contains(projectId);
            JsonNode row = null;
            for (JsonNode r : summary.get("rows")) {
                if (r.get("projectId").asText().equals(projectId)) {
                    row = r;
                }
            }
            assertThat(row.get("amount").asText()).isEqualTo("4515600");
            assertThat(row.get("projectName").asText()).isEqualTo("城区学前教育公用经费");
            assertThat(summary.get("total").asText()).isEqualTo("4515600.00");
        });
    }

    /**
     * 双监控 across the four services: the department's July report of 城区学前教育公用经费 (保障幼儿数 ≥7526人
     * forecast at 7000, 7% short; 30% of the funding spent at 58% of the year) is assessed by indicator-service,
     * opens a MONITORING case and a warning in approval-service, reaches a dashboard connected to the stream, renders
     * as the monitoring table in PDF and XLSX, and the reviewer's acknowledgement reaches the department's report.
     */
    @Test
    @Order(2)
    void shouldFollowAJulyMonitoringReportToItsCaseWarningStreamAndTables() throws Exception {
        assertThat(preschool).as("the first test approved the project").isNotNull();
        String project = system.url("project-service") + "/api/v1/projects/" + preschool;
        java.util.concurrent.BlockingQueue<String> stream = new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.HttpClient sse = java.net.http.HttpClient.newHttpClient();
        java.util.concurrent.CompletableFuture<?> connection = sse.sendAsync(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(system.url("approval-service") + "/api/v1/dashboard/stream"))
                .header("Authorization", "Bearer " + reviewer).header("Accept", "text/event-stream").build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> r.body().forEach(stream::add));
        try {
            assertThat(stream.poll(30, java.util.concurrent.TimeUnit.SECONDS)).as("the stream's first line").isEqualTo(":connected");
            given().auth().oauth2(department).contentType(ContentType.JSON).body("""
                    {"period":"2025-07","asOf":"2025-07-31","spent":"1354680.00","indicators":[
                     {"index":1,"actual":"6000","forecast":"7000","likelihood":"LIKELY","deviationCause":"FUNDING","note":"秋季入园人数待统计"}],
                     "measures":"加快公用经费拨付进度"}""")
                    .when().post(project + "/monitoring").then().statusCode(201);
            given().auth().oauth2(department).when().post(project + "/monitoring/2025-07/submit").then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("SUBMITTED"));

            // the dashboard hears of the warning as it happens
            String warning = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (warning == null && System.nanoTime() < deadline) {
                String line = stream.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                if (line != null && line.startsWith("data:") && line.contains(preschool) && line.contains("AT_RISK")) {
                    warning = line;
                }
            }
            assertThat(warning).as("a warning event for the project on the dashboard stream").isNotNull();

            String caseId = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(reviewer)
                    .get(system.url("approval-service") + "/api/v1/cases?kind=MONITORING&projectId=" + preschool)
                    .then().statusCode(200).extract().<List<String>>path("items.id"), ids -> ids.size() == 1).get(0);
            JsonNode monitoringCase = JSON.readTree(given().auth().oauth2(reviewer)
                    .get(system.url("approval-service") + "/api/v1/cases/" + caseId).asString());
            assertThat(monitoringCase.path("kind").asText()).isEqualTo("MONITORING");
            assertThat(monitoringCase.at("/assessment/budget/status").asText()).isEqualTo("AT_RISK");
            JsonNode children = null;
            for (JsonNode row : monitoringCase.at("/assessment/rows")) {
                if (row.path("index").asInt() == 1) {
                    children = row;
                }
            }
            assertThat(children).as("the 保障幼儿数 row is assessed").isNotNull();
            assertThat(children.path("status").asText()).isEqualTo("AT_RISK");

            JsonNode warnings = JSON.readTree(given().auth().oauth2(reviewer)
                    .get(system.url("approval-service") + "/api/v1/dashboard/warnings?budgetYear=2025").asString());
            assertThat(warnings.path("items").findValuesAsText("projectId")).contains(preschool);

            String table = system.url("reporting-service") + "/api/v1/reports/projects/" + preschool + "/monitoring/2025-07";
            byte[] pdf = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(reviewer)
                    .get(table + "?format=pdf").then().extract().response(), r -> r.statusCode() == 200).asByteArray();
            assertThat(org.jixiao.common.test.ReportContents.pdfText(pdf)).contains("保障幼儿数", "≥7526人", "7000", "预警", "30.00%");
            byte[] xlsx = given().auth().oauth2(reviewer).get(table + "?format=xlsx").then().statusCode(200).extract().asByteArray();
            StringBuilder cells = new StringBuilder();
            try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                    new java.io.ByteArrayInputStream(xlsx))) {
                wb.getFirstSheet().openStream().forEach(row -> row.forEach(c -> cells.append(c == null ? "" : c.getText()).append('|')));
            }
            assertThat(cells.toString()).contains("保障幼儿数", "≥7526人", "预警");

            decide(caseId, reviewer, "{\"action\":\"ACKNOWLEDGE\",\"comment\":\"请按纠偏措施加快拨付\"}");
            await().atMost(Duration.ofSeconds(30)).until(() -> "ACKNOWLEDGED".equals(given().auth().oauth2(department)
                    .get(project + "/monitoring/2025-07").then().statusCode(200).extract().path("status")));
        } finally {
            connection.cancel(true);
        }
    }

    @Test
    @Order(3)
    void shouldPublishEverySeedProjectApprovedThroughTheRealFlowVerbatim() throws Exception {
        Path file = Path.of(System.getProperty("user.dir")).getParent().resolve("common/src/main/resources/seed/seed-2025-projects.json");
        JsonNode seed = JSON.readTree(file.toFile()).get("projects");
        String suffix = "-pub-" + UUID.randomUUID().toString().substring(0, 8);
        com.fasterxml.jackson.databind.node.ArrayNode batch = JSON.createArrayNode();
        for (JsonNode p : seed) {
            ObjectNode copy = p.deepCopy();
            copy.put("externalRef", p.get("externalRef").asText() + suffix);
            batch.add(copy);
        }
        List<String> ids = given().auth().oauth2(DevTokens.integration()).contentType(ContentType.JSON).body(batch.toString())
                .post(system.url("project-service") + "/api/v1/projects/import").then().statusCode(200)
                .extract().path("results.id");
        String admin = DevTokens.admin();
        for (String id : ids) {
            given().auth().oauth2(admin).post(system.url("project-service") + "/api/v1/projects/" + id + "/submit").then().statusCode(200);
        }
        for (String id : ids) {
            // the import froze revision 1 (kind IMPORT): the first submission is revision 2
            String c = awaitCase(id, 2, Duration.ofSeconds(60));
            decide(c, reviewer, "{\"action\":\"PASS\"}");
            // 职中免学费 (003) has no 效益/满意度 rows in the source document: the checks flag it, the reviewer overrides
            decide(c, secondReviewer, "{\"action\":\"APPROVE\",\"grade\":\"优\",\"overrideReason\":\"原表如此，按原文批复\"}");
        }
        java.math.BigDecimal expectedTotal = java.math.BigDecimal.ZERO;
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            JsonNode project = seed.get(i);
            expectedTotal = expectedTotal.add(new java.math.BigDecimal(project.get("funding").asText()));
            String report = system.url("reporting-service") + "/api/v1/reports/projects/" + id;
            await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(reviewer).get(report + "?format=html").statusCode() == 200);
            org.jixiao.common.test.ReportContents.assertXlsxHoldsProject(
                    given().auth().oauth2(reviewer).get(report + "?format=xlsx").then().statusCode(200).extract().asByteArray(), project);
            org.jixiao.common.test.ReportContents.assertPdfHoldsProject(
                    given().auth().oauth2(reviewer).get(report + "?format=pdf").then().statusCode(200).extract().asByteArray(), project);
        }
        JsonNode summary = JSON.readTree(given().auth().oauth2(reviewer)
                .get(system.url("reporting-service") + "/api/v1/reports/summary?budgetYear=2025").asString());
        java.math.BigDecimal listed = java.math.BigDecimal.ZERO;
        for (JsonNode row : summary.get("rows")) {
            int at = ids.indexOf(row.get("projectId").asText());
            if (at >= 0) {
                assertThat(row.get("amount").asText()).isEqualTo(seed.get(at).get("funding").asText());
                listed = listed.add(new java.math.BigDecimal(row.get("amount").asText()));
            }
        }
        assertThat(listed).isEqualByComparingTo(expectedTotal);
        assertThat(listed.setScale(2).toPlainString()).isEqualTo(expectedTotal.setScale(2).toPlainString());
    }

    @Test
    @Order(4)
    void shouldWalkAReturnAResubmissionAndAnAmendmentToTheAmendedApprovedRevision() throws Exception {
        String projectId = declare(seed("JC-CQ-2025-004"));
        String project = system.url("project-service") + "/api/v1/projects/" + projectId;
        given().auth().oauth2(department).post(project + "/submit").then().statusCode(200);
        String first = awaitCase(projectId, 1, Duration.ofSeconds(30));
        decide(first, reviewer, "{\"action\":\"PASS\"}");
        decide(first, secondReviewer, "{\"action\":\"RETURN\",\"comment\":\"指标需细化\",\"comments\":["
                + "{\"indicatorIndex\":0,\"text\":\"数量指标与学生人数不一致\"},"
                + "{\"indicatorIndex\":2,\"text\":\"请写明质量标准\"}]}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "RETURNED".equals(
                given().auth().oauth2(department).get(project).then().extract().path("status")));
        given().auth().oauth2(department).get(project).then()
                .body("reviewComments.indicatorIndex", org.hamcrest.Matchers.hasItems(0, 2));

        String etag = given().auth().oauth2(department).get(project).header("ETag");
        given().auth().oauth2(department).header("If-Match", etag).contentType("application/merge-patch+json; charset=UTF-8")
                .body("{\"annualGoal\":\"为全区学生免费提供地方教材，发放率100%。\"}").patch(project).then().statusCode(200);
        given().auth().oauth2(department).post(project + "/submit").then().statusCode(200).body("revision", org.hamcrest.Matchers.equalTo(2));
        String second = awaitCase(projectId, 2, Duration.ofSeconds(30));
        JsonNode secondCase = JSON.readTree(given().auth().oauth2(reviewer)
                .get(system.url("approval-service") + "/api/v1/cases/" + second).asString());
        assertThat(secondCase.get("changes").findValuesAsText("field")).containsExactly("annualGoal");
        assertThat(secondCase.get("comments").findValuesAsText("text")).contains("数量指标与学生人数不一致", "请写明质量标准");
        decide(second, reviewer, "{\"action\":\"PASS\"}");
        decide(second, secondReviewer, "{\"action\":\"APPROVE\",\"grade\":\"良\",\"comment\":\"发放率指标可写明口径\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "APPROVED".equals(
                given().auth().oauth2(department).get(project).then().extract().path("status")));

        given().auth().oauth2(department).contentType(ContentType.JSON).body("{\"reason\":\"教材单价调整\"}")
                .post(project + "/amendments").then().statusCode(200);
        etag = given().auth().oauth2(department).get(project).header("ETag");
        given().auth().oauth2(department).header("If-Match", etag).contentType("application/merge-patch+json; charset=UTF-8")
                .body("{\"funding\":\"3300000\"}").patch(project).then().statusCode(200);
        given().auth().oauth2(department).post(project + "/submit").then().statusCode(200);
        String amendment = awaitCase(projectId, 3, Duration.ofSeconds(30));
        JsonNode amendmentCase = JSON.readTree(given().auth().oauth2(reviewer)
                .get(system.url("approval-service") + "/api/v1/cases/" + amendment).asString());
        assertThat(amendmentCase.get("kind").asText()).isEqualTo("AMENDMENT");
        assertThat(amendmentCase.get("amendmentReason").asText()).isEqualTo("教材单价调整");
        assertThat(amendmentCase.get("changes").findValuesAsText("field")).containsExactly("funding");
        decide(amendment, reviewer, "{\"action\":\"PASS\"}");
        decide(amendment, secondReviewer, "{\"action\":\"APPROVE\",\"grade\":\"优\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(3).equals(
                given().auth().oauth2(department).get(project).then().extract().path("approvedRevision")));
        given().auth().oauth2(department).get(project).then().body("status", org.hamcrest.Matchers.equalTo("APPROVED"))
                .body("funding", org.hamcrest.Matchers.equalTo("3300000"));

        List<String> history = new ArrayList<>();
        for (String c : List.of(first, second, amendment)) {
            history.addAll(given().auth().oauth2(reviewer).get(system.url("approval-service") + "/api/v1/cases/" + c + "/history")
                    .then().extract().<List<String>>path("action").stream()
                    .filter(a -> !a.equals("FINDINGS_RECEIVED") && !a.equals("COMMENTED")).toList());
        }
        assertThat(history).containsExactly("OPENED", "PASSED", "RETURNED", "OPENED", "PASSED", "APPROVED",
                "OPENED", "PASSED", "APPROVED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(JSON.readTree(given().auth().oauth2(reviewer)
                .get(system.url("reporting-service") + "/api/v1/reports/summary?budgetYear=2025").asString())
                .get("rows").findValuesAsText("amount")).contains("3300000"));
    }

    @Test
    @Order(5)
    void shouldAcceptSubmissionsDuringABrokerOutageAndOpenEveryReviewOnceAfterwards() throws Exception {
        List<String> ids = new ArrayList<>();
        for (String ref : List.of("JC-CQ-2025-001", "JC-CQ-2025-003", "JC-CQ-2025-004", "JC-CQ-2025-005")) {
            ids.add(declare(seed(ref)));
        }
        system.stopKafka();
        Instant down = Instant.now();
        java.util.Map<String, String> traceOf = new java.util.HashMap<>();
        for (String id : ids) {
            traceOf.put(id, newTraceId());
            given().auth().oauth2(department).header("traceparent", "00-" + traceOf.get(id) + "-" + newSpanId() + "-01")
                    .when().post(system.url("project-service") + "/api/v1/projects/" + id + "/submit")
                    .then().statusCode(200);
        }
        Thread.sleep(Math.max(0, OUTAGE.minus(Duration.between(down, Instant.now())).toMillis()));
        system.startKafka();
        for (String id : ids) {
            awaitCase(id, Duration.ofSeconds(90));
        }
        // Barrier, not a pause: every submission is on the broker and approval-service has processed all of it,
        // so a duplicate sent by a wrong outbox or applied by a wrong inbox would be counted below.
        system.awaitQuiet("project-service", "approval-service", Duration.ofSeconds(60));
        for (String id : ids) {
            int cases = given().auth().oauth2(reviewer)
                    .get(system.url("approval-service") + "/api/v1/cases?projectId=" + id).then().extract().path("total");
            assertThat(cases).as("cases of " + id).isEqualTo(1);
        }
        // published by the relay's polling after the outage, each event still continued its submission's trace
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String id : ids) {
                assertThat(consumed(traces.trace(traceOf.get(id)))).as("trace of " + id).contains("approval-service jixiao.projects");
            }
        });
    }

    @Test
    @Order(6)
    void shouldAnswer401ToATokenIssuedForAnotherAudienceOnEveryService() {
        String forOtherApplication = DevTokens.sign("admin", "admin", java.util.Map.of("aud", "other"));
        for (String service : LocalSystem.SERVICES) {
            given().auth().oauth2(DevTokens.admin()).get(system.url(service) + "/api/v1/admin/outbox").then().statusCode(200);
            given().auth().oauth2(forOtherApplication).get(system.url(service) + "/api/v1/admin/outbox").then().statusCode(401);
        }
    }

    @Test
    @Order(7)
    void shouldRefuseToStartInProductionWithoutTheTokenIssuer() throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        for (String service : LocalSystem.SERVICES) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    root.resolve(service + "/target/quarkus-app/quarkus-run.jar").toString()).redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("JWT_") || k.equals("QUARKUS_PROFILE"));
            Process process = pb.start();
            boolean ended = process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(ended).as(service + " ends by itself").isTrue();
            assertThat(process.exitValue()).as(service + " exit code").isNotZero();
            assertThat(output).as(service).contains("JWT_PUBLIC_KEY_LOCATION").contains("JWT_ISSUER");
        }
    }

    @Test
    @Order(8)
    void shouldFollowOneSubmissionAsOneTraceThroughAllFourServices() throws Exception {
        String projectId = declare(seed("JC-CQ-2025-005"));
        // the department's browser (or gateway) starts the trace; the services must carry it on
        String submission = newTraceId();
        given().auth().oauth2(department).header("traceparent", "00-" + submission + "-" + newSpanId() + "-01")
                .post(system.url("project-service") + "/api/v1/projects/" + projectId + "/submit").then().statusCode(200);
        String caseId = awaitCase(projectId, Duration.ofSeconds(30));

        // project-service's request and outbox, indicator-service's check, approval-service's case and reporting's
        // read model (ProjectSubmitted, IndicatorCheckCompleted): all in the one trace
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<OtlpReceiver.ReceivedSpan> trace = traces.trace(submission);
            assertThat(trace).as("spans of trace %s: %s", submission, trace)
                    .extracting(OtlpReceiver.ReceivedSpan::service).containsAll(LocalSystem.SERVICES);
            assertThat(consumed(trace)).as("spans of trace %s: %s", submission, trace).contains(
                    "indicator-service jixiao.projects", "approval-service jixiao.projects",
                    "approval-service jixiao.indicator-checks", "reporting-service jixiao.projects",
                    "reporting-service jixiao.indicator-checks");
            // a producer span ends with the broker's acknowledgement, which may come after the consumer's
            assertConsumersFollowTheirProducers(trace);
        });
        assertThat(traces.trace(submission)).filteredOn(s -> s.kind() == OtlpReceiver.Kind.SERVER)
                .extracting(OtlpReceiver.ReceivedSpan::service).containsOnly("project-service");

        // the reviewer's decisions are requests of their own: the approval is a trace from approval-service to
        // project-service's status and reporting's read model
        decide(caseId, reviewer, "{\"action\":\"PASS\"}");
        String approval = newTraceId();
        decide(caseId, secondReviewer, "{\"action\":\"APPROVE\",\"grade\":\"优\"}",
                "00-" + approval + "-" + newSpanId() + "-01");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(consumed(traces.trace(approval))).contains("project-service jixiao.reviews",
                    "reporting-service jixiao.reviews");
            assertConsumersFollowTheirProducers(traces.trace(approval));
        });
        assertThat(traces.trace(approval)).extracting(OtlpReceiver.ReceivedSpan::service)
                .contains("approval-service", "project-service", "reporting-service");
    }

    /** "service topic" of every consumer span of a trace. */
    private static List<String> consumed(List<OtlpReceiver.ReceivedSpan> trace) {
        return trace.stream().filter(s -> s.kind() == OtlpReceiver.Kind.CONSUMER)
                .map(s -> s.service() + " " + s.attribute("messaging.destination.name")).toList();
    }

    /** Every record's consumer span is a child of the span that sent that record, in another service. */
    private static void assertConsumersFollowTheirProducers(List<OtlpReceiver.ReceivedSpan> trace) {
        java.util.Map<String, OtlpReceiver.ReceivedSpan> byId = new java.util.HashMap<>();
        trace.forEach(s -> byId.put(s.spanId(), s));
        List<OtlpReceiver.ReceivedSpan> consumers = trace.stream().filter(s -> s.kind() == OtlpReceiver.Kind.CONSUMER).toList();
        assertThat(consumers).isNotEmpty();
        for (OtlpReceiver.ReceivedSpan consumer : consumers) {
            OtlpReceiver.ReceivedSpan parent = byId.get(consumer.parentSpanId());
            assertThat(parent).as("parent of %s in %s", consumer.name(), consumer.service()).isNotNull();
            assertThat(parent.kind()).as("parent of %s in %s", consumer.name(), consumer.service())
                    .isEqualTo(OtlpReceiver.Kind.PRODUCER);
            assertThat(parent.attribute("messaging.destination.name")).isEqualTo(consumer.attribute("messaging.destination.name"));
            assertThat(parent.service()).isNotEqualTo(consumer.service());
        }
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String newSpanId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private ObjectNode seed(String externalRef) throws Exception {
        Path file = Path.of(System.getProperty("user.dir")).getParent().resolve("common/src/main/resources/seed/seed-2025-projects.json");
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            for (JsonNode p : JSON.readTree(in).get("projects")) {
                if (p.get("externalRef").asText().equals(externalRef)) {
                    ObjectNode copy = p.deepCopy();
                    // a department declares without the platform's externalRef (only integration and admin set it)
                    copy.remove("externalRef");
                    return copy;
                }
            }
        }
        throw new IllegalArgumentException(externalRef);
    }

    private String declare(ObjectNode doc) {
        return given().auth().oauth2(department).contentType(ContentType.JSON).body(doc.toString())
                .when().post(system.url("project-service") + "/api/v1/projects")
                .then().statusCode(201).extract().path("id");
    }

    private String awaitCase(String projectId, Duration timeout) {
        return awaitCase(projectId, 1, timeout);
    }

    private String awaitCase(String projectId, int revision, Duration timeout) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> given().auth().oauth2(reviewer)
                .get(system.url("approval-service") + "/api/v1/cases?projectId=" + projectId)
                .then().statusCode(200).extract().<List<String>>path("items.findAll { it.revision == " + revision + " }.id"),
                ids -> !ids.isEmpty()).get(0);
    }

    /** A reviewer decides once indicator-service's checks of the revision are on the case (409 checks-pending before). */
    private void decide(String caseId, String token, String body) {
        decide(caseId, token, body, null);
    }

    /** As {@link #decide(String, String, String)}, the request carrying {@code traceparent} when it is given. */
    private void decide(String caseId, String token, String body, String traceparent) {
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
            io.restassured.specification.RequestSpecification request = given().auth().oauth2(token);
            if (traceparent != null) {
                request.header("traceparent", traceparent);
            }
            io.restassured.response.Response r = request.contentType(ContentType.JSON).body(body)
                    .when().post(system.url("approval-service") + "/api/v1/cases/" + caseId + "/decisions");
            if (r.statusCode() == 409 && "https://jixiao.org/problems/checks-pending".equals(r.path("type"))) {
                return false;
            }
            r.then().statusCode(200);
            return true;
        });
    }

    /** A failed end-to-end test prints the last lines of every process's log. */
    static class LogsOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (system != null) {
                System.err.println(system.tails());
            }
        }
    }
}
