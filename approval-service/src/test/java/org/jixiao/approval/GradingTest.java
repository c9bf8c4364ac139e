package org.jixiao.approval;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.jixiao.approval.Workflow.decide;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 评审等级 by the rules of 财预〔2015〕88号 through the API, and the per-year rule table. */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_approval_test"))
class GradingTest {
    static final String PROBLEMS = "https://jixiao.org/problems/";
    static final String FIRST = DevTokens.reviewer("钱初审");
    static final String SECOND = DevTokens.reviewer("孙复审");
    static final String ADMIN = DevTokens.admin();

    @Inject
    EventCodec codec;
    Workflow workflow;

    @BeforeEach
    void workflow() {
        workflow = new Workflow(codec);
    }

    static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status).contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEMS + type));
    }

    /** A case passed on by the first reviewer, waiting at the last stage. */
    String atSecondStage(String externalRef) throws Exception {
        String caseId = workflow.checkedCase(externalRef);
        decide(FIRST, caseId, "{\"action\":\"PASS\"}").statusCode(200);
        return caseId;
    }

    @Test
    void shouldRefuseTheFinalApprovalWithoutAGrade() throws Exception {
        String caseId = atSecondStage("JC-CQ-2025-014");
        problem(decide(SECOND, caseId, "{\"action\":\"APPROVE\"}"), 400, "grade-required");
        decide(SECOND, caseId, "{\"action\":\"APPROVE\",\"grade\":\"优\"}").statusCode(200).body("grade", equalTo("优"));
    }

    @Test
    void shouldRefuseToApproveATargetGraded中AndReturnItForRevision() throws Exception {
        String caseId = atSecondStage("JC-CQ-2025-015");
        problem(decide(SECOND, caseId, "{\"action\":\"APPROVE\",\"grade\":\"中\",\"comment\":\"指标一般\"}"), 409,
                "grade-requires-return");
        decide(SECOND, caseId, "{\"action\":\"RETURN\",\"grade\":\"中\",\"comment\":\"指标需修改后重报\"}").statusCode(200)
                .body("status", equalTo("RETURNED")).body("grade", equalTo("中")).body("refusedForBudget", equalTo(false));
    }

    @Test
    void shouldRefuseToApproveATargetGraded良WithoutAComment() throws Exception {
        String caseId = atSecondStage("JC-CQ-2025-018");
        problem(decide(SECOND, caseId, "{\"action\":\"APPROVE\",\"grade\":\"良\"}"), 400, "grade-needs-comment");
        decide(SECOND, caseId, "{\"action\":\"APPROVE\",\"grade\":\"良\",\"comments\":[{\"indicatorIndex\":0,\"text\":\"数量指标可再细化\"}]}")
                .statusCode(200).body("status", equalTo("APPROVED")).body("grade", equalTo("良"));
    }

    @Test
    void shouldKeepBothStagesGradesInTheHistoryOfAnApprovedTwoStageCase() throws Exception {
        String caseId = workflow.checkedCase("JC-CQ-2025-019");
        decide(FIRST, caseId, "{\"action\":\"PASS\",\"grade\":\"良\",\"comment\":\"时效指标可更具体\"}").statusCode(200);
        decide(SECOND, caseId, "{\"action\":\"APPROVE\",\"grade\":\"优\"}").statusCode(200)
                .body("stageGrades.stageIndex", equalTo(List.of(0, 1)))
                .body("stageGrades.stage", equalTo(List.of("业务股室初审", "绩效管理股复审")))
                .body("stageGrades.action", equalTo(List.of("PASS", "APPROVE")))
                .body("stageGrades.grade", equalTo(List.of("良", "优")))
                .body("stageGrades.decidedBy", equalTo(List.of("钱初审", "孙复审")));
        given().auth().oauth2(FIRST).when().get("/api/v1/cases/" + caseId + "/history").then().statusCode(200)
                .body("find { it.action == 'PASSED' }.stage", equalTo("业务股室初审"))
                .body("find { it.action == 'PASSED' }.grade", equalTo("良"))
                .body("find { it.action == 'PASSED' }.actor", equalTo("钱初审"))
                .body("find { it.action == 'APPROVED' }.stage", equalTo("绩效管理股复审"))
                .body("find { it.action == 'APPROVED' }.grade", equalTo("优"))
                .body("find { it.action == 'APPROVED' }.actor", equalTo("孙复审"));
        String department = given().auth().oauth2(FIRST).when().get("/api/v1/cases/" + caseId).then().extract().path("departmentCode");
        given().auth().oauth2(DevTokens.department(department)).when().get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("stageGrades.grade", equalTo(List.of("良", "优")));
    }

    @Test
    void shouldRecordATargetGraded差AsRefusedForTheBudget() throws Exception {
        String caseId = workflow.checkedCase("JC-CQ-2025-006");
        problem(decide(FIRST, caseId, "{\"action\":\"PASS\",\"grade\":\"差\"}"), 409, "grade-too-low");
        decide(FIRST, caseId, "{\"action\":\"RETURN\",\"grade\":\"差\",\"comment\":\"绩效目标与资金用途不符\"}").statusCode(200)
                .body("status", equalTo("RETURNED")).body("refusedForBudget", equalTo(true))
                .body("stageGrades.grade", equalTo(List.of("差")));
        given().auth().oauth2(FIRST).when().get("/api/v1/cases/" + caseId + "/history").then().statusCode(200)
                .body("find { it.action == 'RETURNED' }.grade", equalTo("差"))
                .body("find { it.action == 'RETURNED' }.detail", containsString("不得纳入预算"));
        given().auth().oauth2(FIRST).when().get("/api/v1/cases?status=RETURNED&size=500").then().statusCode(200)
                .body("items.findAll { it.id == '" + caseId + "' }.refusedForBudget", equalTo(List.of(true)));
    }

    @Test
    void shouldServeTheDefaultRulesUntilAnAdminConfiguresTheYear() {
        given().auth().oauth2(FIRST).when().get("/api/v1/grading-rules/2041").then().statusCode(200)
                .body("budgetYear", equalTo(2041)).body("configured", equalTo(false))
                .body("rules.grade", equalTo(List.of("优", "良", "中", "差")))
                .body("rules.approvable", equalTo(List.of(true, true, false, false)))
                .body("rules.commentRequired", equalTo(List.of(false, true, false, false)))
                .body("rules.refusedForBudget", equalTo(List.of(false, false, false, true)));
    }

    @Test
    void shouldApplyTheRulesAnAdminConfiguredForTheYear() throws Exception {
        // 2042: 中 may be approved with a comment
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"rules": [{"grade": "优", "approvable": true, "commentRequired": false, "refusedForBudget": false},
                           {"grade": "良", "approvable": true, "commentRequired": false, "refusedForBudget": false},
                           {"grade": "中", "approvable": true, "commentRequired": true, "refusedForBudget": false},
                           {"grade": "差", "approvable": false, "commentRequired": false, "refusedForBudget": true}]}""")
                .when().put("/api/v1/grading-rules/2042").then().statusCode(200)
                .body("configured", equalTo(true)).body("rules.approvable", equalTo(List.of(true, true, true, false)));
        given().auth().oauth2(SECOND).when().get("/api/v1/grading-rules/2042").then().statusCode(200)
                .body("configured", equalTo(true)).body("rules.commentRequired", equalTo(List.of(false, false, true, false)));
        String caseId = workflow.checkedCase(Workflow.inYear("JC-CQ-2025-021", 2042));
        decide(FIRST, caseId, "{\"action\":\"PASS\",\"grade\":\"中\",\"comment\":\"过程指标偏弱\"}").statusCode(200);
        decide(SECOND, caseId, "{\"action\":\"APPROVE\",\"grade\":\"中\",\"comment\":\"同意，需加强过程监控\"}").statusCode(200)
                .body("status", equalTo("APPROVED")).body("grade", equalTo("中"));
    }

    @Test
    void shouldRefuseRulesThatMissAGradeContradictThemselvesOrAreNull() {
        String threeGrades = """
                {"rules": [{"grade": "优", "approvable": true, "commentRequired": false, "refusedForBudget": false},
                           {"grade": "良", "approvable": true, "commentRequired": true, "refusedForBudget": false},
                           {"grade": "中", "approvable": false, "commentRequired": false, "refusedForBudget": false}]}""";
        problem(given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(threeGrades)
                .when().put("/api/v1/grading-rules/2043").then(), 400, "grading-rules-incomplete");
        String approvable差 = threeGrades.replace("]}", ", {\"grade\": \"差\", \"approvable\": true, \"commentRequired\": false,"
                + " \"refusedForBudget\": true}]}");
        problem(given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(approvable差)
                .when().put("/api/v1/grading-rules/2043").then(), 400, "grading-rule-contradiction");
        problem(given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("null")
                .when().put("/api/v1/grading-rules/2043").then(), 400, "validation");
        problem(given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"rules\":[{\"grade\":\"优\"}]}")
                .when().put("/api/v1/grading-rules/2043").then(), 400, "validation");
        problem(given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"rules\":[{\"grade\":\"甲\",\"approvable\":true,"
                + "\"commentRequired\":false,\"refusedForBudget\":false}]}")
                .when().put("/api/v1/grading-rules/2043").then(), 400, "invalid-value");
        given().auth().oauth2(FIRST).when().get("/api/v1/grading-rules/2043").then().body("configured", equalTo(false));
    }

    @Test
    void shouldLetOnlyAnAdminConfigureTheRules() {
        String body = "{\"rules\":[]}";
        given().auth().oauth2(FIRST).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/grading-rules/2044").then().statusCode(403);
        given().auth().oauth2(DevTokens.department("034")).when().get("/api/v1/grading-rules/2044").then().statusCode(403);
        given().when().get("/api/v1/grading-rules/2044").then().statusCode(401);
        given().auth().oauth2(ADMIN).when().get("/api/v1/grading-rules/2044").then().statusCode(200)
                .body("rules.grade", hasItem("差"));
    }
}
