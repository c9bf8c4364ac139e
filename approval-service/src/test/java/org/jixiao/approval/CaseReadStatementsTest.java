package org.jixiao.approval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jixiao.approval.repository.ReviewCaseRepository;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.IndicatorCheckCompleted;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.common.test.RecordedSql;
import org.jixiao.common.test.SeedFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reads the load benchmark measures send few statements, whatever the case holds: each statement is a round
 * trip and a query Hibernate prepares, and under concurrent load that is what the request costs. The case read
 * is a realistic one: a second revision with findings, the diff to the first, comments of both stages of the
 * first round and of this round, and a decided stage; the dashboard sees open cases of two budget years, an
 * overdue case and a warning.
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_approval_test"))
class CaseReadStatementsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String FIRST = DevTokens.reviewer("周初审");
    static final String SECOND = DevTokens.reviewer("吴复审");
    static final String READER = DevTokens.reviewer("郑阅览");
    static final int OTHER_YEAR = 2047;

    @Inject
    EventCodec codec;
    @Inject
    ReviewCaseRepository repository;

    static UUID projectId;
    static String caseId;
    static ProjectDocument second;

    /** Made by the first test that runs (RestAssured knows the application's port only once a test runs). */
    @BeforeEach
    void aCaseInItsSecondRound() throws Exception {
        if (caseId != null) {
            return;
        }
        Workflow workflow = new Workflow(codec);
        ProjectDocument first = JSON.treeToValue(SeedFixtures.project("JC-CQ-2025-011"), ProjectDocument.class);
        projectId = UUID.randomUUID();
        workflow.submit(first, 1, projectId);
        String firstCase = workflow.awaitCase(projectId, 1);
        findingsArrive(workflow, 1, firstCase);
        Workflow.decide(FIRST, firstCase, "{\"action\":\"PASS\",\"grade\":\"良\",\"comment\":\"时效指标可更具体\","
                + "\"comments\":[{\"field\":\"overview\",\"text\":\"项目概况请补充服务对象\"}]}").statusCode(200);
        Workflow.decide(SECOND, firstCase, "{\"action\":\"RETURN\",\"grade\":\"中\",\"comment\":\"指标需修改后重报\","
                + "\"comments\":[{\"indicatorIndex\":0,\"text\":\"数量指标请细化\"}]}").statusCode(200);

        second = new ProjectDocument(first.externalRef(), first.budgetYear(), first.name(), first.departmentCode(),
                first.departmentName(), first.budgetUnitCode(), first.budgetUnitName(), first.attribute(),
                first.overview() + "（已补充服务对象）", first.basis(), first.necessity(), first.safeguards(),
                first.implementationPlan(), first.annualGoal(), first.implementingUnit(), first.funding(),
                first.indicators());
        workflow.submit(second, 2, projectId);
        String secondCase = workflow.awaitCase(projectId, 2);
        findingsArrive(workflow, 2, secondCase);
        Workflow.decide(FIRST, secondCase, "{\"action\":\"PASS\",\"grade\":\"优\",\"comment\":\"已按意见修改\","
                + "\"comments\":[{\"indicatorIndex\":1,\"text\":\"质量指标可行\"}]}").statusCode(200);

        // open cases of another budget year with a route of its own, overdue: the queues name each year's route,
        // the overdue list has rows (the route first: a new route moves the due instants of the year's open cases)
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body("""
                {"stages": [{"name": "业务股室初审", "targetDays": 3}, {"name": "绩效管理股复审", "targetDays": 2}]}""")
                .when().put("/api/v1/routes/" + OTHER_YEAR).then().statusCode(200);
        for (String ref : List.of("JC-CQ-2025-013", "JC-CQ-2025-001")) {
            UUID other = workflow.submit(Workflow.inYear(ref, OTHER_YEAR), 1, UUID.randomUUID());
            UUID otherCase = UUID.fromString(workflow.awaitCase(other, 1));
            QuarkusTransaction.requiringNew().run(() -> repository.setStageDueAt(otherCase,
                    OffsetDateTime.now(ZoneOffset.UTC).minusDays(3)));
        }
        // a project whose latest monitoring report warns
        Monitoring monitoring = new Monitoring(codec);
        UUID warned = UUID.randomUUID();
        monitoring.publish(warned, Monitoring.report("城区学前教育公用经费", first.departmentCode(), 2025, "2025-06", 1,
                false, Monitoring.budget("AT_RISK", "12.50"), null, "ON_TRACK", "OFF_TRACK"));
        Monitoring.awaitReportCase(warned, "2025-06", 1);
        caseId = secondCase;
    }

    /** indicator-service's findings for the revision: one warning. */
    void findingsArrive(Workflow workflow, int revision, String id) {
        EventEnvelope check = codec.envelope(EventTypes.INDICATOR_CHECK_COMPLETED, projectId, revision, "indicator-service",
                new IndicatorCheckCompleted(List.of(new IndicatorCheckCompleted.Finding("VAGUE_TARGET",
                        IndicatorCheckCompleted.Severity.WARNING, 1, "指标值不够明确", "vague target value"))));
        KafkaProbe.send(Topics.INDICATOR_CHECKS, projectId.toString(), codec.encode(check));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> Boolean.FALSE.equals(
                given().auth().oauth2(READER).when().get("/api/v1/cases/" + id).then().extract().path("flagged")));
    }

    /**
     * The statements Hibernate sent for one GET: the fewest of three tries, so that a statement another thread
     * happened to send meanwhile (the outbox relay's poll, a late event) is not counted; the relay's and the
     * inbox's own tables are left out as well.
     */
    static List<String> statementsOf(String token, String path) {
        return IntStream.range(0, 3).mapToObj(i -> RecordedSql.during(() -> given().auth().oauth2(token)
                        .when().get(path).then().statusCode(200))
                        .stream().filter(sql -> !sql.contains("outbox_event") && !sql.contains("processed_event")
                                && !sql.contains("dead_letter")).toList())
                .min(java.util.Comparator.comparingInt(List::size)).orElseThrow();
    }

    @Test
    void shouldShowTheSecondRoundWithItsFindingsDiffEveryRoundsCommentsAndStageGrades() {
        var detail = given().auth().oauth2(READER).when().get("/api/v1/cases/" + caseId).then().statusCode(200);
        // the pass that made this round's comments moved the case to its second stage at the same instant
        String passedAt = detail.extract().path("stageEnteredAt");
        detail.body("comments[5].createdAt", equalTo(passedAt))
                .body("stageGrades[0].decidedAt", equalTo(passedAt))
                .body("revision", equalTo(2))
                .body("stageIndex", equalTo(1))
                .body("snapshot.overview", equalTo(second.overview()))
                .body("findings[0].code", equalTo("VAGUE_TARGET"))
                .body("flagged", equalTo(false))
                .body("changes.field", hasItem("overview"))
                .body("comments.revision", equalTo(List.of(1, 1, 1, 1, 2, 2)))
                .body("comments.stage", equalTo(List.of("业务股室初审", "业务股室初审", "绩效管理股复审", "绩效管理股复审",
                        "业务股室初审", "业务股室初审")))
                .body("comments.text", equalTo(List.of("时效指标可更具体", "项目概况请补充服务对象", "指标需修改后重报",
                        "数量指标请细化", "已按意见修改", "质量指标可行")))
                .body("comments[1].field", equalTo("overview"))
                .body("comments[3].indicatorIndex", equalTo(0))
                .body("comments[3].indicatorName", equalTo(second.indicators().get(0).name()))
                .body("comments[5].author", equalTo("周初审"))
                .body("stageGrades.stage", equalTo(List.of("业务股室初审")))
                .body("stageGrades.grade", equalTo(List.of("优")))
                .body("stageGrades.decidedBy", equalTo(List.of("周初审")))
                .body("workingDaysInStage", equalTo(0))
                .body("overdue", equalTo(false));
    }

    /** The queues read in one statement still give each stage the target of its year's route, and the age bands. */
    @Test
    void shouldShowEachStageOfTheQueuesWithItsYearsTargetAndTheOpenCasesByAge() {
        given().auth().oauth2(READER).when().get("/api/v1/dashboard/queues?budgetYear=" + OTHER_YEAR).then().statusCode(200)
                .body("open", equalTo(2))
                .body("overdue", equalTo(2))
                .body("byStage.stageIndex", equalTo(List.of(0)))
                .body("byStage.stageName", equalTo(List.of("业务股室初审")))
                .body("byStage.targetDays", equalTo(List.of(3)))
                .body("byStage.open", equalTo(List.of(2)))
                .body("byDepartment.open.sum()", equalTo(2))
                .body("byAge.workingDaysInStage", equalTo(List.of("0-2", "3-5", "6-10", ">10")))
                .body("byAge.open", equalTo(List.of(2, 0, 0, 0)));
        // a year without a route of its own: the default route's five working days
        given().auth().oauth2(READER).when().get("/api/v1/dashboard/queues?budgetYear=2025").then().statusCode(200)
                .body("byStage.find { it.stageIndex == 1 }.stageName", equalTo("绩效管理股复审"))
                .body("byStage.find { it.stageIndex == 1 }.targetDays", equalTo(5));
    }

    @Test
    void shouldReadACaseDetailInAtMostTwoStatements() {
        assertThat(statementsOf(READER, "/api/v1/cases/" + caseId)).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void shouldReadTheQueuesInOneStatementWhateverTheYearsOfTheOpenCases() {
        assertThat(statementsOf(READER, "/api/v1/dashboard/queues")).hasSize(1);
    }

    @Test
    void shouldReadTheCountsInOneStatement() {
        assertThat(statementsOf(READER, "/api/v1/dashboard/counts")).hasSize(1);
    }

    @Test
    void shouldReadAPageOfWarningsInTwoStatements() {
        assertThat(statementsOf(READER, "/api/v1/dashboard/warnings?size=20")).hasSize(2);
    }

    /** The count, the page, and the findings flags of all the page's revisions in one go (no query per case). */
    @Test
    void shouldReadAPageOfOverdueCasesInThreeStatements() {
        assertThat(statementsOf(READER, "/api/v1/cases?overdue=true&size=20")).hasSize(3);
    }
}
