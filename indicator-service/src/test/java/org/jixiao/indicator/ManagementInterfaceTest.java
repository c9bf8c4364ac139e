package org.jixiao.indicator;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.jixiao.common.test.JixiaoTestResource;
import org.junit.jupiter.api.Test;

/**
 * The production profile's layout: health and metrics only on the management interface, Swagger UI off
 * unless asked for, the OpenAPI document with the API.
 */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.Production.class)
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_indicator_prod_test"))
class ManagementInterfaceTest {
    static final int MANAGEMENT_PORT = freePort();

    /** The prod profile's own settings; only what a test run needs on top (token key, free ports). */
    public static class Production implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "prod";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.test-port", "0",
                    "quarkus.management.test-port", Integer.toString(MANAGEMENT_PORT),
                    "mp.jwt.verify.publickey.location", "jixiao/dev-jwt-public.pem",
                    "mp.jwt.verify.issuer", "https://jixiao.dev/local");
        }
    }

    @Test
    void shouldServeHealthAndMetricsOnlyOnTheManagementPort() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/health").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        given().port(MANAGEMENT_PORT).get("/q/health/ready").then().statusCode(200);
        given().port(MANAGEMENT_PORT).get("/q/metrics").then().statusCode(200);
    }

    @Test
    void shouldHideSwaggerUiUnlessAskedForButKeepTheOpenApiDocumentOnTheApiPort() {
        given().get("/q/swagger-ui/").then().statusCode(404);
        given().port(MANAGEMENT_PORT).get("/q/swagger-ui/").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(200);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
