package org.jixiao.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.SeedFixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_indicator_test"))
class MonitoringApiTest {
    static final String DEPARTMENT = DevTokens.department("034");

    static String assess(String report) {
        return "{\"document\":" + SeedFixtures.project("JC-CQ-2025-002") + ",\"report\":" + report + "}";
    }

    @Test
    void shouldAssessTheJulyReportOfThePreschoolProjectRowByRowAndItsBudget() {
        String report = "{\"period\":\"2025-07\",\"asOf\":\"2025-07-31\",\"spent\":\"1354680.00\",\"indicators\":["
                + "{\"index\":1,\"actual\":\"7100\",\"forecast\":\"7000\",\"deviationCause\":\"OTHER\",\"note\":\"生源减少\"},"
                + "{\"index\":6,\"likelihood\":\"CERTAIN\"}],\"measures\":\"加强招生宣传\"}";
        given().auth().oauth2(DEPARTMENT).contentType(ContentType.JSON).body(assess(report))
                .when().post("/api/v1/monitoring/assess").then().statusCode(200)
                .body("rows[1].status", equalTo("AT_RISK")).body("rows[6].status", equalTo("ON_TRACK"))
                .body("budget.executionRate", equalTo("0.3000")).body("budget.timeProgress", equalTo("0.5808"))
                .body("budget.lagPoints", equalTo("28.08")).body("budget.status", equalTo("AT_RISK"))
                .body("overall", equalTo("AT_RISK"));
    }

    @Test
    void shouldAnswer400WithAPointerForAReportThatDoesNotFit() {
        given().auth().oauth2(DEPARTMENT).contentType(ContentType.JSON)
                .body(assess("{\"asOf\":\"2025-07-31\",\"indicators\":[{\"index\":1,\"forecast\":\"七千\"}]}"))
                .when().post("/api/v1/monitoring/assess").then().statusCode(400)
                .contentType("application/problem+json").body("errors.pointer", equalTo(List.of("/report/indicators/0/forecast")));
        given().auth().oauth2(DEPARTMENT).contentType(ContentType.JSON)
                .body(assess("{\"asOf\":\"2025-07-31\",\"indicators\":[{\"index\":42}]}"))
                .when().post("/api/v1/monitoring/assess").then().statusCode(400)
                .body("errors.pointer", equalTo(List.of("/report/indicators/0/index")));
        given().auth().oauth2(DEPARTMENT).contentType(ContentType.JSON)
                .body(assess("{\"asOf\":\"2025-07-31\",\"indicators\":[{\"index\":1,\"likelihood\":\"MAYBE\"}]}"))
                .when().post("/api/v1/monitoring/assess").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldLetOnlyAnAdminChangeTheYearsThresholds() {
        String policy = "{\"riskShare\":0.05,\"tooLowShare\":0.3,\"budgetAtRiskPoints\":10,\"budgetOffTrackPoints\":20}";
        given().auth().oauth2(DEPARTMENT).contentType(ContentType.JSON).body(policy)
                .when().put("/api/v1/monitoring/policies/2025").then().statusCode(403);
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body("{\"riskShare\":2,\"tooLowShare\":0.3,\"budgetAtRiskPoints\":10,\"budgetOffTrackPoints\":5}")
                .when().put("/api/v1/monitoring/policies/2025").then().statusCode(400)
                .body("errors.pointer", equalTo(List.of("/riskShare", "/budgetOffTrackPoints")));
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body(policy)
                .when().put("/api/v1/monitoring/policies/2044").then().statusCode(200);
        given().auth().oauth2(DEPARTMENT).get("/api/v1/monitoring/policies/2044").then().statusCode(200)
                .body("budgetAtRiskPoints", equalTo(10));
    }
}
