package org.jixiao.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Random;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.indicator.domain.target.TargetParserFuzzTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_indicator_test"))
class TargetApiTest {
    static final String TOKEN = DevTokens.department("034");

    @Test
    void shouldParseOneTarget() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{\"text\":\"≥4.7万人\"}")
                .when().post("/api/v1/targets/parse").then().statusCode(200)
                .body("kind", equalTo("QUANTITATIVE")).body("operator", equalTo("GE"))
                .body("value", equalTo("47000")).body("unit", equalTo("人")).body("text", equalTo("≥4.7万人"));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{\"text\":\"全年\",\"budgetYear\":2026}")
                .when().post("/api/v1/targets/parse").then().statusCode(200)
                .body("period.from", equalTo("2026-01-01")).body("period.to", equalTo("2026-12-31"));
    }

    @Test
    void shouldShowTiersRelativeTargetsAndGrades() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{\"text\":\"60至 64周岁 191元、65周岁以上201元\"}")
                .when().post("/api/v1/targets/parse").then().statusCode(200)
                .body("kind", equalTo("TIERED")).body("tiers", hasSize(2))
                .body("tiers[0].operator", equalTo("RANGE")).body("tiers[0].value", equalTo("60"))
                .body("tiers[0].upperValue", equalTo("64")).body("tiers[0].conditionUnit", equalTo("周岁"))
                .body("tiers[1].amount", equalTo("201")).body("tiers[1].unit", equalTo("元"));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{\"text\":\"控制在预算内\"}")
                .when().post("/api/v1/targets/parse").then().statusCode(200)
                .body("kind", equalTo("QUANTITATIVE")).body("operator", equalTo("LE")).body("relativeTo", equalTo("BUDGET"));
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{\"text\":\"优良\"}")
                .when().post("/api/v1/targets/parse").then().statusCode(200)
                .body("kind", equalTo("QUALITATIVE")).body("grade", equalTo("优良"));
    }

    @Test
    void shouldAnswerABatchOfRandomTextWith200InOrder() {
        ArrayNode texts = new ObjectMapper().createArrayNode();
        Random r = new Random(7);
        for (int i = 0; i < 5000; i++) {
            // NUL and unpaired surrogates are refused at the edge (400 invalid-text), see the next test
            texts.add(TargetParserFuzzTest.random(r).replaceAll("[\\x{0}\\x{D800}-\\x{DFFF}]", "?"));
        }
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.set("texts", texts);
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body(body.toString())
                .when().post("/api/v1/targets/parse").then().statusCode(200).body("results", hasSize(5000));
    }

    @Test
    void shouldAnswer400InvalidTextForANulOrAnUnpairedSurrogateInATarget() {
        // the escapes travel as JSON text, as a client would send them
        for (String text : java.util.List.of("≥62\\u0000所", "≥62\\ud800所")) {
            given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{\"texts\": [\"" + text + "\"]}")
                    .when().post("/api/v1/targets/parse").then().statusCode(400)
                    .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                    .body("type", org.hamcrest.Matchers.endsWith("/invalid-text"));
        }
    }

    @Test
    void shouldAnswer400ForAnEmptyRequest() {
        given().auth().oauth2(TOKEN).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/targets/parse").then().statusCode(400);
    }
}
