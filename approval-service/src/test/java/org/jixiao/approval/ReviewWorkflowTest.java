package org.jixiao.approval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.IndicatorCheckCompleted;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.EventContracts;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.common.test.SeedFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_approval_test"))
class ReviewWorkflowTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String REVIEWER = DevTokens.reviewer("张审核");
    static final String REVIEWER_2 = DevTokens.reviewer("李复审");

    @Inject
    EventCodec codec;

    Workflow workflow;

    @BeforeEach
    void workflow() {
        workflow = new Workflow(codec);
    }

    UUID submit(String externalRef, int revision, UUID projectId) throws Exception {
        return workflow.submit(externalRef, revision, projectId);
    }

    String awaitCase(UUID projectId, int revision) {
        return workflow.awaitCase(projectId, revision);
    }

    void checksArrive(UUID projectId, int revision, String caseId) {
        workflow.checksArrive(projectId, revision, caseId);
    }

    @Test
    void shouldRefuseToApproveUntilTheChecksOfTheRevisionHaveArrivedUnlessAnAdminGivesAReason() throws Exception {
        UUID projectId = submit("JC-CQ-2025-014", 1, UUID.randomUUID());
        String caseId = awaitCase(projectId, 1);
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body("{\"action\":\"PASS\"}")
                .when().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(200);
        given().auth().oauth2(REVIEWER_2).contentType(ContentType.JSON).body("{\"action\":\"APPROVE\",\"grade\":\"优\",\"overrideReason\":\"急\"}")
                .when().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://jixiao.org/problems/checks-pending"));
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body("{\"action\":\"APPROVE\",\"grade\":\"优\",\"overrideReason\":\"预审服务故障，经局领导同意先行批复\"}")
                .when().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        given().auth().oauth2(REVIEWER).when().get("/api/v1/cases/" + caseId + "/history").then()
                .body("find { it.action == 'OVERRIDDEN' }.detail", containsString("预审服务故障"))
                .body("find { it.action == 'OVERRIDDEN' }.detail", containsString("checks pending"));
    }

    @Test
    void shouldOpenExactlyOneCasePerRevisionEvenWhenTheEventIsRedelivered() throws Exception {
        UUID projectId = UUID.randomUUID();
        ProjectDocument doc = JSON.treeToValue(SeedFixtures.project("JC-CQ-2025-002"), ProjectDocument.class);
        EventEnvelope event = codec.envelope(EventTypes.PROJECT_SUBMITTED, projectId, 1, "dept-034",
                new ProjectSubmitted(doc, "dept-034", null, null, null));
        KafkaProbe.send(Topics.PROJECTS, projectId.toString(), codec.encode(event));
        KafkaProbe.send(Topics.PROJECTS, projectId.toString(), codec.encode(event));
        String caseId = awaitCase(projectId, 1);
        // A different event for the same revision (e.g. a relay re-send with a new id) still opens nothing new.
        EventEnvelope again = codec.envelope(EventTypes.PROJECT_SUBMITTED, projectId, 1, "dept-034",
                new ProjectSubmitted(doc, "dept-034", null, null, null));
        KafkaProbe.send(Topics.PROJECTS, projectId.toString(), codec.encode(again));
        // Barrier: another project's submission under the same key lands on the same partition after `again`
        // and is consumed after it; once its case is open, `again` has been applied (or ignored) for sure.
        UUID barrier = UUID.randomUUID();
        KafkaProbe.send(Topics.PROJECTS, projectId.toString(), codec.encode(codec.envelope(EventTypes.PROJECT_SUBMITTED,
                barrier, 1, "dept-034", new ProjectSubmitted(doc, "dept-034", null, null, null))));
        awaitCase(barrier, 1);
        given().auth().oauth2(REVIEWER).when().get("/api/v1/cases?projectId=" + projectId)
                .then().body("total", equalTo(1)).body("items[0].id", equalTo(caseId))
                .body("items[0].stageName", equalTo("业务股室初审"))
                .body("items[0].funding", equalTo("4515600"));
        given().auth().oauth2(REVIEWER).when().get("/api/v1/cases/" + caseId + "/history")
                .then().body("action", equalTo(List.of("OPENED")));
    }

    @Test
    void shouldPassBothStagesAndPublishExactlyOneProjectApproved() throws Exception {
        UUID projectId = submit("JC-CQ-2025-014", 1, UUID.randomUUID());
        String caseId = awaitCase(projectId, 1);
        checksArrive(projectId, 1, caseId);
        given().auth().oauth2(REVIEWER).when().post("/api/v1/cases/" + caseId + "/claim").then().statusCode(200)
                .body("assignee", equalTo("张审核"));
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body("{\"action\":\"APPROVE\"}")
                .when().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(409)
                .body("type", containsString("stage-skipped"));
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body("{\"action\":\"PASS\",\"comment\":\"初审通过\"}")
                .when().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(200)
                .body("stageName", equalTo("绩效管理股复审"));
        given().auth().oauth2(REVIEWER_2).contentType(ContentType.JSON).body("{\"action\":\"APPROVE\",\"grade\":\"优\"}")
                .when().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("grade", equalTo("优"));
        given().auth().oauth2(REVIEWER_2).contentType(ContentType.JSON).body("{\"action\":\"APPROVE\"}")
                .when().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(409)
                .body("type", containsString("case-closed"));

        var approved = KafkaProbe.records(Topics.REVIEWS, r -> r.key().equals(projectId.toString()), 1, Duration.ofSeconds(20));
        assertThat(approved).hasSize(1);
        EventContracts.assertValid(approved.get(0).value());
        JsonNode event = JSON.readTree(approved.get(0).value());
        assertThat(event.get("eventType").asText()).isEqualTo("ProjectApproved");
        assertThat(event.at("/data/approvedBy").asText()).isEqualTo("李复审");
        assertThat(event.at("/data/project/name").asText()).isEqualTo("重度残疾人护理补贴");
        given().auth().oauth2(REVIEWER).when().get("/api/v1/cases/" + caseId + "/history")
                .then().body("action", equalTo(List.of("OPENED", "FINDINGS_RECEIVED", "CLAIMED", "PASSED", "APPROVED")));
    }

    @Test
    void shouldRefuseAReturnWithoutAComment() throws Exception {
        UUID projectId = submit("JC-CQ-2025-015", 1, UUID.randomUUID());
        String caseId = awaitCase(projectId, 1);
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body("{\"action\":\"RETURN\"}")
                .when().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(400)
                .body("type", containsString("return-needs-comment"));
        // found by the fuzzer: a null among the comments was a 500
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body("{\"action\":\"RETURN\",\"comment\":\"请补充\",\"comments\":[null]}")
                .when().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON)
                .body("{\"action\":\"RETURN\",\"comments\":[{\"indicatorIndex\":0,\"text\":\"数量指标请细化\"},{\"field\":\"funding\",\"text\":\"资金测算依据不足\"}]}")
                .when().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(200)
                .body("status", equalTo("RETURNED"))
                .body("comments[0].indicatorName", equalTo(SeedFixtures.project("JC-CQ-2025-015").at("/indicators/0/name").asText()));
        var returned = KafkaProbe.records(Topics.REVIEWS, r -> r.key().equals(projectId.toString()), 1, Duration.ofSeconds(20));
        assertThat(returned).hasSize(1);
        EventContracts.assertValid(returned.get(0).value());
        JsonNode event = JSON.readTree(returned.get(0).value());
        assertThat(event.get("eventType").asText()).isEqualTo("ProjectReturned");
        assertThat(event.at("/data/comments/1/field").asText()).isEqualTo("funding");
    }

    @Test
    void shouldLetExactlyOneOfTwoConcurrentDecisionsWin() throws Exception {
        UUID projectId = submit("JC-CQ-2025-018", 1, UUID.randomUUID());
        String caseId = awaitCase(projectId, 1);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> results = new ArrayList<>();
        for (String token : List.of(REVIEWER, REVIEWER_2)) {
            Callable<Integer> decide = () -> {
                start.await();
                return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"action\":\"PASS\"}")
                        .when().post("/api/v1/cases/" + caseId + "/decisions").then().extract().statusCode();
            };
            results.add(pool.submit(decide));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        given().auth().oauth2(REVIEWER).when().get("/api/v1/cases/" + caseId + "/history")
                .then().body("action", equalTo(List.of("OPENED", "PASSED")));
    }

    @Test
    void shouldNeverLetADepartmentDecideOrSeeAnotherDepartmentsCase() throws Exception {
        UUID projectId = submit("JC-CQ-2025-006", 1, UUID.randomUUID());
        String caseId = awaitCase(projectId, 1);
        given().auth().oauth2(DevTokens.department("038")).contentType(ContentType.JSON).body("{\"action\":\"PASS\"}")
                .when().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(403);
        given().auth().oauth2(DevTokens.department("038")).when().get("/api/v1/cases/" + caseId).then().statusCode(200);
        given().auth().oauth2(DevTokens.department("034")).when().get("/api/v1/cases/" + caseId).then().statusCode(404);
        given().auth().oauth2(DevTokens.department("034")).when().post("/api/v1/cases/" + caseId + "/claim").then().statusCode(403);
    }

    @Test
    void shouldRequireAnOverrideReasonToApproveACaseWithErrorFindings() throws Exception {
        UUID projectId = submit("JC-CQ-2025-019", 1, UUID.randomUUID());
        String caseId = awaitCase(projectId, 1);
        EventEnvelope check = codec.envelope(EventTypes.INDICATOR_CHECK_COMPLETED, projectId, 1, "indicator-service",
                new IndicatorCheckCompleted(List.of(new IndicatorCheckCompleted.Finding("NO_QUANTITY_INDICATOR",
                        IndicatorCheckCompleted.Severity.ERROR, null, "缺少数量指标", "no quantity indicator"))));
        KafkaProbe.send(Topics.INDICATOR_CHECKS, projectId.toString(), codec.encode(check));
        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.TRUE.equals(given().auth().oauth2(REVIEWER)
                .when().get("/api/v1/cases/" + caseId).then().extract().path("flagged")));
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body("{\"action\":\"PASS\"}")
                .when().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(200);
        given().auth().oauth2(REVIEWER_2).contentType(ContentType.JSON).body("{\"action\":\"APPROVE\",\"grade\":\"优\"}")
                .when().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(409)
                .body("type", containsString("override-required"));
        given().auth().oauth2(REVIEWER_2).contentType(ContentType.JSON)
                .body("{\"action\":\"APPROVE\",\"grade\":\"优\",\"overrideReason\":\"数量指标在附件中已列明\"}")
                .when().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(200)
                .body("overrideReason", equalTo("数量指标在附件中已列明"))
                .body("findings[0].code", equalTo("NO_QUANTITY_INDICATOR"));
    }

    @Test
    void shouldLetOnlyTheReviewersARouteNamesDecideItsRestrictedStage() throws Exception {
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body("""
                {"stages": [{"name": "业务股室初审", "targetDays": 3},
                            {"name": "绩效管理股复审", "targetDays": 2, "requiredClaim": "office=绩效管理股"}]}""")
                .when().put("/api/v1/routes/2035").then().statusCode(200).body("stages[1].requiredClaim", equalTo("office=绩效管理股"));
        ProjectDocument doc = JSON.treeToValue(SeedFixtures.project("JC-CQ-2025-021"), ProjectDocument.class);
        ProjectDocument in2035 = new ProjectDocument(doc.externalRef(), 2035, doc.name(), doc.departmentCode(), doc.departmentName(),
                doc.budgetUnitCode(), doc.budgetUnitName(), doc.attribute(), doc.overview(), doc.basis(), doc.necessity(),
                doc.safeguards(), doc.implementationPlan(), doc.annualGoal(), doc.implementingUnit(), doc.funding(), doc.indicators());
        UUID projectId = UUID.randomUUID();
        KafkaProbe.send(Topics.PROJECTS, projectId.toString(), codec.encode(codec.envelope(EventTypes.PROJECT_SUBMITTED, projectId, 1,
                "dept-008", new ProjectSubmitted(in2035, "dept-008", null, null, null))));
        String caseId = awaitCase(projectId, 1);
        checksArrive(projectId, 1, caseId);
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body("{\"action\":\"PASS\"}")
                .when().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(200);
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body("{\"action\":\"APPROVE\"}")
                .when().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(403)
                .body("type", containsString("stage-not-allowed"));
        String performanceOffice = DevTokens.sign("赵复审", "reviewer", java.util.Map.of("office", "绩效管理股"));
        given().auth().oauth2(performanceOffice).contentType(ContentType.JSON).body("{\"action\":\"APPROVE\",\"grade\":\"优\"}")
                .when().post("/api/v1/cases/" + caseId + "/decisions").then().statusCode(200).body("status", equalTo("APPROVED"));
    }
}
