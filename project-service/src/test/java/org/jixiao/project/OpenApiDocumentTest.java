package org.jixiao.project;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.SeedFixtures;
import org.junit.jupiter.api.Test;

/** The document a running service serves is the one common's ApiDocumentFilter shaped at build time. */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_project_test"))
class OpenApiDocumentTest {

    @Test
    void shouldServeReadableOperationIdsProblemsAndTheSeedAsTheDeclarationExample() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        JsonNode create = doc.at("/paths/~1api~1v1~1projects/post");
        assertThat(create.path("operationId").asText()).isEqualTo("createProject");
        assertThat(doc.at("/paths/~1api~1v1~1projects~1{id}~1submit/post/operationId").asText()).isEqualTo("submit");
        assertThat(doc.at("/paths/~1api~1v1~1projects~1{id}/get/responses/404/content/application~1problem+json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Problem");
        assertThat(doc.at("/paths/~1api~1v1~1projects/get/responses/200/content/application~1json/schema").isMissingNode())
                .as("list keeps its 2xx schema").isFalse();
        assertThat(create.at("/requestBody/content/application~1json/example"))
                .isEqualTo(SeedFixtures.project("JC-CQ-2025-002"));
        assertThat(doc.at("/servers/0/url").asText()).startsWith("http");
    }
}
