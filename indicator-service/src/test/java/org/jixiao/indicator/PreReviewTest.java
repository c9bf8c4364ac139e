package org.jixiao.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jixiao.common.contract.Framework;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.FrameworkPublished;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.EventContracts;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.common.test.SeedFixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_indicator_test"))
class PreReviewTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String REVIEWER = DevTokens.reviewer("r");

    @Inject
    EventCodec codec;

    @Test
    void shouldFindNoErrorInAWellFormedSeedProject() {
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(SeedFixtures.project("JC-CQ-2025-001").toString())
                .when().post("/api/v1/checks").then().statusCode(200)
                .body("findings.findAll { it.severity == 'ERROR' }", empty());
    }

    @Test
    void shouldFailEveryClassicRowOnceTheYearSwitchesToMof2021WhileEarlierYearsAreUntouched() {
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body("{\"frameworkCode\":\"mof-2021\"}")
                .when().put("/api/v1/frameworks/years/2026").then().statusCode(200).body("code", equalTo("mof-2021"));
        ObjectNode doc2026 = (ObjectNode) SeedFixtures.project("JC-CQ-2025-001");
        doc2026.put("budgetYear", 2026);
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(doc2026.toString())
                .when().post("/api/v1/checks").then().statusCode(200)
                // the three 产出指标/成本指标 rows (5, 6, 7) are not MOF-2021 nodes, and 成本指标 is missing as level 1
                .body("findings.findAll { it.code == 'LEVEL_NOT_IN_FRAMEWORK' }.indicatorIndex", equalTo(List.of(5, 6, 7)))
                .body("findings.code", hasItem("REQUIRED_LEVEL1_MISSING"));
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(SeedFixtures.project("JC-CQ-2025-001").toString())
                .when().post("/api/v1/checks").then().statusCode(200)
                .body("findings.findAll { it.severity == 'ERROR' }", empty());
    }

    @Test
    void shouldAnswer400ToANullIndicatorRowInsteadOfFailing() {
        ObjectNode doc = (ObjectNode) SeedFixtures.project("JC-CQ-2025-001");
        ((com.fasterxml.jackson.databind.node.ArrayNode) doc.get("indicators")).addNull();
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(doc.toString())
                .when().post("/api/v1/checks").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://jixiao.org/problems/null-indicator"));
    }

    @Test
    void shouldReportMissingBenefitAndSatisfactionCategories() {
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(SeedFixtures.project("JC-CQ-2025-003").toString())
                .when().post("/api/v1/checks").then().statusCode(200)
                .body("findings.findAll { it.code == 'REQUIRED_LEVEL1_MISSING' }.messageZh",
                        equalTo(List.of("缺少一级指标「效益指标」", "缺少一级指标「满意度指标」")));
    }

    @Test
    void shouldPublishExactlyOneCheckResultPerRevisionEvenWhenTheSubmissionArrivesTwice() throws Exception {
        UUID projectId = UUID.randomUUID();
        ProjectDocument doc = JSON.treeToValue(SeedFixtures.project("JC-CQ-2025-003"), ProjectDocument.class);
        EventEnvelope first = codec.envelope(EventTypes.PROJECT_SUBMITTED, projectId, 1, "dept-034",
                new ProjectSubmitted(doc, "dept-034", null, null, null));
        EventEnvelope resent = codec.envelope(EventTypes.PROJECT_SUBMITTED, projectId, 1, "dept-034",
                new ProjectSubmitted(doc, "dept-034", null, null, null));
        KafkaProbe.send(Topics.PROJECTS, projectId.toString(), codec.encode(first));
        KafkaProbe.send(Topics.PROJECTS, projectId.toString(), codec.encode(first));
        KafkaProbe.send(Topics.PROJECTS, projectId.toString(), codec.encode(resent));
        var results = KafkaProbe.records(Topics.INDICATOR_CHECKS, r -> r.key().equals(projectId.toString()), 1,
                Duration.ofSeconds(20));
        assertThat(results).hasSize(1);
        EventContracts.assertValid(results.get(0).value());
        JsonNode event = JSON.readTree(results.get(0).value());
        assertThat(event.get("eventType").asText()).isEqualTo("IndicatorCheckCompleted");
        assertThat(event.get("revision").asInt()).isEqualTo(1);
        assertThat(event.at("/data/findings").findValuesAsText("code")).contains("REQUIRED_LEVEL1_MISSING");
        // what the grammar read from every target travels with it, for reporting's open data
        assertThat(event.at("/data/readings")).hasSize(doc.indicators().size());
        assertThat(event.at("/data/readings/1/index").asInt()).isEqualTo(1);
        assertThat(event.at("/data/readings/1/kind").asText()).isEqualTo("QUANTITATIVE"); // ≥19人
        assertThat(event.at("/data/readings/1/operator").asText()).isEqualTo("GE");
        assertThat(event.at("/data/readings/1/value").asText()).isEqualTo("19");
        assertThat(event.at("/data/readings/1/unit").asText()).isEqualTo("人");
    }

    @Test
    void shouldLetOnlyAnAdminChooseTheFramework() {
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body("{\"frameworkCode\":\"mof-2021\"}")
                .when().put("/api/v1/frameworks/years/2027").then().statusCode(403);
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body("{\"frameworkCode\":\"nope\"}")
                .when().put("/api/v1/frameworks/years/2027").then().statusCode(400);
        given().auth().oauth2(REVIEWER).when().get("/api/v1/frameworks").then().statusCode(200)
                .body("code", equalTo(List.of("classic", "mof-2021", "mof-2015")))
                .body("level1.name", everyItem(hasItem("效益指标")));
    }

    @Test
    void shouldMapAnotherLocalitysSatisfactionPlacementWithAnInfoInsteadOfAnError() {
        ObjectNode doc = (ObjectNode) SeedFixtures.project("JC-CQ-2025-002");
        ((ObjectNode) doc.get("indicators").get(8)).put("level1", "满意度指标").put("level2", "满意度指标");
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(doc.toString())
                .when().post("/api/v1/checks").then().statusCode(200)
                .body("findings.findAll { it.severity == 'ERROR' }", empty())
                .body("findings.findAll { it.code == 'LEVEL_MAPPED' }.indicatorIndex", equalTo(List.of(8)))
                .body("findings.findAll { it.code == 'LEVEL_MAPPED' }.severity", equalTo(List.of("INFO")));
    }

    @Test
    void shouldLetAnAdminAddAYearsAliasThatTheChecksThenAccept() {
        ObjectNode doc = (ObjectNode) SeedFixtures.project("JC-CQ-2025-002");
        doc.put("budgetYear", 2028);
        ((ObjectNode) doc.get("indicators").get(6)).put("level1", "影响指标").put("level2", "长远影响");
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(doc.toString())
                .when().post("/api/v1/checks").then().statusCode(200)
                .body("findings.findAll { it.code == 'LEVEL_NOT_IN_FRAMEWORK' }.indicatorIndex", equalTo(List.of(6)));
        String alias = "{\"level1\":\"影响指标\",\"toLevel1\":\"效益指标\",\"toLevel2\":\"可持续影响指标\"}";
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(alias)
                .when().post("/api/v1/frameworks/years/2028/aliases").then().statusCode(403);
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body("{\"level1\":\"影响指标\",\"toLevel1\":\"影响\",\"toLevel2\":\"长远\"}")
                .when().post("/api/v1/frameworks/years/2028/aliases").then().statusCode(400);
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body(alias)
                .when().post("/api/v1/frameworks/years/2028/aliases").then().statusCode(200)
                .body("level1", equalTo(List.of("影响指标")));
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(doc.toString())
                .when().post("/api/v1/checks").then().statusCode(200)
                .body("findings.findAll { it.severity == 'ERROR' }", empty())
                .body("findings.findAll { it.code == 'LEVEL_MAPPED' }.indicatorIndex", equalTo(List.of(6)));
    }

    @Test
    void shouldPublishTheYearsFrameworkWithItsAliasAndTheKnownPlacementsSoProjectServiceAcceptsWhatTheChecksMap()
            throws Exception {
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body("{\"level1\":\"社会影响指标\",\"toLevel1\":\"效益指标\",\"toLevel2\":\"社会效益指标\"}")
                .when().post("/api/v1/frameworks/years/2032/aliases").then().statusCode(200);
        List<ConsumerRecord<String, String>> published = KafkaProbe.records(Topics.FRAMEWORKS,
                r -> "framework-2032".equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(published).hasSize(1);
        EventContracts.assertValid(published.get(0).value());
        Framework framework = codec.data(codec.decode(published.get(0).value()), FrameworkPublished.class).framework();
        assertThat(framework.resolve("社会影响指标", "任何二级")).contains(new Framework.Node("效益指标", "社会效益指标"));
        assertThat(framework.resolve("效益指标", "社会公众或服务对象满意度指标"))
                .contains(new Framework.Node("满意度指标", "服务对象满意度指标"));
        assertThat(framework.resolve("影响指标", "长远影响")).isEmpty();
    }
}
