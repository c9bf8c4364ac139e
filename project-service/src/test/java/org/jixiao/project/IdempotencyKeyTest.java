package org.jixiao.project;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.ProjectReturned;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.project.service.IdempotencyHousekeeping;
import org.junit.jupiter.api.Test;

/**
 * An Idempotency-Key of a submit belongs to (caller, project, key), remembers the If-Match it came with
 * and the answer it got, and lasts 24 h.
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_project_test"))
class IdempotencyKeyTest {
    static final String EDU = DevTokens.department("034");
    static final String PROBLEMS = "https://jixiao.org/problems/";

    @Inject
    EventCodec codec;
    @Inject
    EntityManager em;
    @Inject
    IdempotencyHousekeeping housekeeping;

    static String etag(String id) {
        return given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().statusCode(200).extract().header("ETag");
    }

    static Response submit(String token, String id, String key, String ifMatch) {
        var request = given().auth().oauth2(token).header("Idempotency-Key", key);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().post("/api/v1/projects/" + id + "/submit");
    }

    static List<Object> revisions(String id) {
        return given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/revisions").then().statusCode(200)
                .extract().path("revision");
    }

    /** The bureau returns the revision (as approval-service would, through jixiao.reviews). */
    void returnProject(String id, int revision) {
        KafkaProbe.send(Topics.REVIEWS, id, codec.encode(codec.envelope(EventTypes.PROJECT_RETURNED, UUID.fromString(id),
                revision, "张审核", new ProjectReturned("张审核", OffsetDateTime.now(), "业务股室初审", "请修改", List.of()))));
        await().atMost(Duration.ofSeconds(20)).until(() -> "RETURNED".equals(
                given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().extract().path("status")));
    }

    /** A department edit; the new ETag. */
    static String edit(String id, String implementingUnit) {
        return given().auth().oauth2(EDU).header("If-Match", etag(id)).contentType("application/merge-patch+json")
                .body("{\"implementingUnit\":\"" + implementingUnit + "\"}").when().patch("/api/v1/projects/" + id)
                .then().statusCode(200).extract().header("ETag");
    }

    @Test
    void shouldAnswerTheFirstResultAgainForTheSameKeyAndETag() {
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-002"));
        String read = etag(id);
        Response first = submit(EDU, id, "K", read);
        first.then().statusCode(200).body("status", equalTo("SUBMITTED")).body("revision", equalTo(1));
        Response again = submit(EDU, id, "K", read);
        again.then().statusCode(200);
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(revisions(id)).containsExactly(1);
    }

    @Test
    void shouldRefuseAKeyReusedAfterTheProjectWasReturnedAndEdited() {
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-004"));
        submit(EDU, id, "K", etag(id)).then().statusCode(200);
        returnProject(id, 1);
        String edited = edit(id, "改过的实施单位");

        submit(EDU, id, "K", edited).then().statusCode(422)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().body("status", equalTo("RETURNED"));
        assertThat(revisions(id)).containsExactly(1);
        // a stale If-Match is refused like any conditional write; a new key with the current ETag submits
        submit(EDU, id, "K2", "\"0\"").then().statusCode(412);
        submit(EDU, id, "K2", edited).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        assertThat(revisions(id)).hasSize(2);
    }

    @Test
    void shouldRefuseAKeyReusedWithoutIfMatchOnceTheProjectWasReturnedAndEdited() {
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-005"));
        String first = submit(EDU, id, "K", null).then().statusCode(200).extract().asString();
        assertThat(submit(EDU, id, "K", null).then().statusCode(200).extract().asString()).isEqualTo(first);
        returnProject(id, 1);
        edit(id, "退回后改过");
        submit(EDU, id, "K", null).then().statusCode(422).body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        assertThat(revisions(id)).containsExactly(1);
    }

    @Test
    void shouldKeepTheKeysOfDifferentCallersApart() {
        String colleague = DevTokens.sign("dept-034-colleague", "department", Map.of("department", "034"));
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-003"));
        String read = etag(id);
        String first = submit(EDU, id, "K", read).then().statusCode(200).extract().asString();
        returnProject(id, 1);
        String edited = edit(id, "同事改过");
        // the same key string of another caller is a key of its own: it submits
        submit(colleague, id, "K", edited).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        assertThat(revisions(id)).hasSize(2);
        // and the first caller's retry still answers its own first result
        assertThat(submit(EDU, id, "K", read).then().statusCode(200).extract().asString()).isEqualTo(first);
    }

    @Test
    void shouldFreezeOneRevisionWhenTwoSubmitsWithOneKeyArriveTogether() throws Exception {
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-001"));
        String read = etag(id);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> answers = List.of(1, 2).stream().map(i -> pool.submit(() -> {
                start.await();
                return submit(EDU, id, "together", read);
            })).toList();
            start.countDown();
            Response a = answers.get(0).get();
            Response b = answers.get(1).get();
            assertThat(List.of(a.statusCode(), b.statusCode())).allMatch(s -> s == 200 || s == 409).contains(200);
            if (a.statusCode() == 200 && b.statusCode() == 200) {
                // the one that waited answers the first result
                assertThat(a.asString()).isEqualTo(b.asString());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(revisions(id)).containsExactly(1);
        var events = KafkaProbe.records(Topics.PROJECTS, r -> id.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
    }

    @Test
    void shouldForgetAKeyAfter24HoursAndHousekeepingDeletesIt() {
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-002"));
        submit(EDU, id, "K", etag(id)).then().statusCode(200);
        age(id, Duration.ofHours(25));
        returnProject(id, 1);
        String edited = edit(id, "一天以后");
        // the expired key is no longer remembered: the same key submits the new state
        submit(EDU, id, "K", edited).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        assertThat(revisions(id)).hasSize(2);

        assertThat(keys(id)).isEqualTo(1);
        age(id, Duration.ofHours(23));
        housekeeping.run();
        assertThat(keys(id)).as("a key younger than 24 h stays").isEqualTo(1);
        age(id, Duration.ofHours(24).plusMinutes(1));
        assertThat(housekeeping.run()).isPositive();
        assertThat(keys(id)).isZero();
    }

    private void age(String id, Duration age) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update submit_request set created_at = now() - make_interval(secs => :s) where project_id = :p")
                .setParameter("s", (double) age.toSeconds()).setParameter("p", UUID.fromString(id)).executeUpdate());
    }

    private long keys(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from submit_request where project_id = :p").setParameter("p", UUID.fromString(id))
                .getSingleResult()).longValue());
    }
}
