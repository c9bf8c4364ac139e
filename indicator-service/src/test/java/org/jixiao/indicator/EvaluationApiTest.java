package org.jixiao.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.SeedFixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_indicator_test"))
class EvaluationApiTest {
    static final String DEPARTMENT = DevTokens.department("034");
    static final String REVIEWER = DevTokens.reviewer("王复核");

    static String request(Object document, String spent, String indicators) {
        return "{\"document\":" + document + (spent == null ? "" : ",\"spent\":\"" + spent + "\"")
                + (indicators == null ? "" : ",\"indicators\":" + indicators) + "}";
    }

    @Test
    void shouldPreviewAFixtureProjectWithEachRowsPointsAndThePointsThatRestOnJudgement() {
        // 城区学前教育公用经费: what a reviewer sees before approving
        JsonPath preview = given().auth().oauth2(REVIEWER).contentType(ContentType.JSON)
                .body(request(SeedFixtures.project("JC-CQ-2025-002"), null, null))
                .when().post("/api/v1/evaluations/score").then().statusCode(200)
                .body("total", equalTo("100.00")).body("grade", equalTo("优"))
                .body("assumedMet", hasItem(-1)).extract().jsonPath();
        List<Map<String, Object>> rows = preview.getList("parts.rows.flatten()");
        BigDecimal judged = rows.stream().filter(r -> Boolean.TRUE.equals(r.get("subjective")))
                .map(r -> new BigDecimal((String) r.get("weight"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal qualitative = rows.stream().filter(r -> List.of("QUALITATIVE", "DESCRIPTIVE").contains(r.get("kind")))
                .map(r -> new BigDecimal((String) r.get("weight"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        // displayed weights are rounded, so compare to the fen of what each row shows
        org.assertj.core.api.Assertions.assertThat(new BigDecimal(preview.getString("subjectivePoints")))
                .isCloseTo(judged, org.assertj.core.data.Offset.offset(new BigDecimal("0.05")))
                .isCloseTo(qualitative, org.assertj.core.data.Offset.offset(new BigDecimal("0.05")));
        org.assertj.core.api.Assertions.assertThat(rows).hasSize(SeedFixtures.project("JC-CQ-2025-002").get("indicators").size());
    }

    @Test
    void shouldScoreActualsAndShowTheCapThatBit() {
        String policy = "{\"executionWeight\":10,\"groupWeights\":{\"产出指标\":50,\"效益指标\":30,\"满意度指标\":10},"
                + "\"grades\":[{\"grade\":\"优\",\"from\":90},{\"grade\":\"良\",\"from\":80},{\"grade\":\"中\",\"from\":60},"
                + "{\"grade\":\"差\",\"from\":0}],\"caps\":[{\"executionRateBelow\":0.6,\"maxTotal\":69}]}";
        given().auth().oauth2(DEPARTMENT).contentType(ContentType.JSON).body(policy)
                .when().put("/api/v1/evaluations/policies/2041").then().statusCode(403);
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body(policy)
                .when().put("/api/v1/evaluations/policies/2041").then().statusCode(200);
        ObjectNode doc = (ObjectNode) SeedFixtures.project("JC-CQ-2025-001");
        doc.put("budgetYear", 2041);
        // spent 50% of 42,726,082: execution 10 × 0.5 = 5; everything else assumed met: 95 → capped at 69
        given().auth().oauth2(DEPARTMENT).contentType(ContentType.JSON).body(request(doc, "21363041.00", "[]"))
                .when().post("/api/v1/evaluations/score").then().statusCode(200)
                .body("total", equalTo("69.00")).body("grade", equalTo("中"))
                .body("capsApplied[0].totalBefore", equalTo("95.00")).body("parts[0].score", equalTo("5.00"));
    }

    @Test
    void shouldAnswer409UntilAnAdminWeighsTheCostGroupOfAMof2021Year() {
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body("{\"frameworkCode\":\"mof-2021\"}")
                .when().put("/api/v1/frameworks/years/2042").then().statusCode(200);
        ObjectNode doc = (ObjectNode) SeedFixtures.project("JC-CQ-2025-001");
        doc.put("budgetYear", 2042);
        given().auth().oauth2(DEPARTMENT).contentType(ContentType.JSON).body(request(doc, null, null))
                .when().post("/api/v1/evaluations/score").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://jixiao.org/problems/scoring-weights-not-configured"));
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body("{\"executionWeight\":10,\"groupWeights\":{\"产出指标\":50,\"效益指标\":30,\"满意度指标\":10},"
                        + "\"grades\":[{\"grade\":\"优\",\"from\":90},{\"grade\":\"差\",\"from\":0}]}")
                .when().put("/api/v1/evaluations/policies/2042").then().statusCode(400)
                .body("type", equalTo("https://jixiao.org/problems/invalid-scoring-policy"));
    }

    @Test
    void shouldPointAtTheEntryThatDoesNotFitTheDocument() {
        given().auth().oauth2(DEPARTMENT).contentType(ContentType.JSON)
                .body(request(SeedFixtures.project("JC-CQ-2025-001"), null, "[{\"index\":99,\"actual\":\"1\"}]"))
                .when().post("/api/v1/evaluations/score").then().statusCode(400)
                .contentType("application/problem+json").body("errors.pointer", equalTo(List.of("/indicators/0/index")));
        given().auth().oauth2(DEPARTMENT).contentType(ContentType.JSON)
                .body(request(SeedFixtures.project("JC-CQ-2025-001"), "1e999999", null))
                .when().post("/api/v1/evaluations/score").then().statusCode(400)
                .body("errors.pointer", equalTo(List.of("/spent")));
        given().auth().oauth2(DEPARTMENT).contentType(ContentType.JSON)
                .body(request(SeedFixtures.project("JC-CQ-2025-001"), null, "[{\"index\":0,\"actual\":\"六十\"}]"))
                .when().post("/api/v1/evaluations/score").then().statusCode(400)
                .body("errors.pointer", hasSize(1)).body("type", equalTo("https://jixiao.org/problems/invalid-actual"));
    }
}
