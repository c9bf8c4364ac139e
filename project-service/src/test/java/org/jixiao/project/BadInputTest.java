package org.jixiao.project;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.junit.jupiter.api.Test;

/** Input a client got wrong answers 4xx problem+json pointing at the culprit, never 500. */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_project_test"))
class BadInputTest {
    static final String EDU = DevTokens.department("034");
    static final String PROBLEMS = "https://jixiao.org/problems/";
    static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    @TestHTTPResource("/api/v1/projects")
    URI projects;

    static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status).contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEMS + type));
    }

    @Test
    void shouldAnswer400InvalidTextForANulCharacter() {
        ObjectNode doc = ProjectApiTest.seedDocument("JC-CQ-2025-001");
        doc.put("name", "测试\u0000项目");
        problem(given().auth().oauth2(EDU).contentType(ContentType.JSON).body(doc.toString())
                .when().post("/api/v1/projects").then(), 400, "invalid-text")
                .body("errors[0].pointer", equalTo("/name"));
    }

    @Test
    void shouldAnswer400InvalidTextForAnUnpairedSurrogateDeepInTheDocument() {
        ObjectNode doc = ProjectApiTest.seedDocument("JC-CQ-2025-001");
        // written by hand: Jackson would not write a lone surrogate as an escape
        String body = doc.toString().replaceFirst("\"overview\":\"", "\"overview\":\"\\\\uD800");
        problem(given().auth().oauth2(EDU).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/projects").then(), 400, "invalid-text")
                .body("errors[0].pointer", equalTo("/overview"));
        String inIndicator = doc.toString().replaceFirst("\"name\":\"", "\"name\":\"\\\\uDC00");
        problem(given().auth().oauth2(EDU).contentType(ContentType.JSON).body(inIndicator)
                .when().post("/api/v1/projects").then(), 400, "invalid-text");
    }

    @Test
    void shouldRefuseA201stIndicatorRowWhileReadingTheBody() {
        ObjectNode doc = ProjectApiTest.draftDocument("JC-CQ-2025-001");
        com.fasterxml.jackson.databind.node.ArrayNode rows = (com.fasterxml.jackson.databind.node.ArrayNode) doc.get("indicators");
        while (rows.size() <= 200) {
            rows.add(rows.get(0).deepCopy());
        }
        problem(given().auth().oauth2(EDU).contentType(ContentType.JSON).body(doc.toString())
                .when().post("/api/v1/projects").then(), 400, "invalid-json")
                .body("errors[0].pointer", equalTo("/indicators"))
                .body("errors[0].message", equalTo("at most 200 indicator rows"));
    }

    @Test
    void shouldAnswer400InvalidTextForANulCharacterInAMergePatch() {
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-002"));
        String etag = given().auth().oauth2(EDU).get("/api/v1/projects/" + id).header("ETag");
        problem(given().auth().oauth2(EDU).header("If-Match", etag).contentType(MERGE_PATCH)
                .body("{\"overview\":\"概况\\u0000\"}")
                .when().patch("/api/v1/projects/" + id).then(), 400, "invalid-text")
                .body("errors[0].pointer", equalTo("/overview"));
    }

    @Test
    void shouldAnswer400InvalidTextForANulCharacterInAQueryParameter() {
        problem(given().auth().oauth2(EDU).urlEncodingEnabled(false)
                .when().get("/api/v1/projects?nameContains=%00").then(), 400, "invalid-text")
                .body("errors[0].pointer", equalTo("nameContains"));
    }

    @Test
    void shouldAnswer400ForAPageBeyondTheLastRowAnyListCanHave() {
        problem(given().auth().oauth2(EDU).when().get("/api/v1/projects?page=4294968&size=500").then(),
                400, "invalid-page").body("errors[0].pointer", equalTo("page"));
        problem(given().auth().oauth2(EDU).when().get("/api/v1/projects?page=2147483647&size=1").then(),
                400, "invalid-page");
        given().auth().oauth2(EDU).when().get("/api/v1/projects?page=4294966&size=500").then().statusCode(200);
    }

    @Test
    void shouldAnswer400ForFundingFiltersNoProjectCanMeet() {
        for (String query : List.of("fundingMin=1e999999", "fundingMin=-1", "fundingMax=1000000000000000000",
                "fundingMin=abc", "fundingMax=1E3", "fundingMin=NaN")) {
            String parameter = query.substring(0, query.indexOf('='));
            problem(given().auth().oauth2(EDU).when().get("/api/v1/projects?" + query).then(), 400, "invalid-parameter")
                    .body("errors[0].pointer", equalTo(parameter));
        }
        given().auth().oauth2(EDU).when().get("/api/v1/projects?fundingMin=0&fundingMax=999999999999999.99")
                .then().statusCode(200);
    }

    @Test
    void shouldAnswer400ForNumbersTheirParameterCannotHold() {
        for (String query : List.of("page=99999999999", "size=-99999999999", "budgetYear=abc", "budgetYear=1e999999")) {
            String parameter = query.substring(0, query.indexOf('='));
            problem(given().auth().oauth2(EDU).when().get("/api/v1/projects?" + query).then(), 400, "invalid-parameter")
                    .body("errors[0].pointer", equalTo(parameter));
        }
        problem(given().auth().oauth2(EDU).when().get("/api/v1/projects/not-a-uuid").then(), 400, "invalid-parameter")
                .body("errors[0].pointer", equalTo("id"));
    }

    @Test
    void shouldAnswer409WhenAReplaceOrPatchTakesAnotherProjectsExternalRef() {
        // only the platform's roles may set an externalRef at all; an admin runs into the uniqueness
        String admin = DevTokens.admin();
        ObjectNode first = ProjectApiTest.seedDocument("JC-CQ-2025-003");
        ProjectApiTest.create(admin, first);
        ObjectNode second = ProjectApiTest.seedDocument("JC-CQ-2025-003");
        String id = ProjectApiTest.create(admin, second);
        String etag = given().auth().oauth2(EDU).get("/api/v1/projects/" + id).header("ETag");
        second.put("externalRef", first.get("externalRef").asText());
        problem(given().auth().oauth2(admin).header("If-Match", etag).contentType(ContentType.JSON).body(second.toString())
                .when().put("/api/v1/projects/" + id).then(), 409, "duplicate-external-ref");
        problem(given().auth().oauth2(admin).header("If-Match", etag).contentType(MERGE_PATCH)
                .body("{\"externalRef\":\"" + first.get("externalRef").asText() + "\"}")
                .when().patch("/api/v1/projects/" + id).then(), 409, "duplicate-external-ref");
        // keeping its own externalRef is no conflict
        second.put("externalRef", given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/export")
                .then().extract().<String>path("externalRef"));
        given().auth().oauth2(EDU).header("If-Match", etag).contentType(ContentType.JSON).body(second.toString())
                .when().put("/api/v1/projects/" + id).then().statusCode(200);
    }

    @Test
    void shouldAnswer413ProblemForAJsonBodyOverTheLimit() {
        ObjectNode doc = ProjectApiTest.seedDocument("JC-CQ-2025-001");
        // larger than the largest declaration the rules allow, even with every character escaped
        doc.put("overview", "很长".repeat(1_200_000));
        problem(given().auth().oauth2(EDU).contentType(ContentType.JSON).body(doc.toString())
                .when().post("/api/v1/projects").then(), 413, "body-too-large");
    }

    @Test
    void shouldAnswer413ProblemForAnOrdinaryBodyOver2MiB() {
        String body = "{\"reason\":\"" + "长".repeat(800_000) + "\"}";
        problem(given().auth().oauth2(EDU).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/projects/" + java.util.UUID.randomUUID() + "/amendments").then(),
                413, "body-too-large");
    }

    @Test
    void shouldAnswer413ProblemForAChunkedJsonBodyOverTheLimit() throws Exception {
        ObjectNode doc = ProjectApiTest.seedDocument("JC-CQ-2025-001");
        // larger than the largest declaration the rules allow, even with every character escaped
        doc.put("overview", "很长".repeat(1_200_000));
        byte[] body = doc.toString().getBytes(StandardCharsets.UTF_8);
        // a stream of unknown length goes out chunked, without Content-Length
        HttpRequest request = HttpRequest.newBuilder(projects).header("Authorization", "Bearer " + EDU)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains(PROBLEMS + "body-too-large");
    }

    @Test
    void shouldImportAnNdjsonBodyLargerThanAnyOtherEndpointAccepts() {
        ObjectNode doc = ProjectApiTest.seedDocument("JC-CQ-2025-005");
        doc.put("budgetYear", 2025);
        // a few documents padded with whitespace between them: a body the size of a real import, quickly stored
        byte[] body = (doc.toString() + " ".repeat(3 << 20) + "\n").getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(DevTokens.integration()).contentType("application/x-ndjson").body(body)
                .when().post("/api/v1/projects/import")
                .then().statusCode(200).body("results.outcome", hasItem("created"));
    }

    @Test
    void shouldNeverShowDatabaseErrorTextToAnImportingClient() {
        // a subject longer than the audit column: the database refuses the row, not the document rules
        String longSubject = DevTokens.sign("platform-" + "x".repeat(120), "integration", java.util.Map.of());
        ObjectNode doc = ProjectApiTest.seedDocument("JC-CQ-2025-007");
        String answer = given().auth().oauth2(longSubject).contentType(ContentType.JSON).body("[" + doc + "]")
                .when().post("/api/v1/projects/import")
                .then().statusCode(200).body("results[0].outcome", equalTo("rejected"))
                .body("results[0].problems[0].message", equalTo("could not be stored; the error was logged"))
                .extract().asString();
        assertThat(answer).doesNotContainIgnoringCase("varying").doesNotContainIgnoringCase("value too long")
                .doesNotContain("ERROR:").doesNotContain("SQL").doesNotContain("created_by");
    }

    @Test
    void shouldRejectAnImportedDocumentWithANulCharacterAndStoreTheOthers() {
        ObjectNode good = ProjectApiTest.seedDocument("JC-CQ-2025-008");
        ObjectNode bad = ProjectApiTest.seedDocument("JC-CQ-2025-008");
        bad.put("name", "坏\u0000名");
        String body = "[" + good + "," + bad + "]";
        given().auth().oauth2(DevTokens.integration()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/projects/import")
                .then().statusCode(200).body("results.outcome", equalTo(List.of("created", "rejected")))
                .body("results[1].problems[0].pointer", equalTo("/name"));
    }

    @Test
    void shouldAllowACorsPreflightFromTheLocalFrontEnd() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .when().options("/api/v1/projects")
                .then().statusCode(200).header("Access-Control-Allow-Origin", equalTo("http://localhost:5173"));
    }

    @Test
    void shouldSendNoCorsHeadersToAnotherOrigin() {
        given().header("Origin", "http://evil.example").header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/projects")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().auth().oauth2(EDU).header("Origin", "http://evil.example").when().get("/api/v1/projects")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
