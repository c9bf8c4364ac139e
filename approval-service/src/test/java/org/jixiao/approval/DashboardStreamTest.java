package org.jixiao.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jixiao.approval.messaging.DashboardListener;
import org.jixiao.approval.service.DashboardStream;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/dashboard/stream with a real HTTP client: what a bureau's dashboard hears, and when. */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_approval_test"))
class DashboardStreamTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration AT_MOST = Duration.ofSeconds(60);

    @TestHTTPResource("/api/v1/dashboard/stream")
    URI streamUri;

    @Inject
    EventCodec codec;
    @Inject
    EntityManager em;
    @Inject
    DashboardListener listener;
    @Inject
    DashboardStream stream;

    Monitoring monitoring;

    @BeforeEach
    void setUp() {
        monitoring = new Monitoring(codec);
        await().atMost(AT_MOST).until(listener::isListening);
    }

    /** One SSE event as the client read it, with the instant its data line arrived. */
    record Received(String name, JsonNode data, Instant at) {
    }

    /** A connected dashboard: a real HTTP connection whose lines a thread of its own reads as they come. */
    final class Dashboard implements AutoCloseable {
        final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
        final List<Received> seen = new ArrayList<>();
        private final Stream<String> lines;
        private volatile boolean connected;

        Dashboard(String token) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(streamUri).header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream").GET().build();
            HttpResponse<Stream<String>> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request,
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
            lines = response.body();
            Thread reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
            // the service's first line says the subscription is in place: events from now on reach us
            await().atMost(AT_MOST).until(() -> connected);
        }

        private void read() {
            String[] name = {null};
            try {
                lines.forEach(line -> {
                    if (line.startsWith(":connected")) {
                        connected = true;
                    } else if (line.startsWith("event:")) {
                        name[0] = line.substring("event:".length()).trim();
                    } else if (line.startsWith("data:")) {
                        Instant at = Instant.now();
                        try {
                            events.add(new Received(name[0], JSON.readTree(line.substring("data:".length()).trim()), at));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    } else if (line.isEmpty()) {
                        name[0] = null;
                    }
                });
            } catch (RuntimeException e) {
                // closed by the test
            }
        }

        /** Waits for the first event matching {@code match}; everything read before it is kept in {@link #seen}. */
        Received next(Predicate<Received> match) throws InterruptedException {
            Instant deadline = Instant.now().plus(AT_MOST);
            while (Instant.now().isBefore(deadline)) {
                Received r = events.poll(200, TimeUnit.MILLISECONDS);
                if (r != null) {
                    seen.add(r);
                    if (match.test(r)) {
                        return r;
                    }
                }
            }
            throw new AssertionError("no matching event within " + AT_MOST + "; seen " + seen);
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    static Predicate<Received> warningOf(UUID projectId) {
        return r -> "warning".equals(r.name()) && projectId.toString().equals(r.data().path("projectId").asText());
    }

    static Predicate<Received> caseOf(UUID projectId, String change) {
        return r -> "case".equals(r.name()) && projectId.toString().equals(r.data().path("projectId").asText())
                && change.equals(r.data().path("change").asText());
    }

    /** When the service began consuming {@code event}: the start of the transaction that recorded it. */
    OffsetDateTime consumedAt(EventEnvelope event) {
        return QuarkusTransaction.requiringNew().call(() -> (OffsetDateTime) em.createNativeQuery(
                "select processed_at from processed_event where event_id = :id", OffsetDateTime.class)
                .setParameter("id", event.eventId()).getSingleResult());
    }

    @Test
    void shouldPushNewWarningToConnectedDashboardWithinOneSecond() throws Exception {
        UUID projectId = UUID.randomUUID();
        try (Dashboard dashboard = new Dashboard(DevTokens.reviewer("王大屏"))) {
            // The first assessment a fresh instance consumes also loads and compiles what every later one reuses
            // (seconds on a busy test machine): the promise is about a running service, so measure the second.
            UUID warmUp = UUID.randomUUID();
            monitoring.publish(warmUp, Monitoring.report("预热项目", "103", 2073, "2073-06", 1, false,
                    Monitoring.budget("AT_RISK", "20.00"), null, "AT_RISK"));
            dashboard.next(warningOf(warmUp));

            EventEnvelope event = monitoring.publish(projectId, Monitoring.report("城区学前教育公用经费", "103", 2073,
                    "2073-07", 1, false, Monitoring.budget("AT_RISK", "28.08"), null, "AT_RISK"));
            Received warning = dashboard.next(warningOf(projectId));

            // Measured from the consumption of the event: processed_at is now() of the inbox transaction that
            // consumed it (its start, so commit, NOTIFY, LISTEN and the push all fall inside the second) to the
            // instant the client read the event's data line. Both clocks are this machine's.
            Duration latency = Duration.between(consumedAt(event).toInstant(), warning.at());
            System.out.println("dashboard stream: warning pushed " + latency.toMillis() + " ms after consumption began");
            assertThat(latency).isLessThan(Duration.ofSeconds(1));
            assertThat(warning.data().path("departmentCode").asText()).isEqualTo("103");
            assertThat(warning.data().path("overall").asText()).isEqualTo("AT_RISK");
            assertThat(warning.data().path("warning").asBoolean()).isTrue();
            assertThat(warning.data().path("caseId").asText()).isNotBlank();
        }
    }

    @Test
    void shouldNotPushAnotherDepartmentsEventsToADepartmentStream() throws Exception {
        UUID other = UUID.randomUUID();
        UUID own = UUID.randomUUID();
        try (Dashboard bureau = new Dashboard(DevTokens.reviewer("王大屏"));
                Dashboard department = new Dashboard(DevTokens.department("201"))) {
            monitoring.publish(other, Monitoring.report("他部门项目", "202", 2073, "2073-07", 1, false,
                    Monitoring.budget("OFF_TRACK", "40.00"), null, "OFF_TRACK"));
            // the bureau heard it: this instance has passed it to every dashboard it was meant for
            bureau.next(warningOf(other));
            monitoring.publish(own, Monitoring.report("本部门项目", "201", 2073, "2073-07", 1, false,
                    Monitoring.budget("AT_RISK", "20.00"), null, "AT_RISK"));
            // notifications are passed on in order: once the department has its own warning, the other's would be in
            department.next(warningOf(own));
            assertThat(department.seen).anyMatch(caseOf(own, "opened"));
            assertThat(department.seen).allMatch(r -> "201".equals(r.data().path("departmentCode").asText()));
            assertThat(department.seen).noneMatch(r -> r.data().toString().contains(other.toString()));

            // a decision is pushed too
            String caseId = Monitoring.awaitReportCase(own, "2073-07", 1);
            io.restassured.RestAssured.given().auth().oauth2(DevTokens.reviewer("张审核")).contentType(ContentType.JSON)
                    .body("{\"action\":\"ACKNOWLEDGE\"}").when().post("/api/v1/cases/" + caseId + "/decisions")
                    .then().statusCode(200);
            Received decided = department.next(caseOf(own, "decided"));
            assertThat(decided.data().path("status").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(decided.data().path("kind").asText()).isEqualTo("MONITORING");
        }
    }

    @Test
    void shouldReleaseADashboardThatDisconnected() throws Exception {
        Dashboard dashboard = new Dashboard(DevTokens.reviewer("王大屏"));
        assertThat(stream.connected()).isPositive();
        dashboard.close();
        // every dashboard of these tests is closed by now; the heartbeat (every 15 s, 1 s in tests) finds the
        // closed connections and releases them
        await().atMost(AT_MOST).until(() -> stream.connected() == 0);
    }
}
