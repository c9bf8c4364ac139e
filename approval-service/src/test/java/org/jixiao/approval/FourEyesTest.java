package org.jixiao.approval;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.jixiao.approval.Workflow.decide;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 四眼原则 through the API: the two-stage review is never a one-person review, and admins say why they step in. */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_approval_test"))
class FourEyesTest {
    static final String PROBLEMS = "https://jixiao.org/problems/";
    static final String R1 = DevTokens.reviewer("r1");
    static final String R2 = DevTokens.reviewer("r2");
    static final String ADMIN = DevTokens.admin();

    @Inject
    EventCodec codec;
    Workflow workflow;

    @BeforeEach
    void workflow() {
        workflow = new Workflow(codec);
    }

    @Test
    void shouldRefuseTheReviewerWhoPassedStageOneOnStageTwoAndLetAnotherReviewerDecideIt() throws Exception {
        String caseId = workflow.checkedCase("JC-CQ-2025-014");
        decide(R1, caseId, "{\"action\":\"PASS\"}").statusCode(200).body("stageIndex", equalTo(1));
        decide(R1, caseId, "{\"action\":\"APPROVE\",\"grade\":\"优\"}").statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEMS + "same-reviewer"))
                .body("detail", containsString("r1 decided stage 业务股室初审"));
        decide(R1, caseId, "{\"action\":\"RETURN\",\"comment\":\"再看一遍\"}").statusCode(403)
                .body("type", equalTo(PROBLEMS + "same-reviewer"));
        given().auth().oauth2(R1).when().post("/api/v1/cases/" + caseId + "/claim").then().statusCode(403)
                .body("type", equalTo(PROBLEMS + "same-reviewer"));
        decide(R2, caseId, "{\"action\":\"APPROVE\",\"grade\":\"优\"}").statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("r2"))
                .body("stageGrades.decidedBy", equalTo(List.of("r1", "r2")));
    }

    @Test
    void shouldRefuseToAssignStageTwoToTheReviewerWhoPassedStageOne() throws Exception {
        String caseId = workflow.checkedCase("JC-CQ-2025-015");
        decide(R1, caseId, "{\"action\":\"PASS\"}").statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"assignee\":\"r1\"}")
                .when().post("/api/v1/cases/" + caseId + "/assign").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "same-reviewer"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"assignee\":\"r2\"}")
                .when().post("/api/v1/cases/" + caseId + "/assign").then().statusCode(200).body("assignee", equalTo("r2"));
    }

    @Test
    void shouldMakeAnAdminWhoPassedStageOneGiveAReasonForStageTwoAndRecordIt() throws Exception {
        String caseId = workflow.checkedCase("JC-CQ-2025-018");
        decide(ADMIN, caseId, "{\"action\":\"PASS\"}").statusCode(200);
        decide(ADMIN, caseId, "{\"action\":\"APPROVE\",\"grade\":\"优\"}").statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEMS + "override-reason-required"))
                .body("detail", containsString("四眼原则"));
        decide(ADMIN, caseId, "{\"action\":\"APPROVE\",\"grade\":\"优\",\"overrideReason\":\"复审人员回避，经局长同意代为复审\"}")
                .statusCode(200).body("status", equalTo("APPROVED"))
                .body("overrideReason", equalTo("复审人员回避，经局长同意代为复审"));
        given().auth().oauth2(R2).when().get("/api/v1/cases/" + caseId + "/history").then().statusCode(200)
                .body("find { it.action == 'OVERRIDDEN' }.actor", equalTo("admin"))
                .body("find { it.action == 'OVERRIDDEN' }.stage", equalTo("绩效管理股复审"))
                .body("find { it.action == 'OVERRIDDEN' }.detail", allOf(containsString("四眼原则"),
                        containsString("复审人员回避，经局长同意代为复审")));
    }

    @Test
    void shouldMakeAnAdminGiveAReasonToDecideAStageRestrictedToAnotherOfficeAndRecordIt() throws Exception {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"stages": [{"name": "业务股室初审", "targetDays": 3},
                            {"name": "绩效管理股复审", "targetDays": 2, "requiredClaim": "office=绩效管理股"}]}""")
                .when().put("/api/v1/routes/2037").then().statusCode(200);
        String caseId = workflow.checkedCase(Workflow.inYear("JC-CQ-2025-021", 2037));
        decide(R1, caseId, "{\"action\":\"PASS\"}").statusCode(200);
        decide(ADMIN, caseId, "{\"action\":\"RETURN\",\"comment\":\"满意度指标缺失\"}").statusCode(400)
                .body("type", equalTo(PROBLEMS + "override-reason-required"))
                .body("detail", containsString("restricted to token claim office=绩效管理股"));
        decide(ADMIN, caseId, "{\"action\":\"RETURN\",\"comment\":\"满意度指标缺失\",\"overrideReason\":\"绩效管理股无人在岗\"}")
                .statusCode(200).body("status", equalTo("RETURNED"));
        given().auth().oauth2(R2).when().get("/api/v1/cases/" + caseId + "/history").then().statusCode(200)
                .body("find { it.action == 'OVERRIDDEN' }.detail", allOf(containsString("office=绩效管理股"),
                        containsString("绩效管理股无人在岗")));
    }

    @Test
    void shouldLetARouteSwitchTheRuleOffPerStageAndShowIt() throws Exception {
        given().auth().oauth2(R1).when().get("/api/v1/routes/2026").then().statusCode(200)
                .body("stages.fourEyes", equalTo(List.of(true, true)));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("""
                {"stages": [{"name": "初审", "targetDays": 3, "fourEyes": false},
                            {"name": "复审", "targetDays": 2, "fourEyes": false}]}""")
                .when().put("/api/v1/routes/2038").then().statusCode(200)
                .body("stages.fourEyes", equalTo(List.of(false, false)));
        String caseId = workflow.checkedCase(Workflow.inYear("JC-CQ-2025-006", 2038));
        decide(R1, caseId, "{\"action\":\"PASS\"}").statusCode(200);
        decide(R1, caseId, "{\"action\":\"APPROVE\",\"grade\":\"优\"}").statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void shouldPutAConfiguredStageUnderTheRuleWhenTheRouteDoesNotSay() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("stages",
                List.of(Map.of("name", "初审", "targetDays", 3), Map.of("name", "复审", "targetDays", 2, "fourEyes", false))))
                .when().put("/api/v1/routes/2039").then().statusCode(200)
                .body("stages.fourEyes", equalTo(List.of(true, false)));
        given().auth().oauth2(R1).when().get("/api/v1/routes/2039").then().statusCode(200)
                .body("stages.fourEyes", equalTo(List.of(true, false)));
    }
}
