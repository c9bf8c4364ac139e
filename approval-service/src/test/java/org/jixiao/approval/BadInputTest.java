package org.jixiao.approval;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.junit.jupiter.api.Test;

/** Input a client got wrong answers 4xx problem+json pointing at the culprit, never 500. */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_approval_test"))
class BadInputTest {
    static final String REVIEWER = DevTokens.reviewer("张审核");
    static final String PROBLEMS = "https://jixiao.org/problems/";

    static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status).contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEMS + type));
    }

    @Test
    void shouldAnswer400ForOverdueCasesOnAPageBeyondTheLastRowAnyListCanHave() {
        problem(given().auth().oauth2(REVIEWER).when().get("/api/v1/cases?overdue=true&page=2147483647&size=500").then(),
                400, "invalid-page").body("errors[0].pointer", equalTo("page"));
    }

    @Test
    void shouldAnswer400WhenACommentsFieldIsLongerThan100Characters() {
        String body = "{\"action\":\"RETURN\",\"comment\":\"请修改\",\"comments\":[{\"field\":\"" + "f".repeat(101)
                + "\",\"text\":\"太长\"}]}";
        problem(given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + UUID.randomUUID() + "/decisions").then(), 400, "validation")
                .body("errors[0].pointer", equalTo("/comments/0/field"));
    }

    @Test
    void shouldReplaceOneYearsRouteFromConcurrentRequestsWithoutAServerError() throws Exception {
        String body = "{\"stages\":[{\"name\":\"初审\",\"targetDays\":5},{\"name\":\"复审\",\"targetDays\":5}]}";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                answers.add(pool.submit(() -> given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body(body)
                        .when().put("/api/v1/routes/2037").then().extract().statusCode()));
            }
            for (java.util.concurrent.Future<Integer> a : answers) {
                org.assertj.core.api.Assertions.assertThat(a.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(REVIEWER).when().get("/api/v1/routes/2037").then().statusCode(200).body("stages.size()", equalTo(2));
    }

    @Test
    void shouldAnswer400ForAStageNameLongerThanItsColumn() {
        problem(given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body("{\"stages\":[{\"name\":\"" + "审".repeat(101) + "\",\"targetDays\":5}]}")
                .when().put("/api/v1/routes/2038").then(), 400, "validation");
    }

    @Test
    void shouldAnswer400ForANullRoute() {
        problem(given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body("null")
                .when().put("/api/v1/routes/2036").then(), 400, "validation");
        problem(given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body("{\"stages\":[null]}")
                .when().put("/api/v1/routes/2036").then(), 400, "validation");
    }

    @Test
    void shouldAnswer400InvalidTextForANulCharacter() {
        String body = "{\"stages\":[{\"name\":\"初审\\u0000\",\"targetDays\":5}]}";
        problem(given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/routes/2036").then(), 400, "invalid-text")
                .body("errors[0].pointer", equalTo("/stages/0/name"));
        problem(given().auth().oauth2(REVIEWER).urlEncodingEnabled(false)
                .when().get("/api/v1/cases?assignee=%00").then(), 400, "invalid-text");
    }

    @Test
    void shouldAnswer413ProblemForADecisionBodyOver2MiB() {
        String body = "{\"action\":\"RETURN\",\"comment\":\"" + "长".repeat(800_000) + "\"}";
        problem(given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + UUID.randomUUID() + "/decisions").then(), 413, "body-too-large");
    }

    @Test
    void shouldAllowACorsPreflightFromTheLocalFrontEndOnly() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/cases")
                .then().statusCode(200).header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"));
        given().header("Origin", "http://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/cases")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
