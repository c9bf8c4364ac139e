package org.jixiao.project;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jixiao.common.events.Topics;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.EventContracts;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.common.test.SeedFixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_project_test"))
class ProjectApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String EDU = DevTokens.department("034");
    static final String HEALTH = DevTokens.department("038");

    static String create(String token, JsonNode document) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(document.toString())
                .when().post("/api/v1/projects")
                .then().statusCode(201).extract().path("id");
    }

    /** A seed project under a fresh externalRef: for the import and admins, who may set one. */
    static ObjectNode seedDocument(String externalRef) {
        ObjectNode doc = (ObjectNode) SeedFixtures.project(externalRef);
        doc.put("externalRef", externalRef + "-" + UUID.randomUUID());
        return doc;
    }

    /** A seed project as a department declares it: without the platform's externalRef. */
    static ObjectNode draftDocument(String seedRef) {
        ObjectNode doc = seedDocument(seedRef);
        doc.remove("externalRef");
        return doc;
    }

    @Test
    void shouldSearchNamesForPercentAndUnderscoreLiterally() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        ObjectNode percent = draftDocument("JC-CQ-2025-004");
        percent.put("name", "达标率" + marker + "%专项");
        ObjectNode digit = draftDocument("JC-CQ-2025-004");
        digit.put("name", "达标率" + marker + "5专项");
        String percentId = create(EDU, percent);
        create(EDU, digit);
        // % and _ in nameContains are the characters themselves, not LIKE wildcards
        given().auth().oauth2(EDU).queryParam("nameContains", marker + "%").when().get("/api/v1/projects")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(percentId));
        given().auth().oauth2(EDU).queryParam("nameContains", marker + "_").when().get("/api/v1/projects")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(EDU).queryParam("nameContains", marker).when().get("/api/v1/projects")
                .then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void shouldAnswer401ProblemWithoutToken() {
        given().when().get("/api/v1/projects")
                .then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(401))
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void shouldRejectForgedToken() {
        String forged = EDU.substring(0, EDU.lastIndexOf('.') + 1) + "AAAA";
        given().auth().oauth2(forged).when().get("/api/v1/projects").then().statusCode(401);
    }

    @Test
    void shouldKeepEveryFieldOfASeedProjectByteForByte() {
        ObjectNode doc = seedDocument("JC-CQ-2025-001");
        String id = create(DevTokens.admin(), doc);
        String exported = given().auth().oauth2(EDU).when().get("/api/v1/projects/" + id + "/export")
                .then().statusCode(200).extract().asString();
        assertThat(read(exported)).isEqualTo(doc);
    }

    @Test
    void shouldHideAnotherDepartmentsProjectFromADepartmentToken() {
        String id = create(HEALTH, draftDocument("JC-CQ-2025-006"));
        given().auth().oauth2(EDU).when().get("/api/v1/projects/" + id).then().statusCode(404);
        given().auth().oauth2(EDU).when().post("/api/v1/projects/" + id + "/submit").then().statusCode(404);
        given().auth().oauth2(EDU).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(seedDocument("JC-CQ-2025-006").toString())
                .when().put("/api/v1/projects/" + id).then().statusCode(404);
        given().auth().oauth2(EDU).when().get("/api/v1/projects?size=500")
                .then().statusCode(200).body("items.departmentCode", everyItem(equalTo("034")));
        given().auth().oauth2(DevTokens.reviewer("r1")).when().get("/api/v1/projects/" + id).then().statusCode(200);
    }

    @Test
    void shouldRefuseToDeclareForAnotherDepartment() {
        given().auth().oauth2(EDU).contentType(ContentType.JSON).body(seedDocument("JC-CQ-2025-006").toString())
                .when().post("/api/v1/projects").then().statusCode(403).body("type", containsString("other-department"));
    }

    @Test
    void shouldAnswer400ProblemForMalformedJsonUnknownFieldsAndBadEnums() {
        given().auth().oauth2(EDU).contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/v1/projects").then().statusCode(400).contentType(startsWith("application/problem+json"));
        ObjectNode doc = seedDocument("JC-CQ-2025-002");
        doc.put("colour", "red");
        given().auth().oauth2(EDU).contentType(ContentType.JSON).body(doc.toString())
                .when().post("/api/v1/projects").then().statusCode(400).body("detail", containsString("colour"));
        given().auth().oauth2(EDU).when().get("/api/v1/projects?status=NONSENSE").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        ObjectNode badYear = seedDocument("JC-CQ-2025-002");
        badYear.put("budgetYear", "twenty");
        given().auth().oauth2(EDU).contentType(ContentType.JSON).body(badYear.toString())
                .when().post("/api/v1/projects").then().statusCode(400).body("errors[0].pointer", equalTo("/budgetYear"));
    }

    @Test
    void shouldRejectIncompleteSubmissionListingEveryMissingPart() {
        ObjectNode draft = JSON.createObjectNode().put("budgetYear", 2025).put("name", "未完成的项目").put("departmentCode", "034");
        String id = create(EDU, draft);
        given().auth().oauth2(EDU).when().post("/api/v1/projects/" + id + "/submit")
                .then().statusCode(400)
                .body("errors.pointer", hasItems("/departmentName", "/attribute", "/overview", "/annualGoal", "/funding", "/indicators"));
    }

    @Test
    void shouldAnswer428WithoutIfMatchAnd412ForAStaleETag() {
        String id = create(EDU, draftDocument("JC-CQ-2025-004"));
        Response read = given().auth().oauth2(EDU).when().get("/api/v1/projects/" + id);
        String etag = read.header("ETag");
        given().auth().oauth2(EDU).contentType("application/merge-patch+json; charset=UTF-8").body("{\"name\":\"改名\"}")
                .when().patch("/api/v1/projects/" + id).then().statusCode(428);
        given().auth().oauth2(EDU).header("If-Match", etag).contentType("application/merge-patch+json; charset=UTF-8")
                .body("{\"implementingUnit\":\"第一个客户端\"}")
                .when().patch("/api/v1/projects/" + id).then().statusCode(200).body("implementingUnit", equalTo("第一个客户端"));
        given().auth().oauth2(EDU).header("If-Match", etag).contentType("application/merge-patch+json; charset=UTF-8")
                .body("{\"implementingUnit\":\"第二个客户端\"}")
                .when().patch("/api/v1/projects/" + id).then().statusCode(412);
        given().auth().oauth2(EDU).when().get("/api/v1/projects/" + id).then().body("implementingUnit", equalTo("第一个客户端"));
    }

    @Test
    void shouldEmitExactlyOneProjectSubmittedWhenTheSubmitIsRetriedWithTheSameKey() {
        String id = create(EDU, draftDocument("JC-CQ-2025-002"));
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(EDU).header("Idempotency-Key", "submit-" + id)
                    .when().post("/api/v1/projects/" + id + "/submit")
                    .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("revision", equalTo(1));
        }
        var records = KafkaProbe.records(Topics.PROJECTS, r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(records).hasSize(1);
        EventContracts.assertValid(records.get(0).value());
        JsonNode event = read(records.get(0).value());
        assertThat(event.get("eventType").asText()).isEqualTo("ProjectSubmitted");
        assertThat(event.get("revision").asInt()).isEqualTo(1);
        assertThat(event.at("/data/project/indicators").size()).isEqualTo(
                SeedFixtures.project("JC-CQ-2025-002").get("indicators").size());
        assertThat(event.at("/data/project/funding").asText()).isEqualTo("4515600");
    }

    @Test
    void shouldImportTheSeedTwiceWithoutDuplicatesAndUpdateOnlyTheChangedDocument() {
        ArrayNode batch = JSON.createArrayNode();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        for (JsonNode p : SeedFixtures.projects()) {
            ObjectNode doc = p.deepCopy();
            doc.put("externalRef", doc.get("externalRef").asText() + "-" + suffix);
            batch.add(doc);
        }
        String admin = DevTokens.integration();
        List<String> first = given().auth().oauth2(admin).contentType(ContentType.JSON).body(batch.toString())
                .when().post("/api/v1/projects/import").then().statusCode(200).extract().path("results.outcome");
        assertThat(first).hasSize(21).containsOnly("created");
        ((ObjectNode) batch.get(3)).put("implementingUnit", "改过的实施单位");
        List<String> second = given().auth().oauth2(admin).contentType(ContentType.JSON).body(batch.toString())
                .when().post("/api/v1/projects/import").then().statusCode(200).extract().path("results.outcome");
        assertThat(second.get(3)).isEqualTo("updated");
        assertThat(second).filteredOn("unchanged"::equals).hasSize(20);
        for (int i = 0; i < batch.size(); i++) {
            String id = given().auth().oauth2(admin).contentType(ContentType.JSON).body("[" + batch.get(i) + "]")
                    .when().post("/api/v1/projects/import").then().extract().path("results[0].id");
            String exported = given().auth().oauth2(admin).when().get("/api/v1/projects/" + id + "/export").asString();
            assertThat(read(exported)).as(batch.get(i).get("externalRef").asText()).isEqualTo(batch.get(i));
        }
    }

    @Test
    void shouldRejectABadDocumentWithoutBlockingTheGoodOnes() {
        ObjectNode good = seedDocument("JC-CQ-2025-005");
        ObjectNode bad = seedDocument("JC-CQ-2025-007");
        bad.put("funding", "12,000.5");
        bad.remove("indicators");
        bad.put("platformOnlyField", 1);
        ArrayNode batch = JSON.createArrayNode().add(bad).add(good);
        given().auth().oauth2(DevTokens.integration()).contentType(ContentType.JSON).body(batch.toString())
                .when().post("/api/v1/projects/import").then().statusCode(200)
                .body("results[0].outcome", equalTo("rejected"))
                .body("results[0].problems.pointer", hasItems("/funding", "/indicators"))
                .body("results[0].warnings[0].pointer", equalTo("/platformOnlyField"))
                .body("results[1].outcome", equalTo("created"));
        given().auth().oauth2(EDU).contentType(ContentType.JSON).body(batch.toString())
                .when().post("/api/v1/projects/import").then().statusCode(403);
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
