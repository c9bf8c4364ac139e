package org.jixiao.reporting.service.render;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_reporting_test"))
class BusyRendererTest {

    @Inject
    PdfRenderer renderer;

    @Test
    void shouldAnswer503WithRetryAfterWhenEveryPdfRendererStaysBusy() {
        renderer.acquireSlot();
        renderer.acquireSlot();
        try {
            given().auth().oauth2(DevTokens.reviewer("r")).get("/api/v1/reports/summary?budgetYear=2039&format=pdf")
                    .then().statusCode(503).contentType(startsWith("application/problem+json"))
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("https://jixiao.org/problems/renderer-busy"));
        } finally {
            renderer.releaseSlot();
            renderer.releaseSlot();
        }
        given().auth().oauth2(DevTokens.reviewer("r")).get("/api/v1/reports/summary?budgetYear=2039&format=pdf")
                .then().statusCode(200).contentType(startsWith("application/pdf"));
    }
}
