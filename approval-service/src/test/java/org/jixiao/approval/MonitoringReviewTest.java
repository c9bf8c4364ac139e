package org.jixiao.approval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.IndicatorCheckCompleted;
import org.jixiao.common.events.MonitoringAssessed;
import org.jixiao.common.events.Scoresheet;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.EventContracts;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 双监控 and 自评 in the bureau: report cases from MonitoringAssessed, their decisions, the warnings, the preview. */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_approval_test"))
class MonitoringReviewTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String REVIEWER = DevTokens.reviewer("张审核");

    @Inject
    EventCodec codec;

    Monitoring monitoring;
    Workflow workflow;

    @BeforeEach
    void setUp() {
        monitoring = new Monitoring(codec);
        workflow = new Workflow(codec);
    }

    static MonitoringAssessed july(String department, int year, String... statuses) {
        return Monitoring.report("城区学前教育公用经费", department, year, year + "-07", 1, false,
                Monitoring.budget("AT_RISK", "28.08"), null, statuses);
    }

    static io.restassured.response.ValidatableResponse decide(String caseId, String body) {
        return given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + caseId + "/decisions").then();
    }

    @Test
    void shouldOpenTheMonitoringCaseOnceWhenTheAssessmentIsDeliveredTwice() {
        UUID projectId = UUID.randomUUID();
        EventEnvelope first = monitoring.publish(projectId, july("101", 2071, "AT_RISK", "ON_TRACK"));
        monitoring.publish(first); // the broker delivers it again
        monitoring.publish(projectId, july("101", 2071, "AT_RISK", "ON_TRACK")); // indicator-service assesses it again
        // the same key, so the same partition: once August's case is open, everything before it was consumed
        monitoring.publish(projectId, Monitoring.report("城区学前教育公用经费", "101", 2071, "2071-08", 1, false,
                Monitoring.budget("ON_TRACK", "3.00"), null, "ON_TRACK", "ON_TRACK"));
        Monitoring.awaitReportCase(projectId, "2071-08", 1);

        JsonPath list = given().auth().oauth2(REVIEWER).when().get("/api/v1/cases?projectId=" + projectId
                + "&kind=MONITORING&sort=openedAt").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("items.period")).containsExactly("2071-07", "2071-08");
        assertThat(list.getLong("total")).isEqualTo(2);
        given().auth().oauth2(REVIEWER).when().get("/api/v1/cases?projectId=" + projectId + "&kind=SUBMISSION")
                .then().statusCode(200).body("total", equalTo(0));

        String caseId = list.getString("items[0].id");
        given().auth().oauth2(REVIEWER).when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("kind", equalTo("MONITORING"))
                .body("status", equalTo("OPEN"))
                .body("revision", equalTo(1))
                .body("reportRevision", equalTo(1))
                .body("stageName", equalTo("绩效监控审阅"))
                .body("projectName", equalTo("城区学前教育公用经费"))
                .body("spent", equalTo("1354680.00"))
                .body("measures", equalTo("加快拨付进度"))
                .body("overall", equalTo("AT_RISK"))
                .body("assessment.rows[0].status", equalTo("AT_RISK"))
                .body("assessment.budget.lagPoints", equalTo("28.08"))
                .body("indicators[0].forecast", equalTo("7000"))
                .body("indicators[0].deviationCause", equalTo("FUNDING"))
                .body("flagged", nullValue())
                .body("snapshot", nullValue());
        // the department of the project reads it; another department does not find it
        given().auth().oauth2(DevTokens.department("101")).when().get("/api/v1/cases/" + caseId).then().statusCode(200);
        given().auth().oauth2(DevTokens.department("102")).when().get("/api/v1/cases/" + caseId).then().statusCode(404);
    }

    @Test
    void shouldOpenASelfEvaluationCaseWithItsScoreForAFinalReport() {
        UUID projectId = UUID.randomUUID();
        Scoresheet score = new Scoresheet("87.50", "良", List.of(
                new Scoresheet.Part("预算执行率", "10", "9.10", null),
                new Scoresheet.Part("产出指标", "50", "46.43", List.of(new Scoresheet.Row(0, "保障幼儿数", "QUANTITATIVE",
                        "50.00", "0.9286", "46.43", false, "MEASURED")))), List.of(), "0.00");
        monitoring.publish(projectId, Monitoring.report("城区学前教育公用经费", "101", 2071, "2071-12", 1, true,
                Monitoring.budget("ON_TRACK", "0.00"), score, "AT_RISK"));
        String caseId = Monitoring.awaitReportCase(projectId, "2071-12", 1);
        given().auth().oauth2(REVIEWER).when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("kind", equalTo("SELF_EVALUATION"))
                .body("stageName", equalTo("自评审阅"))
                .body("score.total", equalTo("87.50"))
                .body("score.grade", equalTo("良"))
                .body("score.parts[1].rows[0].score", equalTo("46.43"));
        given().auth().oauth2(REVIEWER).when().get("/api/v1/cases?projectId=" + projectId + "&kind=SELF_EVALUATION")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void shouldPublishMonitoringReviewedWhenAReviewerAcknowledgesTheReport() throws Exception {
        UUID projectId = UUID.randomUUID();
        monitoring.publish(projectId, july("101", 2071, "ON_TRACK"));
        String caseId = Monitoring.awaitReportCase(projectId, "2071-07", 1);

        decide(caseId, "{\"action\":\"ACKNOWLEDGE\",\"comment\":\"已阅，请按计划推进\"}").statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("decidedBy", equalTo("张审核"));
        decide(caseId, "{\"action\":\"ACKNOWLEDGE\"}").statusCode(409).body("type", containsString("case-closed"));

        var reviewed = KafkaProbe.records(Topics.REVIEWS, r -> r.key().equals(projectId.toString()), 1, Duration.ofSeconds(20));
        assertThat(reviewed).hasSize(1);
        EventContracts.assertValid(reviewed.get(0).value());
        JsonNode event = JSON.readTree(reviewed.get(0).value());
        assertThat(event.get("eventType").asText()).isEqualTo(EventTypes.MONITORING_REVIEWED);
        assertThat(event.get("revision").asInt()).isEqualTo(1);
        assertThat(event.at("/data/outcome").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(event.at("/data/kind").asText()).isEqualTo("MONITORING");
        assertThat(event.at("/data/period").asText()).isEqualTo("2071-07");
        assertThat(event.at("/data/reportRevision").asInt()).isEqualTo(1);
        assertThat(event.at("/data/reviewedBy").asText()).isEqualTo("张审核");
        assertThat(event.at("/data/comment").asText()).isEqualTo("已阅，请按计划推进");
        given().auth().oauth2(REVIEWER).when().get("/api/v1/cases/" + caseId + "/history")
                .then().body("action", equalTo(List.of("OPENED", "ACKNOWLEDGED")));
    }

    @Test
    void shouldReturnTheReportWithRowCommentsLikeADeclaration() throws Exception {
        UUID projectId = UUID.randomUUID();
        monitoring.publish(projectId, july("101", 2071, "OFF_TRACK", "ON_TRACK"));
        String caseId = Monitoring.awaitReportCase(projectId, "2071-07", 1);

        decide(caseId, "{\"action\":\"RETURN\"}").statusCode(400).body("type", containsString("return-needs-comment"));
        decide(caseId, "{\"action\":\"RETURN\",\"comments\":[{\"indicatorIndex\":2,\"text\":\"无此行\"}]}").statusCode(400)
                .body("type", containsString("no-such-indicator"));
        decide(caseId, "{\"action\":\"RETURN\",\"comment\":\"请补充纠偏措施\",\"comments\":[{\"indicatorIndex\":0,"
                + "\"text\":\"全年预计6700人，偏差原因与措施不符\"}]}").statusCode(200)
                .body("status", equalTo("RETURNED"))
                .body("comments.find { it.indicatorIndex == 0 }.indicatorName", equalTo("保障幼儿数"));

        var returned = KafkaProbe.records(Topics.REVIEWS, r -> r.key().equals(projectId.toString()), 1, Duration.ofSeconds(20));
        assertThat(returned).hasSize(1);
        EventContracts.assertValid(returned.get(0).value());
        JsonNode event = JSON.readTree(returned.get(0).value());
        assertThat(event.get("eventType").asText()).isEqualTo(EventTypes.MONITORING_REVIEWED);
        assertThat(event.at("/data/outcome").asText()).isEqualTo("RETURNED");
        assertThat(event.at("/data/comment").asText()).isEqualTo("请补充纠偏措施");
        assertThat(event.at("/data/comments/0/indicatorIndex").asInt()).isEqualTo(0);
        assertThat(event.at("/data/comments/0/indicatorName").asText()).isEqualTo("保障幼儿数");
        assertThat(event.at("/data/comments/0/text").asText()).isEqualTo("全年预计6700人，偏差原因与措施不符");

        // the resubmitted report (revision 2) is a new case that shows the comments of the first round
        monitoring.publish(projectId, Monitoring.report("城区学前教育公用经费", "101", 2071, "2071-07", 2, false,
                Monitoring.budget("AT_RISK", "20.00"), null, "AT_RISK", "ON_TRACK"));
        String second = Monitoring.awaitReportCase(projectId, "2071-07", 2);
        given().auth().oauth2(REVIEWER).when().get("/api/v1/cases/" + second).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("comments.find { it.indicatorIndex == 0 }.revision", equalTo(1));
    }

    @Test
    void shouldRefuseToApproveAReportAndToAcknowledgeADeclaration() throws Exception {
        UUID projectId = UUID.randomUUID();
        monitoring.publish(projectId, july("101", 2071, "ON_TRACK"));
        String reportCase = Monitoring.awaitReportCase(projectId, "2071-07", 1);
        decide(reportCase, "{\"action\":\"APPROVE\",\"grade\":\"优\"}").statusCode(409)
                .body("type", equalTo("https://jixiao.org/problems/action-not-for-kind"))
                .body("detail", containsString("ACKNOWLEDGE"));
        decide(reportCase, "{\"action\":\"PASS\"}").statusCode(409).body("type", containsString("action-not-for-kind"));
        decide(reportCase, "{\"action\":\"ACKNOWLEDGE\",\"grade\":\"优\"}").statusCode(400)
                .body("type", containsString("grade-not-for-kind"));

        String declaration = workflow.checkedCase("JC-CQ-2025-014");
        decide(declaration, "{\"action\":\"ACKNOWLEDGE\"}").statusCode(409)
                .body("type", equalTo("https://jixiao.org/problems/action-not-for-kind"));
        given().auth().oauth2(REVIEWER).when().get("/api/v1/cases/" + declaration).then().body("status", equalTo("OPEN"));
    }

    @Test
    void shouldListWarningsWorstFirstAndADepartmentOnlyItsOwn() {
        int year = 2072;
        UUID a = UUID.randomUUID(); // 101: AT_RISK row, budget lag 5
        UUID b = UUID.randomUUID(); // 101: one OFF_TRACK row, budget AT_RISK lag 20
        UUID c = UUID.randomUUID(); // 102: two OFF_TRACK rows, budget fine
        UUID d = UUID.randomUUID(); // 102: rows fine, budget OFF_TRACK lag 35
        UUID e = UUID.randomUUID(); // 101: one OFF_TRACK row, budget OFF_TRACK lag 40
        UUID f = UUID.randomUUID(); // 101: all on track: no warning
        UUID g = UUID.randomUUID(); // 102: AT_RISK row, budget AT_RISK lag 16
        UUID h = UUID.randomUUID(); // 101: OFF_TRACK in July, on track in August: its latest assessment does not warn
        String p = year + "-07";
        monitoring.publish(a, Monitoring.report("项目A", "101", year, p, 1, false, Monitoring.budget("ON_TRACK", "5.00"), null, "AT_RISK", "ON_TRACK"));
        monitoring.publish(b, Monitoring.report("项目B", "101", year, p, 1, false, Monitoring.budget("AT_RISK", "20.00"), null, "OFF_TRACK", "ON_TRACK"));
        monitoring.publish(c, Monitoring.report("项目C", "102", year, p, 1, false, Monitoring.budget("ON_TRACK", "2.00"), null, "OFF_TRACK", "OFF_TRACK"));
        monitoring.publish(d, Monitoring.report("项目D", "102", year, p, 1, false, Monitoring.budget("OFF_TRACK", "35.00"), null, "ON_TRACK"));
        monitoring.publish(e, Monitoring.report("项目E", "101", year, p, 1, false, Monitoring.budget("OFF_TRACK", "40.00"), null, "OFF_TRACK", "AT_RISK"));
        monitoring.publish(f, Monitoring.report("项目F", "101", year, p, 1, false, Monitoring.budget("ON_TRACK", "1.00"), null, "ON_TRACK"));
        monitoring.publish(g, Monitoring.report("项目G", "102", year, p, 1, false, Monitoring.budget("AT_RISK", "16.00"), null, "AT_RISK"));
        monitoring.publish(h, Monitoring.report("项目H", "101", year, p, 1, false, Monitoring.budget("OFF_TRACK", "45.00"), null, "OFF_TRACK"));
        monitoring.publish(h, Monitoring.report("项目H", "101", year, year + "-08", 1, false, Monitoring.budget("ON_TRACK", "4.00"), null, "ON_TRACK"));
        // an older report of A arriving late does not replace its latest assessment
        monitoring.publish(a, Monitoring.report("项目A", "101", year, year + "-06", 1, false, Monitoring.budget("OFF_TRACK", "50.00"), null, "OFF_TRACK"));
        KafkaProbe.awaitQuiet(Duration.ofSeconds(60));

        JsonPath all = given().auth().oauth2(REVIEWER).when().get("/api/v1/dashboard/warnings?budgetYear=" + year)
                .then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("items.projectId")).containsExactly(c.toString(), e.toString(), b.toString(), d.toString(),
                g.toString(), a.toString());
        assertThat(all.getLong("total")).isEqualTo(6);
        String caseOfC = Monitoring.awaitReportCase(c, p, 1);
        assertThat(all.getString("items[0].name")).isEqualTo("项目C");
        assertThat(all.getString("items[0].departmentCode")).isEqualTo("102");
        assertThat(all.getInt("items[0].budgetYear")).isEqualTo(year);
        assertThat(all.getString("items[0].period")).isEqualTo(p);
        assertThat(all.getString("items[0].asOf")).isEqualTo(p + "-28");
        assertThat(all.getString("items[0].overall")).isEqualTo("OFF_TRACK");
        assertThat(all.getString("items[0].budget.status")).isEqualTo("ON_TRACK");
        assertThat(all.getString("items[0].budget.lagPoints")).isEqualTo("2.00");
        assertThat(all.getString("items[0].budget.executionRate")).isEqualTo("0.3000");
        assertThat(all.getInt("items[0].counts.offTrack")).isEqualTo(2);
        assertThat(all.getInt("items[0].counts.onTrack")).isEqualTo(0);
        assertThat(all.getString("items[0].caseId")).isEqualTo(caseOfC);
        assertThat(all.getString("items[5].period")).isEqualTo(p); // A's July report, not the late June one

        given().auth().oauth2(REVIEWER).when().get("/api/v1/dashboard/warnings?budgetYear=" + year + "&page=1&size=2")
                .then().statusCode(200).body("items.projectId", equalTo(List.of(b.toString(), d.toString())))
                .body("total", equalTo(6));
        given().auth().oauth2(REVIEWER).when().get("/api/v1/dashboard/warnings?budgetYear=" + year + "&departmentCode=102")
                .then().statusCode(200).body("items.projectId", equalTo(List.of(c.toString(), d.toString(), g.toString())));
        // a department asking for another department's warnings gets its own
        given().auth().oauth2(DevTokens.department("101")).when()
                .get("/api/v1/dashboard/warnings?budgetYear=" + year + "&departmentCode=102")
                .then().statusCode(200).body("items.projectId", equalTo(List.of(e.toString(), b.toString(), a.toString())))
                .body("total", equalTo(3));
        // without a year: every year's (department 102 has warnings in this test only)
        given().auth().oauth2(REVIEWER).when().get("/api/v1/dashboard/warnings?departmentCode=102")
                .then().statusCode(200).body("items.projectId", equalTo(List.of(c.toString(), d.toString(), g.toString())));
    }

    @Test
    void shouldShowTheReviewTimePreviewOnTheDeclarationCase() throws Exception {
        UUID projectId = workflow.submit("JC-CQ-2025-015", 1, UUID.randomUUID());
        String caseId = workflow.awaitCase(projectId, 1);
        Scoresheet preview = new Scoresheet("100.00", "优", List.of(
                new Scoresheet.Part("预算执行率", "10", "10.00", null),
                new Scoresheet.Part("产出指标", "50", "50.00", List.of(
                        new Scoresheet.Row(0, "数量指标", "QUANTITATIVE", "25.00", "1", "25.00", false, "ASSUMED"),
                        new Scoresheet.Row(1, "质量指标", "QUALITATIVE", "25.00", "1", "25.00", true, "ASSUMED"))),
                new Scoresheet.Part("效益指标", "30", "30.00", List.of(
                        new Scoresheet.Row(2, "社会效益", "DESCRIPTIVE", "30.00", "1", "30.00", true, "ASSUMED"))),
                new Scoresheet.Part("满意度指标", "10", "10.00", List.of(
                        new Scoresheet.Row(3, "满意度", "QUANTITATIVE", "10.00", "1", "10.00", false, "ASSUMED")))),
                List.of(), "55.00");
        EventEnvelope check = codec.envelope(EventTypes.INDICATOR_CHECK_COMPLETED, projectId, 1, "indicator-service",
                new IndicatorCheckCompleted(List.of(), 4, 2, null, preview, null));
        String json = codec.encode(check);
        EventContracts.assertValid(json);
        KafkaProbe.send(Topics.INDICATOR_CHECKS, projectId.toString(), json);

        await().atMost(Duration.ofSeconds(60)).until(() -> "100.00".equals(given().auth().oauth2(REVIEWER)
                .when().get("/api/v1/cases/" + caseId).then().extract().path("preview.total")));
        given().auth().oauth2(REVIEWER).when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("preview.grade", equalTo("优"))
                .body("preview.subjectivePoints", equalTo("55.00"))
                .body("preview.parts[1].rows[1].weight", equalTo("25.00"))
                .body("preview.parts[1].rows[1].subjective", equalTo(true))
                .body("preview.parts[2].rows[0].weight", equalTo("30.00"))
                .body("previewUnavailable", nullValue())
                .body("flagged", equalTo(false));

        UUID other = workflow.submit("JC-CQ-2025-018", 1, UUID.randomUUID());
        String otherCase = workflow.awaitCase(other, 1);
        EventEnvelope unavailable = codec.envelope(EventTypes.INDICATOR_CHECK_COMPLETED, other, 1, "indicator-service",
                new IndicatorCheckCompleted(List.of(), 4, 2, null, null, "框架含成本指标，未配置权重"));
        KafkaProbe.send(Topics.INDICATOR_CHECKS, other.toString(), codec.encode(unavailable));
        await().atMost(Duration.ofSeconds(60)).until(() -> "框架含成本指标，未配置权重".equals(given().auth().oauth2(REVIEWER)
                .when().get("/api/v1/cases/" + otherCase).then().extract().path("previewUnavailable")));
        given().auth().oauth2(REVIEWER).when().get("/api/v1/cases/" + otherCase).then().body("preview", nullValue());
    }
}
