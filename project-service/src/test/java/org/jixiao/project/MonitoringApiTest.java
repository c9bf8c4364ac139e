package org.jixiao.project;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.MonitoringReviewed;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.ProjectReturned;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.EventContracts;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.junit.jupiter.api.Test;

/** 双监控 and 自评 on the department's side: reports on approved targets, submitted as events, reviewed by events. */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_project_test"))
class MonitoringApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String EDU = DevTokens.department("034");
    static final String HEALTH = DevTokens.department("038");
    static final String PROBLEMS = "https://jixiao.org/problems/";
    /** 城区学前教育公用经费: 9 rows, row 1 is 保障幼儿数 ≥7526人, funding 4515600. */
    static final String PRESCHOOL = "JC-CQ-2025-002";

    @Inject
    EventCodec codec;

    String approvedProject() throws Exception {
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument(PRESCHOOL));
        given().auth().oauth2(EDU).when().post("/api/v1/projects/" + id + "/submit").then().statusCode(200);
        EventEnvelope approved = codec.envelope(EventTypes.PROJECT_APPROVED, UUID.fromString(id), 1, "李复审",
                new ProjectApproved("JX2025-000001", "李复审", OffsetDateTime.now(), "良", exported(id)));
        KafkaProbe.send(Topics.REVIEWS, id, codec.encode(approved));
        await().atMost(Duration.ofSeconds(20)).until(() -> "APPROVED".equals(
                given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().extract().path("status")));
        return id;
    }

    ProjectDocument exported(String id) throws Exception {
        return JSON.readValue(given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/export").asString(),
                ProjectDocument.class);
    }

    /** The July report: 保障幼儿数 6000 so far, 6900 expected, likely, for want of funding. */
    static ObjectNode julyReport() {
        ObjectNode report = JSON.createObjectNode().put("period", "2025-07").put("asOf", "2025-07-31")
                .put("spent", "3000000.00").put("final", false).put("measures", "加快资金拨付进度");
        report.putArray("indicators").addObject().put("index", 1).put("actual", "6000").put("forecast", "6900")
                .put("likelihood", "LIKELY").put("deviationCause", "FUNDING").put("note", "秋季学期入园人数待统计");
        return report;
    }

    static ValidatableResponse post(String token, String id, JsonNode report) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(report.toString())
                .when().post("/api/v1/projects/" + id + "/monitoring").then();
    }

    static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status).contentType(containsString("application/problem+json"))
                .body("type", equalTo(PROBLEMS + type));
    }

    void review(String id, String period, int reportRevision, String outcome, String reviewer, String comment,
            List<ProjectReturned.ReviewComment> comments) {
        KafkaProbe.send(Topics.REVIEWS, id, codec.encode(reviewed(id, period, reportRevision, outcome, reviewer, comment, comments)));
    }

    EventEnvelope reviewed(String id, String period, int reportRevision, String outcome, String reviewer, String comment,
            List<ProjectReturned.ReviewComment> comments) {
        EventEnvelope event = codec.envelope(EventTypes.MONITORING_REVIEWED, UUID.fromString(id), 1, reviewer,
                new MonitoringReviewed(period, reportRevision, "MONITORING", outcome, reviewer, OffsetDateTime.now(),
                        comment, comments));
        EventContracts.assertValid(codec.encode(event));
        return event;
    }

    static String status(String id, String period) {
        return given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/monitoring/" + period).then().extract().path("status");
    }

    List<ConsumerRecord<String, String>> reported(String id, int expected) {
        return KafkaProbe.records(Topics.PROJECTS, r -> id.equals(r.key()) && r.value().contains("\"MonitoringReported\""),
                expected, Duration.ofSeconds(20));
    }

    @Test
    void shouldPublishMonitoringReportedWhenReportIsSubmitted() throws Exception {
        String id = approvedProject();
        String etag = post(EDU, id, julyReport()).statusCode(201)
                .header("Location", endsWith("/api/v1/projects/" + id + "/monitoring/2025-07"))
                .body("status", equalTo("DRAFT")).body("reportRevision", equalTo(0)).body("approvedRevision", equalTo(1))
                .body("spent", equalTo("3000000.00")).body("final", equalTo(false))
                .body("indicators[0].forecast", equalTo("6900")).body("measures", equalTo("加快资金拨付进度"))
                .extract().header("ETag");
        assertThat(etag).isNotBlank();
        given().auth().oauth2(EDU).when().post("/api/v1/projects/" + id + "/monitoring/2025-07/submit").then()
                .statusCode(200).body("status", equalTo("SUBMITTED")).body("reportRevision", equalTo(1))
                .body("submittedBy", equalTo("dept-034"));

        List<ConsumerRecord<String, String>> events = reported(id, 1);
        assertThat(events).hasSize(1);
        EventContracts.assertValid(events.get(0).value());
        assertThat(events.get(0).key()).isEqualTo(id);
        JsonNode event = JSON.readTree(events.get(0).value());
        assertThat(event.get("projectId").asText()).isEqualTo(id);
        assertThat(event.get("revision").asInt()).as("envelope revision = approved revision").isEqualTo(1);
        JsonNode data = event.get("data");
        assertThat(data.get("period").asText()).isEqualTo("2025-07");
        assertThat(data.get("reportRevision").asInt()).isEqualTo(1);
        assertThat(data.get("asOf").asText()).isEqualTo("2025-07-31");
        assertThat(data.get("spent").asText()).isEqualTo("3000000.00");
        assertThat(data.get("final").asBoolean()).isFalse();
        assertThat(data.get("approvedRevision").asInt()).isEqualTo(1);
        assertThat(data.at("/indicators/0/index").asInt()).isEqualTo(1);
        assertThat(data.at("/indicators/0/actual").asText()).isEqualTo("6000");
        assertThat(data.at("/indicators/0/likelihood").asText()).isEqualTo("LIKELY");
        assertThat(data.at("/indicators/0/deviationCause").asText()).isEqualTo("FUNDING");
        assertThat(data.get("measures").asText()).isEqualTo("加快资金拨付进度");
        JsonNode approvedRevision = JSON.readTree(given().auth().oauth2(EDU)
                .get("/api/v1/projects/" + id + "/revisions/1").asString());
        assertThat(data.get("project")).as("the approved revision in full").isEqualTo(approvedRevision);
        assertThat(data.at("/project/indicators/1/name").asText()).isEqualTo("保障幼儿数");

        given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/monitoring/2025-07/revisions").then().statusCode(200)
                .body("", hasSize(1)).body("[0].reportRevision", equalTo(1)).body("[0].spent", equalTo("3000000.00"))
                .body("[0].indicators[0].forecast", equalTo("6900")).body("[0].outcome", nullValue());
        // a submitted report waits for the bureau: neither edited nor submitted again
        String current = given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/monitoring/2025-07").header("ETag");
        problem(given().auth().oauth2(EDU).header("If-Match", current).contentType(ContentType.JSON)
                .body(julyReport().toString()).put("/api/v1/projects/" + id + "/monitoring/2025-07").then(), 409, "not-editable");
        problem(given().auth().oauth2(EDU).post("/api/v1/projects/" + id + "/monitoring/2025-07/submit").then(), 409,
                "not-submittable");
    }

    @Test
    void shouldRefuseMonitoringReportOnProjectNotApproved() {
        String draft = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument(PRESCHOOL));
        problem(post(EDU, draft, julyReport()), 409, "not-approved");
        given().auth().oauth2(EDU).when().post("/api/v1/projects/" + draft + "/submit").then().statusCode(200);
        problem(post(EDU, draft, julyReport()), 409, "not-approved")
                .body("detail", containsString("SUBMITTED"));
        given().auth().oauth2(EDU).get("/api/v1/projects/" + draft + "/monitoring").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void shouldRejectIndexOutsideApprovedRows() throws Exception {
        String id = approvedProject();
        ObjectNode report = julyReport();
        ((ObjectNode) report.get("indicators").get(0)).put("index", 9);
        report.withArray("indicators").addObject().put("index", 0).put("forecast", "33");
        report.withArray("indicators").addObject().put("index", 0).put("forecast", "34");
        problem(post(EDU, id, report), 400, "invalid-monitoring-report")
                .body("errors.pointer", equalTo(List.of("/indicators/0/index", "/indicators/2/index")))
                .body("errors[0].message", containsString("no indicator row 9"));
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/monitoring").then().body("total", equalTo(0));
    }

    @Test
    void shouldRefuseAnotherDepartmentsReport() throws Exception {
        String id = approvedProject();
        post(EDU, id, julyReport()).statusCode(201);
        String report = "/api/v1/projects/" + id + "/monitoring/2025-07";
        ObjectNode august = julyReport().put("period", "2025-08").put("asOf", "2025-08-31");
        post(HEALTH, id, august).statusCode(404);
        given().auth().oauth2(HEALTH).get(report).then().statusCode(404);
        given().auth().oauth2(HEALTH).get("/api/v1/projects/" + id + "/monitoring").then().statusCode(404);
        given().auth().oauth2(HEALTH).get(report + "/revisions").then().statusCode(404);
        given().auth().oauth2(HEALTH).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(julyReport().toString())
                .put(report).then().statusCode(404);
        given().auth().oauth2(HEALTH).post(report + "/submit").then().statusCode(404);
        // reviewers and the provincial platform read, only the department (and admin) write
        given().auth().oauth2(DevTokens.reviewer("r1")).get(report).then().statusCode(200).body("status", equalTo("DRAFT"));
        given().auth().oauth2(DevTokens.integration()).get("/api/v1/projects/" + id + "/monitoring").then().statusCode(200)
                .body("items.period", equalTo(List.of("2025-07")));
        post(DevTokens.reviewer("r1"), id, august).statusCode(403);
        given().auth().oauth2(DevTokens.reviewer("r1")).post(report + "/submit").then().statusCode(403);
        post(DevTokens.integration(), id, august).statusCode(403);
        post(DevTokens.admin(), id, august).statusCode(201);
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/monitoring").then()
                .body("items.period", equalTo(List.of("2025-07", "2025-08"))).body("total", equalTo(2))
                .body("items[0].indicators", nullValue());
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/monitoring?status=DRAFT&size=1&page=1").then()
                .body("items.period", equalTo(List.of("2025-08"))).body("total", equalTo(2));
        problem(given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/monitoring?status=LATE").then(), 400,
                "invalid-parameter");
    }

    @Test
    void shouldMakeReturnedReportEditableAndResubmitAsRevisionTwo() throws Exception {
        String id = approvedProject();
        String report = "/api/v1/projects/" + id + "/monitoring/2025-07";
        post(EDU, id, julyReport()).statusCode(201);
        given().auth().oauth2(EDU).post(report + "/submit").then().statusCode(200).body("reportRevision", equalTo(1));

        EventEnvelope returned = reviewed(id, "2025-07", 1, "RETURNED", "张审核", "请说明入园人数偏差",
                List.of(new ProjectReturned.ReviewComment(null, 1, "保障幼儿数", "全年预计偏低，请核实")));
        KafkaProbe.send(Topics.REVIEWS, id, codec.encode(returned));
        KafkaProbe.send(Topics.REVIEWS, id, codec.encode(returned));
        await().atMost(Duration.ofSeconds(20)).until(() -> "RETURNED".equals(status(id, "2025-07")));
        String etag = given().auth().oauth2(EDU).get(report).then().statusCode(200)
                .body("reviewedBy", equalTo("张审核"))
                .body("reviewComments.text", equalTo(List.of("请说明入园人数偏差", "全年预计偏低，请核实")))
                .body("reviewComments[1].indicatorIndex", equalTo(1))
                .body("reviewComments[1].reportRevision", equalTo(1))
                .extract().header("ETag");

        ObjectNode corrected = julyReport();
        corrected.remove("period");
        ((ObjectNode) corrected.get("indicators").get(0)).put("forecast", "7600").put("likelihood", "CERTAIN");
        problem(given().auth().oauth2(EDU).contentType(ContentType.JSON).body(corrected.toString()).put(report).then(),
                428, "if-match-required");
        String newTag = given().auth().oauth2(EDU).header("If-Match", etag).contentType(ContentType.JSON)
                .body(corrected.toString()).put(report).then().statusCode(200)
                .body("status", equalTo("RETURNED")).body("indicators[0].forecast", equalTo("7600"))
                .extract().header("ETag");
        assertThat(newTag).isNotEqualTo(etag);
        problem(given().auth().oauth2(EDU).header("If-Match", etag).contentType(ContentType.JSON)
                .body(corrected.toString()).put(report).then(), 412, "stale-etag");
        given().auth().oauth2(EDU).header("If-Match", newTag).post(report + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("reportRevision", equalTo(2));

        List<ConsumerRecord<String, String>> events = reported(id, 2);
        assertThat(events).hasSize(2);
        events.forEach(e -> EventContracts.assertValid(e.value()));
        JsonNode second = JSON.readTree(events.get(1).value());
        assertThat(second.at("/data/reportRevision").asInt()).isEqualTo(2);
        assertThat(second.at("/data/indicators/0/forecast").asText()).isEqualTo("7600");

        // an answer to revision 1 arriving now is stale: only the answer to revision 2 counts
        review(id, "2025-07", 1, "RETURNED", "过期审核", "过期意见", List.of());
        review(id, "2025-07", 2, "ACKNOWLEDGED", "李复审", null, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> "ACKNOWLEDGED".equals(status(id, "2025-07")));
        given().auth().oauth2(EDU).get(report).then().body("reviewedBy", equalTo("李复审"))
                .body("reportRevision", equalTo(2)).body("reviewComments", hasSize(2));
        given().auth().oauth2(EDU).get(report + "/revisions").then()
                .body("reportRevision", equalTo(List.of(1, 2)))
                .body("outcome", equalTo(List.of("RETURNED", "ACKNOWLEDGED")))
                .body("indicators[0][0].forecast", equalTo("6900")).body("indicators[1][0].forecast", equalTo("7600"));
        problem(given().auth().oauth2(EDU).header("If-Match", given().auth().oauth2(EDU).get(report).header("ETag"))
                .contentType(ContentType.JSON).body(corrected.toString()).put(report).then(), 409, "not-editable");
    }

    @Test
    void shouldRejectCompletionOnNonFinalReport() throws Exception {
        String id = approvedProject();
        ObjectNode july = julyReport();
        july.withArray("indicators").addObject().put("index", 6).put("actual", "已推动").put("completion", "0.8")
                .put("justification", "学前教育发展指标均有改善");
        problem(post(EDU, id, july), 400, "invalid-monitoring-report")
                .body("errors.pointer", equalTo(List.of("/indicators/1/completion")));

        ObjectNode selfEvaluation = JSON.createObjectNode().put("period", "2025-12").put("asOf", "2025-12-31")
                .put("spent", "4515600").put("final", true);
        selfEvaluation.putArray("indicators").addObject().put("index", 6).put("actual", "已推动").put("completion", "0.8")
                .put("justification", "学前教育发展指标均有改善");
        post(EDU, id, selfEvaluation).statusCode(201).body("final", equalTo(true)).body("spent", equalTo("4515600.00"))
                .body("indicators[0].completion", equalTo("0.8"));
        given().auth().oauth2(EDU).post("/api/v1/projects/" + id + "/monitoring/2025-12/submit").then().statusCode(200);
        JsonNode event = JSON.readTree(reported(id, 1).get(0).value());
        assertThat(event.at("/data/final").asBoolean()).isTrue();
        assertThat(event.at("/data/indicators/0/completion").asText()).isEqualTo("0.8");
        assertThat(event.at("/data/indicators/0/justification").asText()).isEqualTo("学前教育发展指标均有改善");
    }

    @Test
    void shouldKeepOneReportPerPeriodAndPointToPut() throws Exception {
        String id = approvedProject();
        post(EDU, id, julyReport()).statusCode(201);
        problem(post(EDU, id, julyReport()), 409, "monitoring-report-exists")
                .body("detail", containsString("PUT /api/v1/projects/" + id + "/monitoring/2025-07"));
    }

    @Test
    void shouldAnswerBadReportsWithProblemsPointingAtTheCulprit() throws Exception {
        String id = approvedProject();
        ObjectNode badEnum = julyReport();
        ((ObjectNode) badEnum.get("indicators").get(0)).put("likelihood", "MAYBE");
        problem(post(EDU, id, badEnum), 400, "invalid-value")
                .body("errors[0].pointer", equalTo("/indicators/0/likelihood"));
        ObjectNode badIndex = julyReport();
        ((ObjectNode) badIndex.get("indicators").get(0)).put("index", "first");
        post(EDU, id, badIndex).statusCode(400).body("errors[0].pointer", equalTo("/indicators/0/index"));
        ObjectNode nul = julyReport().put("measures", "纠偏\u0000措施");
        problem(post(EDU, id, nul), 400, "invalid-text").body("errors[0].pointer", equalTo("/measures"));
        ObjectNode unknown = julyReport().put("colour", "red");
        problem(post(EDU, id, unknown), 400, "unknown-field");
        ObjectNode many = julyReport().put("period", "2026-07").put("asOf", "2025-06-31").put("spent", "-1")
                .put("final", true);
        problem(post(EDU, id, many), 400, "invalid-monitoring-report")
                .body("errors.pointer", equalTo(List.of("/period", "/asOf", "/spent")));
        ObjectNode figures = julyReport();
        ((ObjectNode) figures.get("indicators").get(0)).put("forecast", "6,900人");
        problem(post(EDU, id, figures), 400, "invalid-monitoring-report")
                .body("errors.pointer", equalTo(List.of("/indicators/0/forecast")));
        post(EDU, id, JSON.createObjectNode()).statusCode(400).body("errors.pointer", equalTo(List.of("/period")));
        given().auth().oauth2(EDU).contentType(ContentType.JSON).body("[]").post("/api/v1/projects/" + id + "/monitoring")
                .then().statusCode(400);
        problem(given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/monitoring/2025-13").then(), 400, "invalid-period");
        problem(given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/monitoring/2025-09").then(), 404, "not-found");
        given().auth().oauth2(EDU).get("/api/v1/projects/" + UUID.randomUUID() + "/monitoring").then().statusCode(404);
        // a draft may lack spent and rows; its submission lists what is missing
        post(EDU, id, JSON.createObjectNode().put("period", "2025-03")).statusCode(201)
                .body("asOf", equalTo("2025-03-31")).body("final", equalTo(false));
        problem(given().auth().oauth2(EDU).post("/api/v1/projects/" + id + "/monitoring/2025-03/submit").then(), 400,
                "invalid-monitoring-report").body("errors.pointer", equalTo(List.of("/spent", "/indicators")));
        ObjectNode otherPeriod = julyReport().put("period", "2025-04").put("asOf", "2025-04-30");
        problem(given().auth().oauth2(EDU).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(otherPeriod.toString()).put("/api/v1/projects/" + id + "/monitoring/2025-03").then(), 400,
                "immutable-field").body("errors[0].pointer", equalTo("/period"));
    }
}
