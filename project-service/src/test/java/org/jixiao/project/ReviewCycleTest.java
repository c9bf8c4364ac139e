package org.jixiao.project;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jixiao.common.contract.Framework;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.FrameworkPublished;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.ProjectReturned;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.EventContracts;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.junit.jupiter.api.Test;

/** The project's side of the review cycle: decisions arrive as events, amendments leave as events. */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_project_test"))
class ReviewCycleTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String EDU = DevTokens.department("034");

    @Inject
    EventCodec codec;

    String submitted(String ref) {
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument(ref));
        given().auth().oauth2(EDU).when().post("/api/v1/projects/" + id + "/submit").then().statusCode(200);
        return id;
    }

    ProjectDocument exported(String id) throws Exception {
        return JSON.readValue(given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/export").asString(), ProjectDocument.class);
    }

    void approve(String id, int revision) throws Exception {
        EventEnvelope approved = codec.envelope(EventTypes.PROJECT_APPROVED, UUID.fromString(id), revision, "李复审",
                new ProjectApproved("JX2025-00000" + revision, "李复审", OffsetDateTime.now(), "良", exported(id)));
        KafkaProbe.send(Topics.REVIEWS, id, codec.encode(approved));
        await().atMost(Duration.ofSeconds(20)).until(() -> "APPROVED".equals(
                given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().extract().path("status")));
    }

    /**
     * Waits until every record sent so far to jixiao.reviews under {@code key} has been consumed: the
     * return of another project, sent under the same key (so to the same partition, behind them), is
     * applied only after them. A barrier, not a sleep: it fails when nothing is consumed at all.
     */
    void awaitReviewsConsumedUpTo(String key) throws Exception {
        String barrier = submitted("JC-CQ-2025-001");
        EventEnvelope returned = codec.envelope(EventTypes.PROJECT_RETURNED, UUID.fromString(barrier), 1, "屏障",
                new ProjectReturned("屏障", OffsetDateTime.now(), "业务股室初审", "barrier", List.of()));
        KafkaProbe.send(Topics.REVIEWS, key, codec.encode(returned));
        await().atMost(Duration.ofSeconds(20)).until(() -> "RETURNED".equals(
                given().auth().oauth2(EDU).get("/api/v1/projects/" + barrier).then().extract().path("status")));
    }

    @Test
    void shouldShowTheReviewersCommentsOnAReturnedProjectOnceEvenWhenTheReturnIsRedelivered() throws Exception {
        String id = submitted("JC-CQ-2025-004");
        EventEnvelope returned = codec.envelope(EventTypes.PROJECT_RETURNED, UUID.fromString(id), 1, "张审核",
                new ProjectReturned("张审核", OffsetDateTime.now(), "业务股室初审", "请完善绩效指标",
                        List.of(new ProjectReturned.ReviewComment(null, 0, "发放教材数量", "数量与学生人数不符"))));
        KafkaProbe.send(Topics.REVIEWS, id, codec.encode(returned));
        KafkaProbe.send(Topics.REVIEWS, id, codec.encode(returned));
        await().atMost(Duration.ofSeconds(20)).until(() -> "RETURNED".equals(
                given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().extract().path("status")));
        awaitReviewsConsumedUpTo(id);
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then()
                .body("reviewComments", hasSize(2))
                .body("reviewComments.text", equalTo(List.of("请完善绩效指标", "数量与学生人数不符")))
                .body("reviewComments[1].indicatorIndex", equalTo(0));
        // resubmitting after a return freezes a new revision
        given().auth().oauth2(EDU).when().post("/api/v1/projects/" + id + "/submit").then().statusCode(200)
                .body("revision", equalTo(2));
    }

    @Test
    void shouldIgnoreAnApprovalOfAnOutdatedRevision() throws Exception {
        String id = submitted("JC-CQ-2025-005");
        EventEnvelope stale = codec.envelope(EventTypes.PROJECT_APPROVED, UUID.fromString(id), 7, "r",
                new ProjectApproved("JX-STALE", "r", OffsetDateTime.now(), null, exported(id)));
        KafkaProbe.send(Topics.REVIEWS, id, codec.encode(stale));
        awaitReviewsConsumedUpTo(id);
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().body("status", equalTo("SUBMITTED"));
    }

    @Test
    void shouldAmendAnApprovedProjectAndAnnounceTheDiffToTheApprovedRevision() throws Exception {
        String id = submitted("JC-CQ-2025-002");
        approve(id, 1);
        given().auth().oauth2(EDU).contentType(ContentType.JSON).body("{\"reason\":\"\"}")
                .when().post("/api/v1/projects/" + id + "/amendments").then().statusCode(400);
        String etag = given().auth().oauth2(EDU).contentType(ContentType.JSON).body("{\"reason\":\"幼儿人数调整\"}")
                .when().post("/api/v1/projects/" + id + "/amendments").then().statusCode(200)
                .body("status", equalTo("AMENDING")).extract().header("ETag");
        given().auth().oauth2(EDU).header("If-Match", etag).contentType("application/merge-patch+json; charset=UTF-8")
                .body("{\"funding\":\"4600000\"}").when().patch("/api/v1/projects/" + id).then().statusCode(200);
        given().auth().oauth2(EDU).when().post("/api/v1/projects/" + id + "/submit").then().statusCode(200)
                .body("revision", equalTo(2)).body("status", equalTo("SUBMITTED"));

        var events = KafkaProbe.records(Topics.PROJECTS, r -> r.key().equals(id) && r.value().contains("ProjectAmended"), 1,
                Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        EventContracts.assertValid(events.get(0).value());
        JsonNode amended = JSON.readTree(events.get(0).value());
        assertThat(amended.at("/data/amendmentReason").asText()).isEqualTo("幼儿人数调整");
        assertThat(amended.at("/data/approvedRevision").asInt()).isEqualTo(1);
        assertThat(amended.at("/data/changes/0/field").asText()).isEqualTo("funding");
        assertThat(amended.at("/data/changes/0/before").asText()).isEqualTo("4515600");
        assertThat(amended.at("/data/changes/0/after").asText()).isEqualTo("4600000");

        given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/revisions").then()
                .body("kind", equalTo(List.of("SUBMISSION", "AMENDMENT")));
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/revisions/2/diff?against=1").then()
                .body("field", equalTo(List.of("funding")));
        approve(id, 2);
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then()
                .body("approvedRevision", equalTo(2)).body("funding", equalTo("4600000"));
    }

    @Test
    void shouldRefuseRowsOutsideTheFrameworkIndicatorServicePublishedForTheYear() throws Exception {
        Framework costFirst = new Framework("mof-2021", "成本为一级指标", 1, List.of(
                new Framework.Level1("成本指标", true, List.of(), List.of(new Framework.Level2("经济成本指标", List.of()))),
                new Framework.Level1("产出指标", true, List.of(), List.of(new Framework.Level2("数量指标", List.of()),
                        new Framework.Level2("质量指标", List.of()), new Framework.Level2("时效指标", List.of()))),
                new Framework.Level1("效益指标", true, List.of(), List.of(new Framework.Level2("社会效益指标", List.of()))),
                new Framework.Level1("满意度指标", true, List.of(), List.of(new Framework.Level2("服务对象满意度指标", List.of())))));
        KafkaProbe.send(Topics.FRAMEWORKS, "framework-2029", codec.encode(codec.envelope(EventTypes.FRAMEWORK_PUBLISHED, null, 0,
                "indicator-service", new FrameworkPublished(2029, costFirst, 1))));
        ObjectNode doc2029 = ProjectApiTest.draftDocument("JC-CQ-2025-001");
        doc2029.put("budgetYear", 2029);
        String id = ProjectApiTest.create(EDU, doc2029);
        // rows 5, 6, 7 are 产出指标 / 成本指标 in the seed's (classic) layout
        List<String> outside = List.of("/indicators/5/level2", "/indicators/6/level2", "/indicators/7/level2");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(EDU)
                .get("/api/v1/projects/" + id + "/validation").then().body("problems.pointer", equalTo(outside)));
        given().auth().oauth2(EDU).when().post("/api/v1/projects/" + id + "/submit").then().statusCode(400)
                .body("errors.pointer", equalTo(outside));
        String other = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-001"));
        given().auth().oauth2(EDU).when().post("/api/v1/projects/" + other + "/submit").then().statusCode(200);
    }

    @Test
    void shouldAcceptAtSubmissionARowPlacedAsAnotherLocalityPrintsItWhenTheFrameworkCarriesThatPlacement() throws Exception {
        Framework classic = new Framework("classic", "传统三级指标体系", 1, List.of(
                new Framework.Level1("产出指标", true, List.of(), List.of(new Framework.Level2("数量指标", List.of()),
                        new Framework.Level2("质量指标", List.of()), new Framework.Level2("时效指标", List.of()),
                        new Framework.Level2("成本指标", List.of()))),
                new Framework.Level1("效益指标", true, List.of(), List.of(new Framework.Level2("社会效益指标", List.of()))),
                new Framework.Level1("满意度指标", true, List.of(), List.of(new Framework.Level2("服务对象满意度指标", List.of())))));
        Framework.Placement satisfactionUnderBenefit = new Framework.Placement("2015–2020年国家指标体系", "效益指标",
                "社会公众或服务对象满意度指标", "满意度指标", "服务对象满意度指标");
        KafkaProbe.send(Topics.FRAMEWORKS, "framework-2030", codec.encode(codec.envelope(EventTypes.FRAMEWORK_PUBLISHED, null, 0,
                "indicator-service", new FrameworkPublished(2030, classic.withPlacements(List.of(satisfactionUnderBenefit)), 1))));
        KafkaProbe.send(Topics.FRAMEWORKS, "framework-2031", codec.encode(codec.envelope(EventTypes.FRAMEWORK_PUBLISHED, null, 0,
                "indicator-service", new FrameworkPublished(2031, classic, 1))));
        String mapped = createWithSatisfactionUnderBenefit(2030);
        String refused = createWithSatisfactionUnderBenefit(2031);
        String satisfactionRow = "/indicators/" + (ProjectApiTest.seedDocument("JC-CQ-2025-001").get("indicators").size() - 1)
                + "/level2";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(EDU)
                .get("/api/v1/projects/" + refused + "/validation").then().body("problems.pointer", equalTo(List.of(satisfactionRow))));
        given().auth().oauth2(EDU).when().post("/api/v1/projects/" + refused + "/submit").then().statusCode(400)
                .body("errors.pointer", equalTo(List.of(satisfactionRow)));
        given().auth().oauth2(EDU).when().post("/api/v1/projects/" + mapped + "/submit").then().statusCode(200);
    }

    private static String createWithSatisfactionUnderBenefit(int budgetYear) {
        ObjectNode doc = ProjectApiTest.draftDocument("JC-CQ-2025-001");
        doc.put("budgetYear", budgetYear);
        com.fasterxml.jackson.databind.node.ArrayNode rows = (com.fasterxml.jackson.databind.node.ArrayNode) doc.get("indicators");
        ObjectNode last = (ObjectNode) rows.get(rows.size() - 1);
        last.put("level1", "效益指标").put("level2", "社会公众或服务对象满意度指标");
        return ProjectApiTest.create(EDU, doc);
    }

    @Test
    void shouldLetExactlyOneOfTwoConcurrentEditorsWithTheSameETagSucceed() throws Exception {
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-003"));
        String etag = given().auth().oauth2(EDU).get("/api/v1/projects/" + id).header("ETag");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> results = List.of("甲", "乙").stream().map(who -> pool.submit(() -> {
            start.await();
            return given().auth().oauth2(EDU).header("If-Match", etag)
                    .contentType("application/merge-patch+json; charset=UTF-8")
                    .body("{\"implementingUnit\":\"" + who + "\"}").when().patch("/api/v1/projects/" + id)
                    .then().extract().statusCode();
        })).toList();
        start.countDown();
        List<Integer> statuses = List.of(results.get(0).get(), results.get(1).get());
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
    }

    @Test
    void shouldFlagA三级指标UsedTwiceWithoutRefusingTheDraft() {
        ObjectNode doc = ProjectApiTest.draftDocument("JC-CQ-2025-002");
        ((com.fasterxml.jackson.databind.node.ArrayNode) doc.get("indicators")).add(doc.get("indicators").get(0).deepCopy());
        String id = ProjectApiTest.create(EDU, doc);
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then()
                .body("warnings.pointer", hasItem("/indicators/" + (doc.get("indicators").size() - 1) + "/name"));
    }

    @Test
    void shouldNotOverwriteAnApprovedProjectOnImportUnlessAskedToOpenAnAmendment() throws Exception {
        ObjectNode doc = ProjectApiTest.seedDocument("JC-CQ-2025-003");
        String integration = DevTokens.integration();
        String id = given().auth().oauth2(integration).contentType(ContentType.JSON).body("[" + doc + "]")
                .post("/api/v1/projects/import").then().statusCode(200).extract().path("results[0].id");
        // revision 1 is the import's, the submission freezes revision 2
        given().auth().oauth2(EDU).post("/api/v1/projects/" + id + "/submit").then().statusCode(200)
                .body("revision", equalTo(2));
        approve(id, 2);
        doc.put("implementingUnit", "省平台改过的实施单位");
        given().auth().oauth2(integration).contentType(ContentType.JSON).body("[" + doc + "]")
                .post("/api/v1/projects/import").then().statusCode(200)
                .body("results[0].outcome", equalTo("rejected"))
                .body("results[0].problems[0].message", org.hamcrest.Matchers.containsString("APPROVED"));
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().body("status", equalTo("APPROVED"));
        given().auth().oauth2(integration).contentType(ContentType.JSON).body("[" + doc + "]")
                .queryParam("onApproved", "amend").queryParam("amendmentReason", "实施单位变更")
                .post("/api/v1/projects/import")
                .then().statusCode(200).body("results[0].outcome", equalTo("updated"));
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().body("status", equalTo("AMENDING"))
                .body("amendmentReason", equalTo("实施单位变更")).body("implementingUnit", equalTo("省平台改过的实施单位"))
                .body("approvedRevision", equalTo(2));
    }
}
