package org.jixiao.project;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.ProjectReturned;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.common.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * externalRef is the provincial platform's: departments cannot set or change it, and the import neither
 * takes over another department's project nor silently overwrites a department's later changes.
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_project_test"))
class ExternalRefOwnershipTest {
    static final String EDU = DevTokens.department("034");
    static final String ADMIN = DevTokens.admin();
    static final String PLATFORM_SUBJECT = "platform-" + UUID.randomUUID().toString().substring(0, 8);
    static final String PLATFORM = DevTokens.sign(PLATFORM_SUBJECT, "integration", Map.of());
    static final String PROBLEMS = "https://jixiao.org/problems/";
    static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    @Inject
    EventCodec codec;

    static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status).contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEMS + type));
    }

    static String etag(String id) {
        return given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().statusCode(200).extract().header("ETag");
    }

    static ValidatableResponse importOne(ObjectNode doc, String query) {
        return given().auth().oauth2(PLATFORM).contentType(ContentType.JSON).body("[" + doc + "]")
                .when().post("/api/v1/projects/import" + query).then().statusCode(200);
    }

    @Test
    void shouldForbidADepartmentToSetAnExternalRefWhenDeclaring() {
        problem(given().auth().oauth2(EDU).contentType(ContentType.JSON)
                .body(ProjectApiTest.seedDocument("JC-CQ-2025-001").toString())
                .when().post("/api/v1/projects").then(), 403, "external-ref-platform-only");
        ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-001"));
        ProjectApiTest.create(ADMIN, ProjectApiTest.seedDocument("JC-CQ-2025-001"));
    }

    @Test
    void shouldForbidADepartmentToChangeAnExternalRefButLetItSendTheSameOne() {
        ObjectNode doc = ProjectApiTest.seedDocument("JC-CQ-2025-002");
        String id = ProjectApiTest.create(ADMIN, doc);
        String ref = doc.get("externalRef").asText();
        ObjectNode changed = doc.deepCopy().put("externalRef", ref + "-mine");
        problem(given().auth().oauth2(EDU).header("If-Match", etag(id)).contentType(ContentType.JSON)
                .body(changed.toString()).when().put("/api/v1/projects/" + id).then(), 403, "external-ref-platform-only");
        problem(given().auth().oauth2(EDU).header("If-Match", etag(id)).contentType(MERGE_PATCH)
                .body("{\"externalRef\":\"" + ref + "-mine\"}").when().patch("/api/v1/projects/" + id).then(),
                403, "external-ref-platform-only");
        // the same value, or none, keeps the platform's externalRef
        given().auth().oauth2(EDU).header("If-Match", etag(id)).contentType(ContentType.JSON)
                .body(doc.deepCopy().put("name", "部门改名").toString()).when().put("/api/v1/projects/" + id)
                .then().statusCode(200).body("externalRef", equalTo(ref));
        ObjectNode without = doc.deepCopy().put("name", "部门再改名");
        without.remove("externalRef");
        given().auth().oauth2(EDU).header("If-Match", etag(id)).contentType(ContentType.JSON)
                .body(without.toString()).when().put("/api/v1/projects/" + id)
                .then().statusCode(200).body("externalRef", equalTo(ref));
        // an admin may change it
        given().auth().oauth2(ADMIN).header("If-Match", etag(id)).contentType(MERGE_PATCH)
                .body("{\"externalRef\":\"" + ref + "-moved\"}").when().patch("/api/v1/projects/" + id)
                .then().statusCode(200).body("externalRef", equalTo(ref + "-moved"));
    }

    @Test
    void shouldForbidADepartmentToGiveItsDraftAnExternalRef() {
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-003"));
        problem(given().auth().oauth2(EDU).header("If-Match", etag(id)).contentType(MERGE_PATCH)
                .body("{\"externalRef\":\"SQUAT-" + UUID.randomUUID() + "\"}").when().patch("/api/v1/projects/" + id).then(),
                403, "external-ref-platform-only");
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().body("externalRef", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldNeverMoveAProjectToAnotherDepartmentOnImport() {
        ObjectNode edu = ProjectApiTest.seedDocument("JC-CQ-2025-004");
        String id = importOne(edu, "").body("results[0].outcome", equalTo("created")).extract().path("results[0].id");
        ObjectNode health = edu.deepCopy().put("departmentCode", "038").put("departmentName", "卫生健康局");
        for (String query : List.of("", "?onConflict=overwrite")) {
            importOne(health, query).body("results[0].outcome", equalTo("conflict"))
                    .body("results[0].id", equalTo(id))
                    .body("results[0].problems[0].message", containsString("another department"));
        }
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().statusCode(200)
                .body("departmentCode", equalTo("034")).body("revision", equalTo(1));
        given().auth().oauth2(DevTokens.department("038")).get("/api/v1/projects/" + id).then().statusCode(404);
    }

    @Test
    void shouldNotOverwriteADepartmentsChangesSinceTheLastImportUnlessAskedTo() {
        ObjectNode doc = ProjectApiTest.seedDocument("JC-CQ-2025-005");
        String id = importOne(doc, "").body("results[0].outcome", equalTo("created")).extract().path("results[0].id");
        given().auth().oauth2(EDU).header("If-Match", etag(id)).contentType(MERGE_PATCH)
                .body("{\"implementingUnit\":\"部门自己改的\"}").when().patch("/api/v1/projects/" + id).then().statusCode(200);

        ObjectNode platform = doc.deepCopy().put("name", "省平台改的名称");
        importOne(platform, "").body("results[0].outcome", equalTo("conflict"))
                .body("results[0].problems[0].message", containsString("onConflict=overwrite"));
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then()
                .body("implementingUnit", equalTo("部门自己改的")).body("name", equalTo(doc.get("name").asText()));

        importOne(platform, "?onConflict=overwrite").body("results[0].outcome", equalTo("updated"));
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then()
                .body("name", equalTo("省平台改的名称")).body("implementingUnit", equalTo(doc.get("implementingUnit").asText()))
                .body("updatedBy", equalTo(PLATFORM_SUBJECT));
        importOne(platform, "").body("results[0].outcome", equalTo("unchanged"));
        // every import change is a revision of its own, made by the integration's subject
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/revisions").then()
                .body("kind", equalTo(List.of("IMPORT", "IMPORT")))
                .body("changedBy", equalTo(List.of(PLATFORM_SUBJECT, PLATFORM_SUBJECT)))
                .body("revision", equalTo(List.of(1, 3)));
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/revisions/3/diff?against=1").then()
                .body("field", equalTo(List.of("name")));
    }

    @Test
    void shouldUpdateAProjectReturnedWithoutDepartmentChangesAndMakeTheChangeARevision() {
        ObjectNode doc = ProjectApiTest.seedDocument("JC-CQ-2025-003");
        String id = importOne(doc, "").extract().path("results[0].id");
        given().auth().oauth2(EDU).post("/api/v1/projects/" + id + "/submit").then().statusCode(200).body("revision", equalTo(2));
        KafkaProbe.send(Topics.REVIEWS, id, codec.encode(codec.envelope(EventTypes.PROJECT_RETURNED, UUID.fromString(id), 2,
                "张审核", new ProjectReturned("张审核", OffsetDateTime.now(), "业务股室初审", "请省平台更正", List.of()))));
        await().atMost(Duration.ofSeconds(20)).until(() -> "RETURNED".equals(
                given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().extract().path("status")));

        // submitting and being returned changed nothing of the content: the import's correction applies
        importOne(doc.deepCopy().put("annualGoal", "省平台更正的年度目标"), "").body("results[0].outcome", equalTo("updated"));
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/revisions").then()
                .body("kind", equalTo(List.of("IMPORT", "SUBMISSION", "IMPORT")))
                .body("changedBy", equalTo(List.of(PLATFORM_SUBJECT, "dept-034", PLATFORM_SUBJECT)));
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().body("status", equalTo("RETURNED"))
                .body("annualGoal", equalTo("省平台更正的年度目标"));
        // an imported draft never submitted is still deletable: its import revision is no submission
        String fresh = importOne(ProjectApiTest.seedDocument("JC-CQ-2025-001"), "").extract().path("results[0].id");
        given().auth().oauth2(ADMIN).header("If-Match", etag(fresh)).delete("/api/v1/projects/" + fresh).then().statusCode(204);
    }

    @Test
    void shouldAnswer409NotAServerErrorWhenAConcurrentCreateTakesTheSameExternalRef() throws Exception {
        ObjectNode doc = ProjectApiTest.seedDocument("JC-CQ-2025-007");
        Response answer = whileAnotherTransactionHoldsTheExternalRef(doc, () -> given().auth().oauth2(ADMIN)
                .contentType(ContentType.JSON).body(doc.toString()).when().post("/api/v1/projects"));
        problem(answer.then(), 409, "duplicate-external-ref");
    }

    @Test
    void shouldReportAConflictNotAServerErrorWhenAConcurrentImportTakesTheSameExternalRef() throws Exception {
        ObjectNode doc = ProjectApiTest.seedDocument("JC-CQ-2025-008");
        Response answer = whileAnotherTransactionHoldsTheExternalRef(doc, () -> given().auth().oauth2(PLATFORM)
                .contentType(ContentType.JSON).body("[" + doc + "]").when().post("/api/v1/projects/import"));
        answer.then().statusCode(200).body("results[0].outcome", equalTo("conflict"));
    }

    /**
     * Runs {@code request} while another transaction has inserted, but not committed, a project with the
     * document's (budgetYear, externalRef): the request cannot see it, so it passes its own check and its
     * insert waits on the unique index until that transaction commits, then fails. Deterministic, no sleeps.
     */
    private static Response whileAnotherTransactionHoldsTheExternalRef(ObjectNode doc, Supplier<Response> request)
            throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        String db = infra.currentDatabase();
        try (Connection holder = DriverManager.getConnection(infra.jdbcUrl(db), infra.pgUser(), infra.pgPassword());
                Connection watcher = DriverManager.getConnection(infra.jdbcUrl(db), infra.pgUser(), infra.pgPassword())) {
            holder.setAutoCommit(false);
            try (PreparedStatement insert = holder.prepareStatement("insert into project (id, external_ref, budget_year,"
                    + " name, department_code, status, revision, version, created_by, created_at, updated_by, updated_at)"
                    + " values (?, ?, ?, '另一个请求的项目', '034', 'DRAFT', 1, 0, 'other', now(), 'other', now())")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, doc.get("externalRef").asText());
                insert.setInt(3, doc.get("budgetYear").asInt());
                insert.executeUpdate();
            }
            CompletableFuture<Response> answer = CompletableFuture.supplyAsync(request);
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingOnALock(watcher, db) || answer.isDone());
            assertThat(answer).as("the request must wait for the other transaction").isNotDone();
            holder.commit();
            return answer.get();
        }
    }

    private static boolean waitingOnALock(Connection watcher, String db) throws Exception {
        try (PreparedStatement q = watcher.prepareStatement("select count(*) from pg_stat_activity where datname = ?"
                + " and wait_event_type = 'Lock'")) {
            q.setString(1, db);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }
}
