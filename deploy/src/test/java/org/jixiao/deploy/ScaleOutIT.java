package org.jixiao.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.SeedShapedDocuments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The scale-out proof: a 3-node KRaft cluster (6 partitions, 3 copies, min.insync.replicas 2) and two
 * instances of each service, HTTP only. Departments submit through both project-service instances and
 * reviewers decide through both approval-service instances; halfway through the submissions one instance of
 * every service is killed with SIGKILL and one broker is stopped, and the clients go on against the instances
 * left, as behind a load balancer. Runs with {@code -Pscale} only (it does not fit the CI budget); its figures
 * are in the README.
 */
@EnabledIfSystemProperty(named = "jixiao.scale", matches = "true", disabledReason = "the scale-out proof runs with -Pscale")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(EndToEndIT.LogsOnFailure.class)
class ScaleOutIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int PROJECTS = Integer.getInteger("jixiao.scale.projects", 300);
    static final int CLIENTS = Integer.getInteger("jixiao.scale.clients", 12);
    static final int YEAR = 2061;
    static final int BROKERS = 3;
    static final int INSTANCES = 2;
    static final List<String> CONSUMED_TOPICS = List.of("jixiao.projects", "jixiao.indicator-checks", "jixiao.reviews");
    /** The topics each service reads (its application.properties), for comparing its inbox with them. */
    static final Map<String, List<String>> READS = Map.of(
            "project-service", List.of("jixiao.reviews"),
            "indicator-service", List.of("jixiao.projects", "jixiao.reviews"),
            "approval-service", List.of("jixiao.projects", "jixiao.indicator-checks"),
            "reporting-service", List.of("jixiao.projects", "jixiao.reviews", "jixiao.indicator-checks"));
    /** What dies halfway: one instance of each service (first or second, mixed) and one Kafka node. */
    static final List<String> KILLED = List.of("project-service", LocalSystem.instance("indicator-service", 2),
            "approval-service", LocalSystem.instance("reporting-service", 2));
    static final int STOPPED_BROKER = 1;

    final String admin = DevTokens.admin();
    final String integration = DevTokens.integration();
    final String firstReviewer = DevTokens.reviewer("甲初审");
    final String secondReviewer = DevTokens.reviewer("乙复审");
    final Set<String> dead = java.util.concurrent.ConcurrentHashMap.newKeySet();

    LocalSystem system;

    @BeforeAll
    void start() throws Exception {
        Instant t0 = Instant.now();
        system = new LocalSystem(Path.of(System.getProperty("user.dir")).getParent(), BROKERS, INSTANCES);
        EndToEndIT.system = system;
        system.startPostgres();
        system.startKafka();
        system.startServices();
        System.out.printf("[scale] %d Kafka nodes and %d instances of each service ready in %d s%n", BROKERS, INSTANCES,
                Duration.between(t0, Instant.now()).toSeconds());
    }

    @AfterAll
    void stop() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void shouldKeepOneCasePerRevisionAndEveryApprovalWhenAnInstanceAndABrokerDie() throws Exception {
        // the services created the topics for the cluster: a write needs two of the three copies
        try (org.apache.kafka.clients.admin.Admin kafka = org.apache.kafka.clients.admin.Admin.create(
                Map.<String, Object>of("bootstrap.servers", system.bootstrapServers()))) {
            for (String topic : CONSUMED_TOPICS) {
                var config = kafka.describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                        org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic))).all()
                        .get(30, java.util.concurrent.TimeUnit.SECONDS).values().iterator().next();
                assertThat(config.get("min.insync.replicas").value()).as("min.insync.replicas of " + topic).isEqualTo("2");
            }
        }
        SeedShapedDocuments shaped = new SeedShapedDocuments("SCALE-" + UUID.randomUUID().toString().substring(0, 8), YEAR);
        List<String> ids = new ArrayList<>();
        // the provincial platform's import, half through each project-service instance
        for (int instance = 1; instance <= INSTANCES; instance++) {
            ArrayNode batch = JSON.createArrayNode();
            for (int i = ids.size(); i < PROJECTS * instance / INSTANCES; i++) {
                batch.add(shaped.document(i));
            }
            List<String> imported = given().auth().oauth2(integration).contentType(ContentType.JSON).body(batch.toString())
                    .post(system.url(LocalSystem.instance("project-service", instance)) + "/api/v1/projects/import")
                    .then().statusCode(200).extract().path("results.id");
            ids.addAll(imported);
        }
        assertThat(ids).hasSize(PROJECTS).doesNotContainNull().doesNotHaveDuplicates();

        AtomicInteger submitted = new AtomicInteger();
        AtomicReference<Instant> killedAt = new AtomicReference<>();
        Instant started = Instant.now();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        ExecutorService chaos = Executors.newSingleThreadExecutor();
        Instant flowDone;
        try {
            Future<?> kills = chaos.submit(() -> {
                await().atMost(Duration.ofMinutes(10)).until(() -> submitted.get() >= PROJECTS / 2);
                killedAt.set(Instant.now());
                for (String instance : KILLED) {
                    long pid = system.pid(instance);
                    dead.add(instance);
                    system.kill(instance);
                    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as(instance + " gone").isFalse();
                }
                system.stopKafkaNode(STOPPED_BROKER);
                System.out.printf("[scale] after %d first submissions: SIGKILL to %s, Kafka node %d stopped%n",
                        submitted.get(), KILLED, STOPPED_BROKER);
                return null;
            });
            List<Future<?>> flows = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                int n = i;
                flows.add(clients.submit(() -> {
                    walk(n, ids.get(n), submitted);
                    return null;
                }));
            }
            for (Future<?> f : flows) {
                f.get();
            }
            flowDone = Instant.now();
            kills.get();
        } finally {
            clients.shutdownNow();
            chaos.shutdownNow();
        }

        // every approval reaches reporting: its summary lists each project once, with its funding
        Map<String, BigDecimal> funding = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            funding.put(ids.get(i), new BigDecimal(shaped.document(i).get("funding").asText()));
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(summaryRows().keySet()).containsExactlyInAnyOrderElementsOf(ids));
        Instant reported = Instant.now();
        system.awaitAllQuiet(Duration.ofMinutes(5));
        Instant quiet = Instant.now();
        JsonNode summary = summary();
        assertThat(summary.get("rows").findValuesAsText("projectId").stream().filter(funding::containsKey).toList())
                .as("summary rows of the run").hasSize(PROJECTS);
        summaryRows().forEach((id, amount) -> assertThat(amount).as("amount of " + id).isEqualByComparingTo(funding.get(id)));

        // every project: one case per revision, opened once, decided once; approved at its last revision
        int cases = 0;
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            List<Integer> expected = returned(i) ? List.of(2, 3) : List.of(2);
            JsonNode list = JSON.readTree(get("approval-service", "/api/v1/cases?projectId=" + id + "&size=50").asString());
            List<Integer> revisions = new ArrayList<>();
            list.get("items").forEach(c -> revisions.add(c.get("revision").asInt()));
            assertThat(revisions).as("revisions with a case, of " + id).containsExactlyInAnyOrderElementsOf(expected);
            for (JsonNode c : list.get("items")) {
                cases++;
                boolean last = c.get("revision").asInt() == expected.get(expected.size() - 1);
                assertThat(c.get("status").asText()).as("case of " + id + " r" + c.get("revision")).isEqualTo(last ? "APPROVED" : "RETURNED");
                List<String> history = get("approval-service", "/api/v1/cases/" + c.get("id").asText() + "/history").then()
                        .statusCode(200).extract().path("action");
                assertThat(history.stream().filter("OPENED"::equals).count()).as("OPENED of " + id).isEqualTo(1);
                assertThat(history.stream().filter("PASSED"::equals).count()).as("PASSED of " + id).isEqualTo(1);
                assertThat(history.stream().filter(a -> a.equals("APPROVED") || a.equals("RETURNED")).count())
                        .as("final decisions of " + id).isEqualTo(1);
            }
            var project = get("project-service", "/api/v1/projects/" + id).then().statusCode(200).extract();
            assertThat(project.<String>path("status")).as("status of " + id).isEqualTo("APPROVED");
            assertThat(project.<Integer>path("revision")).as("revision of " + id).isEqualTo(expected.get(expected.size() - 1));
            assertThat(project.<Integer>path("approvedRevision")).as("approved revision of " + id).isEqualTo(project.<Integer>path("revision"));
        }

        // the topics, read from the beginning with a plain consumer: each project's first deliveries in revision order
        Set<String> ours = new HashSet<>(ids);
        Map<String, TopicFigures> topics = new LinkedHashMap<>();
        for (String topic : CONSUMED_TOPICS) {
            topics.put(topic, TopicFigures.of(readAll(topic).stream().filter(r -> ours.contains(r.key())).toList()));
        }
        for (TopicFigures t : topics.values()) {
            assertThat(t.outOfOrder).as("projects whose events on a topic are out of revision order").isEmpty();
        }
        int submissions = PROJECTS + (int) java.util.stream.IntStream.range(0, PROJECTS).filter(ScaleOutIT::returned).count();
        assertThat(topics.get("jixiao.projects").distinct).as("distinct events on jixiao.projects").isEqualTo(submissions);
        assertThat(topics.get("jixiao.reviews").distinct).as("decisions on jixiao.reviews").isEqualTo(submissions);

        // no event lost and none applied twice: each service's inbox (event_id is its key) holds exactly the distinct
        // events of the run on the topics it reads, and the effects above were counted once each
        Map<String, Integer> inboxes = new LinkedHashMap<>();
        for (String service : LocalSystem.SERVICES) {
            Set<String> expected = new HashSet<>();
            READS.get(service).forEach(t -> expected.addAll(topics.get(t).eventIds));
            Set<String> applied = inbox(service, ours);
            assertThat(applied).as("events in the inbox of " + service).containsExactlyInAnyOrderElementsOf(expected);
            inboxes.put(service, applied.size());
        }

        long millis = Math.max(1, Duration.between(started, flowDone).toMillis());
        System.out.printf("[scale] %d projects, %d submissions (%d returned and resubmitted), %d decisions, %d clients%n",
                PROJECTS, submissions, submissions - PROJECTS, submissions * 2, CLIENTS);
        System.out.printf("[scale] whole flow (submit, checks, two decisions, resubmit) %d s: %.1f submissions/s, %.1f decisions/s%n",
                millis / 1000, submissions * 1000.0 / millis, submissions * 2000.0 / millis);
        System.out.printf("[scale] kills at %d s; from the kills to the last decision %d s, to every approval in the summary %d s,"
                        + " to every outbox drained and every consumer group at the end %d s%n",
                Duration.between(started, killedAt.get()).toSeconds(), Duration.between(killedAt.get(), flowDone).toSeconds(),
                Duration.between(killedAt.get(), reported).toSeconds(), Duration.between(killedAt.get(), quiet).toSeconds());
        topics.forEach((topic, t) -> System.out.printf("[scale] %s: %d records, %d distinct events, %d published again by a"
                + " relay (dropped by the inboxes), %d projects out of revision order%n", topic, t.records, t.distinct,
                t.records - t.distinct, t.outOfOrder.size()));
        System.out.printf("[scale] cases %d (one per revision), summary rows %d, inbox events %s, applied twice: 0%n",
                cases, PROJECTS, inboxes);
    }

    /** Every third project is returned once and resubmitted: two revisions, two cases, events in a longer order. */
    static boolean returned(int i) {
        return i % 3 == 0;
    }

    /** One project's way: submit, checks, first and second decision (a return and a resubmission for some). */
    private void walk(int i, String id, AtomicInteger submitted) {
        int prefer = i % INSTANCES + 1;
        submit(id, "scale-" + id + "-2", prefer);
        submitted.incrementAndGet();
        String first = awaitCase(id, 2, prefer);
        decide(first, firstReviewer, "{\"action\":\"PASS\"}", "PASSED", prefer);
        if (returned(i)) {
            decide(first, secondReviewer, "{\"action\":\"RETURN\",\"comment\":\"请细化数量指标\"}", "RETURNED", prefer + 1);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() ->
                    "RETURNED".equals(call("project-service", prefer, base -> given().auth().oauth2(admin)
                            .get(base + "/api/v1/projects/" + id)).path("status")));
            submit(id, "scale-" + id + "-3", prefer + 1);
            String second = awaitCase(id, 3, prefer + 1);
            decide(second, firstReviewer, "{\"action\":\"PASS\"}", "PASSED", prefer + 1);
            decide(second, secondReviewer, "{\"action\":\"APPROVE\",\"grade\":\"优\",\"overrideReason\":\"扩容演练\"}", "APPROVED", prefer);
        } else {
            decide(first, secondReviewer, "{\"action\":\"APPROVE\",\"grade\":\"优\",\"overrideReason\":\"扩容演练\"}", "APPROVED", prefer + 1);
        }
    }

    /** With an Idempotency-Key, retried on the other instance when one does not answer, as a load balancer does. */
    private void submit(String id, String key, int prefer) {
        await().atMost(Duration.ofMinutes(3)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                call("project-service", prefer, base -> given().auth().oauth2(admin).header("Idempotency-Key", key)
                        .post(base + "/api/v1/projects/" + id + "/submit")).statusCode() == 200);
    }

    private String awaitCase(String projectId, int revision, int prefer) {
        return await().atMost(Duration.ofMinutes(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> call("approval-service", prefer, base -> given().auth().oauth2(admin)
                        .get(base + "/api/v1/cases?projectId=" + projectId)).then().statusCode(200).extract()
                        .<List<String>>path("items.findAll { it.revision == " + revision + " }.id"), found -> !found.isEmpty()).get(0);
    }

    /**
     * Decides once the checks are on the case (409 checks-pending before). A request whose answer was lost (its
     * instance killed) is repeated on the other instance; if that answers 409 because the decision was made, the
     * case's history must show it.
     */
    private void decide(String caseId, String reviewer, String body, String action, int prefer) {
        boolean[] uncertain = {false};
        await().atMost(Duration.ofMinutes(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response r;
            try {
                r = call("approval-service", prefer, base -> given().auth().oauth2(reviewer).contentType(ContentType.JSON)
                        .body(body).post(base + "/api/v1/cases/" + caseId + "/decisions"));
            } catch (Exception e) { // no instance answered: the decision may or may not have been made
                uncertain[0] = true;
                return false;
            }
            if (r.statusCode() == 200) {
                return true;
            }
            String type = r.statusCode() == 409 ? r.path("type") : null;
            if ("https://jixiao.org/problems/checks-pending".equals(type) || "https://jixiao.org/problems/concurrent-update".equals(type)) {
                return false;
            }
            if (r.statusCode() >= 500) {
                uncertain[0] = true;
                return false;
            }
            if (uncertain[0] && r.statusCode() == 409) {
                List<String> history = get("approval-service", "/api/v1/cases/" + caseId + "/history").path("action");
                if (history.contains(action)) {
                    return true;
                }
            }
            throw new AssertionError("decision " + body + " on " + caseId + " refused: " + r.statusCode() + " " + r.asString());
        });
    }

    /**
     * A request to the preferred instance of a service, or to another while that one is dead or does not answer
     * (RestAssured rethrows an I/O error unchecked, e.g. a pooled connection the server had closed).
     */
    private Response call(String service, int prefer, Function<String, Response> request) {
        Exception failure = null;
        for (int k = 0; k < INSTANCES; k++) {
            String instance = LocalSystem.instance(service, (prefer - 1 + k) % INSTANCES + 1);
            if (dead.contains(instance)) {
                continue;
            }
            try {
                return request.apply(system.url(instance));
            } catch (Exception e) {
                failure = e;
            }
        }
        throw new IllegalStateException("no instance of " + service + " answered", failure);
    }

    private Response get(String service, String path) {
        return call(service, 1, base -> given().auth().oauth2(admin).get(base + path));
    }

    private JsonNode summary() throws Exception {
        return JSON.readTree(get("reporting-service", "/api/v1/reports/summary?budgetYear=" + YEAR).then().statusCode(200)
                .extract().asString());
    }

    private Map<String, BigDecimal> summaryRows() throws Exception {
        Map<String, BigDecimal> rows = new HashMap<>();
        for (JsonNode row : summary().get("rows")) {
            BigDecimal before = rows.put(row.get("projectId").asText(), new BigDecimal(row.get("amount").asText()));
            assertThat(before).as("second summary row of " + row.get("projectId")).isNull();
        }
        return rows;
    }

    private Set<String> inbox(String service, Set<String> projects) throws Exception {
        Set<String> events = new HashSet<>();
        List<String> all = new ArrayList<>();
        try (Connection c = system.connect(service); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select event_id, project_id from processed_event where project_id is not null")) {
            while (rs.next()) {
                if (projects.contains(rs.getString(2))) {
                    all.add(rs.getString(1));
                    events.add(rs.getString(1));
                }
            }
        }
        assertThat(all).as("inbox rows of " + service).hasSameSizeAs(events);
        return events;
    }

    private List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            assertThat(partitions).as("partitions of " + topic).hasSizeGreaterThanOrEqualTo(6);
            assertThat(consumer.partitionsFor(topic)).as("copies of each partition of " + topic)
                    .allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        records.add(r);
                    }
                }
            }
        }
        return records;
    }

    /** A topic's records of the run: how many, how many distinct events, and which projects' order is broken. */
    record TopicFigures(int records, int distinct, Set<String> eventIds, List<String> outOfOrder) {
        static TopicFigures of(List<ConsumerRecord<String, String>> records) throws Exception {
            // one key's records are in one partition, in the order they were appended: per key, the first delivery
            // of each event must not have a lower revision than an earlier one (a relay that took over after a kill
            // may append an event once more; the inboxes drop that copy, so only first deliveries carry effects)
            Map<String, Integer> lastRevision = new TreeMap<>();
            Set<String> seen = new HashSet<>();
            List<String> outOfOrder = new ArrayList<>();
            for (ConsumerRecord<String, String> r : records) {
                JsonNode event = JSON.readTree(r.value());
                if (!seen.add(event.get("eventId").asText())) {
                    continue;
                }
                int revision = event.get("revision").asInt();
                Integer before = lastRevision.put(r.key(), revision);
                if (before != null && revision < before) {
                    outOfOrder.add(r.key() + ": r" + revision + " after r" + before);
                }
            }
            return new TopicFigures(records.size(), seen.size(), seen, outOfOrder);
        }
    }
}
