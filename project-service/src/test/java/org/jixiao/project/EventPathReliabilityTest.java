package org.jixiao.project;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.messaging.Outbox;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.common.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The event path under the faults it must survive: the largest document the API accepts, a record the
 * broker refuses for good, a record that is not an event, and the service's own database going away.
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_project_test"))
class EventPathReliabilityTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String EDU = DevTokens.department("034");
    static final String ADMIN = DevTokens.admin();

    @Inject
    EventCodec codec;
    @Inject
    Outbox outbox;
    @Inject
    org.jixiao.common.messaging.Housekeeping housekeeping;

    static ObjectNode maximalDocument() {
        return org.jixiao.common.test.SeedFixtures.maximal("JC-CQ-2025-001", "JC-MAX-" + UUID.randomUUID());
    }

    @Test
    void shouldPublishTheLargestDocumentTheApiAcceptsExactlyOnce() {
        ObjectNode doc = maximalDocument();
        assertThat(doc.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(2_000_000);
        doc.remove("externalRef");
        String id = ProjectApiTest.create(EDU, doc);
        given().auth().oauth2(EDU).when().post("/api/v1/projects/" + id + "/submit").then().statusCode(200);

        var records = KafkaProbe.records(Topics.PROJECTS, r -> id.equals(r.key()), 1, Duration.ofSeconds(30));

        assertThat(records).hasSize(1);
        assertThat(records.get(0).value()).contains("\"" + "绩".repeat(20_000) + "\"");
        assertThat(given().auth().oauth2(ADMIN).get("/api/v1/admin/outbox").then().statusCode(200)
                .extract().<Integer>path("pending")).isZero();
    }

    @Test
    void shouldParkAnEventTheBrokerRefusesAndHoldBackOnlyThatProjectsLaterEvents() {
        String parkedProject = UUID.randomUUID().toString();
        String otherProject = UUID.randomUUID().toString();
        String tooLarge = "x".repeat(Topics.MAX_EVENT_BYTES + 1);
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.publishRaw(Topics.PROJECTS, parkedProject, "TooLarge", tooLarge);
            outbox.publishRaw(Topics.PROJECTS, parkedProject, "Behind", "{\"behind\":true}");
            outbox.publishRaw(Topics.PROJECTS, otherProject, "Other", "{\"other\":true}");
        });

        assertThat(KafkaProbe.records(Topics.PROJECTS, r -> otherProject.equals(r.key()), 1, Duration.ofSeconds(20)))
                .as("another project's event is not held back").hasSize(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var outboxState = given().auth().oauth2(ADMIN).get("/api/v1/admin/outbox").then().statusCode(200).extract();
            assertThat(outboxState.<List<String>>path("parked.projectId")).containsExactly(parkedProject);
            assertThat(outboxState.<List<String>>path("parked.eventType")).containsExactly("TooLarge");
            assertThat(outboxState.<String>path("parked[0].lastError")).contains("RecordTooLarge");
            // the parked event and the one behind it
            assertThat(outboxState.<Integer>path("pending")).isEqualTo(2);
        });
        String eventId = given().auth().oauth2(ADMIN).get("/api/v1/admin/outbox").then().extract().path("parked[0].eventId");
        given().auth().oauth2(ADMIN).post("/api/v1/admin/outbox/" + eventId + "/retry").then().statusCode(204);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> Integer.valueOf(2).equals(given().auth().oauth2(ADMIN)
                    .get("/api/v1/admin/outbox").then().extract().path("parked[0].attempts")));
            // operators see it without asking: readiness data and the metric
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'outbox' }.data.parked", org.hamcrest.Matchers.equalTo(1));
            assertThat(given().get("/q/metrics").asString()).containsPattern("(?m)^jixiao_outbox_parked(\\{[^}]*\\})? 1\\.0$");
            given().auth().oauth2(EDU).get("/api/v1/admin/outbox").then().statusCode(403);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                    .createNativeQuery("delete from outbox_event where message_key = :key").setParameter("key", parkedProject)
                    .executeUpdate());
        }
    }

    @Test
    void shouldSetAsideARecordThatIsNotAnEventAndKeepConsumingBehindIt() throws Exception {
        String key = UUID.randomUUID().toString();
        KafkaProbe.send(Topics.REVIEWS, key, "this is not an event");
        String id = submitted("JC-CQ-2025-003");
        KafkaProbe.send(Topics.REVIEWS, key, approval(id));

        await().atMost(Duration.ofSeconds(20)).until(() -> "APPROVED".equals(
                given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().extract().path("status")));
        List<Map<String, String>> deadLetters = given().auth().oauth2(ADMIN).get("/api/v1/admin/dead-letters")
                .then().statusCode(200).extract().path("findAll { it.reason.contains('this is not an event') }");
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.get(0)).containsEntry("topic", Topics.REVIEWS);
        given().auth().oauth2(ADMIN).post("/api/v1/admin/dead-letters/" + deadLetters.get(0).get("eventId") + "/replay")
                .then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("/still-unprocessable"));
    }

    @Test
    void shouldRetryWhileTheDatabaseRefusesConnectionsAndApplyTheDecisionWhenItIsBack() throws Exception {
        String id = submitted("JC-CQ-2025-004");
        int deadLettersBefore = given().auth().oauth2(ADMIN).get("/api/v1/admin/dead-letters").then().extract()
                .<List<?>>path("").size();
        String approval = approval(id);
        refuseConnections(true);
        try {
            KafkaProbe.send(Topics.REVIEWS, id, approval);
            // the outage itself: longer than any bounded retry would have waited before dead-lettering
            Thread.sleep(8_000);
        } finally {
            refuseConnections(false);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> "APPROVED".equals(
                given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().extract().path("status")));
        assertThat(given().auth().oauth2(ADMIN).get("/api/v1/admin/dead-letters").then().extract().<List<?>>path(""))
                .hasSize(deadLettersBefore);
    }

    @Test
    void shouldDeletePublishedEventsAndInboxRecordsOnlyPastTheirAge() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            var em = io.quarkus.hibernate.orm.panache.Panache.getEntityManager();
            for (UUID id : List.of(old, recent)) {
                // the defaults keep published events 7 days, inbox records 30 days
                String age = id.equals(old) ? "8 days" : "6 days";
                String inboxAge = id.equals(old) ? "31 days" : "29 days";
                em.createNativeQuery("insert into outbox_event (event_id, topic, message_key, event_type, payload, occurred_at,"
                        + " published_at) values (:id, 't', 'k', 'Test', '{}', now() - cast(:age as interval),"
                        + " now() - cast(:age as interval))").setParameter("id", id).setParameter("age", age).executeUpdate();
                em.createNativeQuery("insert into processed_event (event_id, event_type, processed_at) values (:id, 'Test',"
                        + " now() - cast(:age as interval))").setParameter("id", id).setParameter("age", inboxAge).executeUpdate();
            }
        });

        var deleted = housekeeping.run();

        assertThat(deleted.outboxRows()).isGreaterThanOrEqualTo(1);
        assertThat(deleted.inboxRecords()).isGreaterThanOrEqualTo(1);
        QuarkusTransaction.requiringNew().run(() -> {
            var em = io.quarkus.hibernate.orm.panache.Panache.getEntityManager();
            assertThat(em.createNativeQuery("select event_id from outbox_event where event_id in (:a, :b)")
                    .setParameter("a", old).setParameter("b", recent).getResultList()).containsExactly(recent);
            assertThat(em.createNativeQuery("select event_id from processed_event where event_id in (:a, :b)")
                    .setParameter("a", old).setParameter("b", recent).getResultList()).containsExactly(recent);
        });
    }

    private String approval(String id) throws Exception {
        ProjectDocument document = JSON.readValue(given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/export")
                .asString(), ProjectDocument.class);
        EventEnvelope approved = codec.envelope(EventTypes.PROJECT_APPROVED, UUID.fromString(id), 1, "李复审",
                new ProjectApproved("JX2025-R1", "李复审", OffsetDateTime.now(), "优", document));
        return codec.encode(approved);
    }

    /** The service's database refuses new connections and drops the ones it has, like a server going away. */
    private static void refuseConnections(boolean refuse) throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        String db = infra.currentDatabase();
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("postgres"), infra.pgUser(), infra.pgPassword());
                Statement s = c.createStatement()) {
            s.execute("alter database " + db + " allow_connections " + !refuse);
            if (refuse) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + db + "'");
            }
        }
    }

    private static String submitted(String ref) {
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument(ref));
        given().auth().oauth2(EDU).when().post("/api/v1/projects/" + id + "/submit").then().statusCode(200);
        return id;
    }
}
