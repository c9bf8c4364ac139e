package org.jixiao.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.jixiao.common.test.JixiaoTestResource;

@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_reporting_test"))
class CorsTest {

    @Test
    void shouldAllowACorsPreflightFromTheLocalFrontEndOnly() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .when().options("/api/v1/reports/summary")
                .then().statusCode(200).header("Access-Control-Allow-Origin", equalTo("http://localhost:5173"));
        given().header("Origin", "http://evil.example").header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/reports/summary")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
