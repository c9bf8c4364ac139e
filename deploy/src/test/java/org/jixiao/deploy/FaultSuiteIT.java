package org.jixiao.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.SeedFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The faults the event path must survive, against the four packaged services as processes, a broker process
 * and PostgreSQL, HTTP only: the broker away during a burst of submissions, each service killed with SIGKILL
 * mid-burst, every service's database refusing connections, every event delivered twice, the largest
 * document, and concurrent writers. After each: every project has exactly one case, one approval, one row in
 * the summary; nothing is dead-lettered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(EndToEndIT.LogsOnFailure.class)
class FaultSuiteIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int BURST = Integer.getInteger("jixiao.faults.burst", 200);
    static final int SMALL_BURST = Integer.getInteger("jixiao.faults.small-burst", 20);
    static final Duration BROKER_OUTAGE = Duration.ofSeconds(Long.getLong("jixiao.faults.broker-outage-seconds", 60));
    static final Duration GROUP_RESUMES_WITHIN = Duration.ofSeconds(20);
    static final Duration DB_OUTAGE = Duration.ofSeconds(Long.getLong("jixiao.faults.db-outage-seconds", 60));

    final String admin = DevTokens.admin();
    final String integration = DevTokens.integration();
    final String firstReviewer = DevTokens.reviewer("甲初审");
    final String secondReviewer = DevTokens.reviewer("乙复审");
    /** Every batch so far, by budget year: what the final checks recount. */
    final Map<Integer, List<String>> batches = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        EndToEndIT.system = new LocalSystem(Path.of(System.getProperty("user.dir")).getParent());
        system().startPostgres();
        system().startKafka();
        system().startServices();
    }

    @AfterAll
    void stop() throws Exception {
        if (system() != null) {
            system().close();
        }
    }

    static LocalSystem system() {
        return EndToEndIT.system;
    }

    @Test
    @Order(1)
    void shouldOpenOneCaseAndReportOneApprovalPerProjectWhenTheBrokerIsDownDuringSubmissions() throws Exception {
        List<String> ids = importBatch(2041, BURST);
        system().stopKafka();
        Instant down = Instant.now();
        for (String id : ids) {
            submit(id);
        }
        // the outage itself, not a wait for an outcome
        Thread.sleep(Math.max(0, BROKER_OUTAGE.minus(Duration.between(down, Instant.now())).toMillis()));
        system().startKafka();
        approveAll(ids, Duration.ofMinutes(3));
        assertEachAppliedExactlyOnce(2041);
    }

    @Test
    @Order(2)
    void shouldLoseAndRepeatNothingWhenEachServiceIsKilledMidBurst() throws Exception {
        int year = 2042;
        for (String service : LocalSystem.SERVICES) {
            List<String> ids = importBatch(year, SMALL_BURST);
            int half = ids.size() / 2;
            ExecutorService client = Executors.newSingleThreadExecutor();
            try {
                // the department keeps submitting (retrying with its Idempotency-Key) while the service crashes
                Future<?> burst = client.submit(() -> {
                    ids.forEach(this::submit);
                    return null;
                });
                await().atMost(Duration.ofSeconds(60)).until(() -> submittedCount(ids) >= half);
                ConsumerGroupDescription before = consumerGroup(service);
                system().kill(service);
                system().startService(service);
                // the crashed instance's partitions go to the new one within seconds of it being ready, not
                // after Kafka's default session timeout of 45 s (the group waits that long for a silent member)
                await().atMost(GROUP_RESUMES_WITHIN).pollInterval(Duration.ofMillis(250))
                        .untilAsserted(() -> assertResumed(consumerGroup(service), before));
                burst.get();
            } finally {
                client.shutdownNow();
            }
            approveAll(ids, Duration.ofMinutes(2));
            assertEachAppliedExactlyOnce(year);
            year++;
        }
    }

    @Test
    @Order(3)
    void shouldDeadLetterNothingAndApplyEverythingWhenDatabasesRefuseConnections() throws Exception {
        List<String> ids = importBatch(2046, SMALL_BURST);
        ids.forEach(this::submit);
        for (String s : List.of("indicator-service", "approval-service", "reporting-service")) {
            system().refuseConnections(s, true);
        }
        try {
            Thread.sleep(DB_OUTAGE.toMillis()); // the outage itself
        } finally {
            for (String s : List.of("indicator-service", "approval-service", "reporting-service")) {
                system().refuseConnections(s, false);
            }
        }
        List<String> cases = new ArrayList<>();
        for (String id : ids) {
            String caseId = awaitCase(id, Duration.ofMinutes(2));
            decideEventually(caseId, firstReviewer, "{\"action\":\"PASS\"}");
            cases.add(caseId);
        }
        // now the decisions travel while project-service's and reporting-service's databases are away
        system().refuseConnections("project-service", true);
        system().refuseConnections("reporting-service", true);
        try {
            for (String caseId : cases) {
                decideEventually(caseId, secondReviewer, "{\"action\":\"APPROVE\",\"grade\":\"优\",\"overrideReason\":\"故障演练\"}");
            }
            Thread.sleep(DB_OUTAGE.toMillis());
        } finally {
            system().refuseConnections("project-service", false);
            system().refuseConnections("reporting-service", false);
        }
        for (String id : ids) {
            awaitStatus(id, "APPROVED", Duration.ofMinutes(2));
        }
        assertEachAppliedExactlyOnce(2046);
        for (String service : LocalSystem.SERVICES) {
            assertThat(given().auth().oauth2(admin).get(system().url(service) + "/api/v1/admin/dead-letters")
                    .then().statusCode(200).extract().<List<?>>path("")).as("dead letters of " + service).isEmpty();
        }
    }

    @Test
    @Order(4)
    void shouldApplyEveryEventOnceWhenEveryRecordIsDeliveredTwice() throws Exception {
        int resent = resendEveryRecord(List.of("jixiao.projects", "jixiao.indicator-checks", "jixiao.reviews"));
        assertThat(resent).isGreaterThan(BURST * 3);
        for (int year : batches.keySet()) {
            assertEachAppliedExactlyOnce(year);
        }
    }

    @Test
    @Order(5)
    void shouldCarryTheLargestDocumentTheApiAcceptsToTheSummary() throws Exception {
        ObjectNode doc = SeedFixtures.maximal("JC-CQ-2025-001", "JC-MAX-" + UUID.randomUUID());
        doc.put("budgetYear", 2050);
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON).body(doc.toString())
                .post(system().url("project-service") + "/api/v1/projects").then().statusCode(201).extract().path("id");
        batches.put(2050, List.of(id));
        submit(id);
        awaitCase(id, Duration.ofSeconds(30));
        approveAll(List.of(id), Duration.ofMinutes(1));
        assertEachAppliedExactlyOnce(2050);
        var outbox = given().auth().oauth2(admin).get(system().url("project-service") + "/api/v1/admin/outbox")
                .then().statusCode(200).extract();
        assertThat(outbox.<Integer>path("pending")).isZero();
        assertThat(outbox.<List<?>>path("parked")).isEmpty();
        assertThat(countRecords("jixiao.projects", id)).isEqualTo(1);
    }

    @Test
    @Order(6)
    void shouldLetExactlyOneOfConcurrentWritersWin() throws Exception {
        String id = importBatch(2051, 1).get(0);
        String project = system().url("project-service") + "/api/v1/projects/" + id;
        String etag = given().auth().oauth2(admin).get(project).then().statusCode(200).extract().header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(100);
        List<Callable<Integer>> patches = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            patches.add(() -> given().auth().oauth2(admin).header("If-Match", etag)
                    .contentType("application/merge-patch+json").body("{\"attribute\":\"并发" + n + "\"}")
                    .patch(project).statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(patches)) {
            statuses.add(f.get());
        }
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 412).count()).isEqualTo(99);

        submit(id);
        String caseId = awaitCase(id, Duration.ofSeconds(60));
        List<Callable<Integer>> decisions = List.of(
                () -> decide(caseId, firstReviewer, "{\"action\":\"PASS\"}").statusCode(),
                () -> decide(caseId, secondReviewer, "{\"action\":\"PASS\"}").statusCode());
        List<Integer> outcomes = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(decisions)) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).containsExactlyInAnyOrder(200, 409);
    }

    // --- the client a department and the bureau would be -------------------------------------------------

    private List<String> importBatch(int year, int count) {
        ArrayNode docs = JSON.createArrayNode();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < count; i++) {
            ObjectNode doc = (ObjectNode) SeedFixtures.project("JC-CQ-2025-001");
            doc.put("budgetYear", year).put("externalRef", "FAULT-" + year + "-" + run + "-" + i);
            docs.add(doc);
        }
        List<String> ids = given().auth().oauth2(integration).contentType(ContentType.JSON).body(docs.toString())
                .post(system().url("project-service") + "/api/v1/projects/import").then().statusCode(200)
                .extract().path("results.id");
        assertThat(ids).hasSize(count).doesNotContainNull();
        batches.put(year, ids);
        return ids;
    }

    /** Submits with an Idempotency-Key and retries while project-service is away, as a careful client does. */
    private void submit(String id) {
        await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() ->
                given().auth().oauth2(admin).header("Idempotency-Key", "fault-" + id)
                        .post(system().url("project-service") + "/api/v1/projects/" + id + "/submit").statusCode() == 200);
    }

    private long submittedCount(List<String> ids) {
        return ids.stream().filter(id -> {
            try {
                return "SUBMITTED".equals(given().auth().oauth2(admin)
                        .get(system().url("project-service") + "/api/v1/projects/" + id).then().extract().path("status"));
            } catch (RuntimeException e) {
                return false;
            }
        }).count();
    }

    private void approveAll(List<String> ids, Duration timeout) throws Exception {
        forEachProject(ids, id -> {
            String caseId = awaitCase(id, timeout);
            decideEventually(caseId, firstReviewer, "{\"action\":\"PASS\"}");
            decideEventually(caseId, secondReviewer, "{\"action\":\"APPROVE\",\"grade\":\"优\",\"overrideReason\":\"故障演练\"}");
        });
        forEachProject(ids, id -> awaitStatus(id, "APPROVED", timeout));
    }

    interface ProjectStep {
        void run(String projectId) throws Exception;
    }

    /**
     * Four projects at a time, as several reviewers work: one after another, the suite spent minutes waiting for
     * single round trips (a batch of 200 projects is over 1,000 requests), which none of its checks needs.
     */
    private static void forEachProject(List<String> ids, ProjectStep step) throws Exception {
        ExecutorService reviewers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String id : ids) {
                done.add(reviewers.submit(() -> {
                    step.run(id);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw (Exception) e.getCause();
                }
            }
        } finally {
            reviewers.shutdownNow();
        }
    }

    private Response decide(String caseId, String reviewer, String body) {
        return given().auth().oauth2(reviewer).contentType(ContentType.JSON).body(body)
                .post(system().url("approval-service") + "/api/v1/cases/" + caseId + "/decisions");
    }

    /** Retries while the checks of the revision have not arrived (409 checks-pending) or the service is away. */
    private void decideEventually(String caseId, String reviewer, String body) {
        await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            Response r = decide(caseId, reviewer, body);
            if (r.statusCode() == 409 && !"https://jixiao.org/problems/checks-pending".equals(r.path("type"))
                    && !"https://jixiao.org/problems/concurrent-update".equals(r.path("type"))) {
                throw new AssertionError("decision refused: " + r.asString());
            }
            return r.statusCode() == 200;
        });
    }

    private String awaitCase(String projectId, Duration timeout) {
        return await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> given().auth().oauth2(admin)
                        .get(system().url("approval-service") + "/api/v1/cases?projectId=" + projectId)
                        .then().statusCode(200).extract().<List<String>>path("items.id"), ids -> !ids.isEmpty()).get(0);
    }

    private void awaitStatus(String projectId, String status, Duration timeout) {
        await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> status.equals(
                given().auth().oauth2(admin).get(system().url("project-service") + "/api/v1/projects/" + projectId)
                        .then().extract().path("status")));
    }

    /** After the whole system is quiet: one case, one approval, one summary row per project of the batch. */
    private void assertEachAppliedExactlyOnce(int year) throws Exception {
        List<String> ids = batches.get(year);
        system().awaitAllQuiet(Duration.ofMinutes(2));
        forEachProject(ids, id -> {
            var cases = given().auth().oauth2(admin).get(system().url("approval-service") + "/api/v1/cases?projectId=" + id)
                    .then().statusCode(200).extract();
            assertThat(cases.<Integer>path("total")).as("cases of " + id).isEqualTo(1);
            List<String> history = given().auth().oauth2(admin)
                    .get(system().url("approval-service") + "/api/v1/cases/" + cases.path("items[0].id") + "/history")
                    .then().statusCode(200).extract().path("action");
            assertThat(history.stream().filter("OPENED"::equals).count()).as("history of " + id).isEqualTo(1);
            assertThat(history.stream().filter("APPROVED"::equals).count()).as("history of " + id).isEqualTo(1);
            var project = given().auth().oauth2(admin).get(system().url("project-service") + "/api/v1/projects/" + id)
                    .then().statusCode(200).extract();
            assertThat(project.<String>path("status")).isEqualTo("APPROVED");
            // one submission, frozen once (an imported project's revision 1 is the import's)
            List<String> kinds = given().auth().oauth2(admin).get(system().url("project-service") + "/api/v1/projects/" + id
                    + "/revisions").then().statusCode(200).extract().path("kind");
            assertThat(kinds.stream().filter("SUBMISSION"::equals).count()).as("submissions of " + id).isEqualTo(1);
            assertThat(project.<Integer>path("approvedRevision")).isEqualTo(project.<Integer>path("revision"));
        });
        JsonNode summary = JSON.readTree(given().auth().oauth2(admin)
                .get(system().url("reporting-service") + "/api/v1/reports/summary?budgetYear=" + year).asString());
        List<String> listed = summary.get("rows").findValuesAsText("projectId");
        assertThat(listed).as("summary of " + year).containsExactlyInAnyOrderElementsOf(ids);
    }

    private ConsumerGroupDescription consumerGroup(String group) throws Exception {
        try (Admin kafka = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system().bootstrapServers()))) {
            return kafka.describeConsumerGroups(List.of(group)).all().get().get(group);
        }
    }

    private static void assertResumed(ConsumerGroupDescription now, ConsumerGroupDescription before) {
        assertThat(now.groupState()).as("state of group " + now.groupId()).isEqualTo(GroupState.STABLE);
        assertThat(now.members()).as("members of group " + now.groupId()).hasSameSizeAs(before.members());
        assertThat(assigned(now)).as("partitions assigned in group " + now.groupId()).isEqualTo(assigned(before)).isPositive();
    }

    private static int assigned(ConsumerGroupDescription group) {
        return group.members().stream().mapToInt(m -> m.assignment().topicPartitions().size()).sum();
    }

    private int resendEveryRecord(List<String> topics) throws Exception {
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        for (String topic : topics) {
            all.addAll(readAll(topic));
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (ConsumerRecord<String, String> r : all) {
                producer.send(new ProducerRecord<>(r.topic(), r.key(), r.value()));
            }
            producer.flush();
        }
        return all.size();
    }

    private long countRecords(String topic, String key) {
        return readAll(topic).stream().filter(r -> key.equals(r.key())).count();
    }

    private List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system().bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
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
}
