package org.jixiao.reporting.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.IndicatorCheckCompleted;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.ProjectReturned;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.SeedFixtures;
import org.jixiao.common.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The rebuild at province scale, measured: not part of the default test run. Run with
 * {@code ./mvnw -B -ntp -o -pl common,reporting-service verify -Prebuild-bench -Dbench.rebuild.projects=100000}
 * (add {@code -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false} to skip the unit tests).
 *
 * <p>It writes the events of N seed-shaped projects to the test broker (zstd like the outbox relay; the topics as the
 * test infrastructure creates them, 3 partitions): 95% submitted (the whole declaration), 85% checked (findings and a
 * reading per target), 80% returned once and then approved (the approval carries the declaration again), 10% only returned, i.e. 1.7 decisions a project.
 * Then it starts the packaged service in its own JVM with the local JVM settings of deploy/local/up.sh
 * ({@code -Xmx160m -XX:+UseG1GC …}, override with {@code -Dbench.rebuild.java-opts=…}), its live consumer already
 * past the events (as in production, where the consumer is caught up), and times {@code POST /api/v1/admin/rebuild}.
 * The figures go to the console and to {@code target/rebuild-bench.txt}.
 */
class RebuildScaleIT {
    static final int PROJECTS = Integer.getInteger("bench.rebuild.projects", 10_000);
    static final String JAVA_OPTS = System.getProperty("bench.rebuild.java-opts",
            "-XX:MinHeapSize=32m -XX:InitialHeapSize=80m -Xmx160m -XX:+UseG1GC -XX:G1PeriodicGCInterval=15000"
                    + " -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -Xss512k");
    static final List<String> TOPICS = List.of(Topics.PROJECTS, Topics.REVIEWS, Topics.INDICATOR_CHECKS);
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    final List<String> report = new ArrayList<>();

    void say(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println(line);
        report.add(line);
    }

    @Test
    void shouldRebuildAProvinceInFiveMinutesWithTheServiceHeap() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        String database = "jixiao_reporting_rebuild_bench";
        infra.recreateDatabase(database);
        String bootstrap = infra.bootstrapServers();
        long produceStarted = System.nanoTime();
        Map<String, Long> counts = produce(bootstrap);
        long produced = counts.values().stream().mapToLong(Long::longValue).sum();
        say("rebuild bench: %d projects, %d events written in %.1f s (%s)", PROJECTS, produced,
                (System.nanoTime() - produceStarted) / 1e9, counts);
        skipLiveConsumer(bootstrap);

        int port = freePort();
        int management = freePort();
        Path log = Path.of("target", "rebuild-bench-service.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(JAVA_OPTS.split("\\s+")));
        command.add("-Dquarkus.profile=local");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + management);
        infra.quarkusConfig(database).forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
        Process service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            awaitReady(http, management, service);
            long idleRss = rssKiB(service.pid(), "VmRSS");
            AtomicLong peakRss = new AtomicLong(idleRss);
            Thread sampler = new Thread(() -> {
                while (service.isAlive()) {
                    peakRss.accumulateAndGet(rssKiB(service.pid(), "VmRSS"), Math::max);
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long started = System.nanoTime();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/admin/rebuild"))
                    .header("Authorization", "Bearer " + DevTokens.admin()).timeout(Duration.ofMinutes(40))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - started) / 1e9;
            sampler.interrupt();
            JsonNode result = answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
            say("rebuild: HTTP %d in %.1f s, %s; %.0f events/s", answer.statusCode(), seconds, answer.body(),
                    produced / seconds);
            say("service RSS: %d MiB ready, %d MiB peak while rebuilding (sampled every 250 ms), %d MiB high-water mark;"
                    + " JVM options %s", idleRss / 1024, peakRss.get() / 1024, rssKiB(service.pid(), "VmHWM") / 1024, JAVA_OPTS);
            Files.write(Path.of("target", "rebuild-bench.txt"), report);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(result.get("events").asLong()).isEqualTo(produced);
            assertThat(result.get("projects").asLong()).isEqualTo(counts.get(EventTypes.PROJECT_SUBMITTED));
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    /** Writes the history; returns how many events of each type. */
    Map<String, Long> produce(String bootstrap) throws Exception {
        EventCodec codec = new EventCodec(JSON);
        ArrayNode seeds = SeedFixtures.projects();
        Map<String, Long> counts = new HashMap<>();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.ACKS_CONFIG, "1");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < PROJECTS; i++) {
                int share = i % 20;
                if (share == 19) {
                    continue; // 5% never submitted: not in the read model
                }
                UUID id = UUID.randomUUID();
                ObjectNode node = (ObjectNode) seeds.get(i % seeds.size()).deepCopy();
                node.put("externalRef", "RB-" + i).put("budgetYear", 2060 + i % 3).put("departmentCode", String.valueOf(100 + i % 200))
                        .put("name", node.get("name").asText() + " " + i).put("funding", String.valueOf(100_000 + i));
                ProjectDocument doc = JSON.treeToValue(node, ProjectDocument.class);
                int rows = node.path("indicators").size();
                send(producer, codec, counts, Topics.PROJECTS, EventTypes.PROJECT_SUBMITTED, id,
                        new ProjectSubmitted(doc, "d" + (100 + i % 200), null, null, null));
                if (share < 17) {
                    List<IndicatorCheckCompleted.Reading> readings = new ArrayList<>();
                    for (int r = 0; r < rows; r++) {
                        readings.add(new IndicatorCheckCompleted.Reading(r, "NUMBER", ">=", String.valueOf(90 + r), null, "%", null));
                    }
                    send(producer, codec, counts, Topics.INDICATOR_CHECKS, EventTypes.INDICATOR_CHECK_COMPLETED, id,
                            new IndicatorCheckCompleted(List.of(new IndicatorCheckCompleted.Finding("VAGUE_TARGET",
                                    IndicatorCheckCompleted.Severity.WARNING, 0, "指标值不够具体", "target is vague")),
                                    rows, Math.max(0, rows - 1), readings));
                }
                if (share < 18) {
                    send(producer, codec, counts, Topics.REVIEWS, EventTypes.PROJECT_RETURNED, id,
                            new ProjectReturned("r", OffsetDateTime.now(), "业务股室初审", "补充测算依据", List.of()));
                }
                if (share < 16) {
                    send(producer, codec, counts, Topics.REVIEWS, EventTypes.PROJECT_APPROVED, id,
                            new ProjectApproved("JX-" + i, "r", OffsetDateTime.now(), "良", doc));
                }
                if (i % 20_000 == 0 && i > 0) {
                    System.out.printf("rebuild bench: %d of %d projects written%n", i, PROJECTS);
                }
            }
            producer.flush();
        }
        return counts;
    }

    static void send(KafkaProducer<String, String> producer, EventCodec codec, Map<String, Long> counts, String topic,
            String type, UUID id, Object data) {
        producer.send(new ProducerRecord<>(topic, id.toString(), codec.encode(codec.envelope(type, id, 1, "bench", data))));
        counts.merge(type, 1L, Long::sum);
    }

    /** The live consumer starts past the history, as a caught-up one would be: the rebuild is the only work measured. */
    static void skipLiveConsumer(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(TOPICS).allTopicNames().get().forEach((topic, description) -> description.partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            System.out.printf("rebuild bench: %d partitions%n", latest.size());
            Map<TopicPartition, OffsetAndMetadata> end = admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
            admin.alterConsumerGroupOffsets("reporting-service", end).all().get();
        }
    }

    static void awaitReady(HttpClient http, int management, Process service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited with " + service.exitValue() + "; see target/rebuild-bench-service.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service was not ready within 3 minutes; see target/rebuild-bench-service.log");
    }

    static long rssKiB(long pid, String field) {
        try {
            Properties status = new Properties();
            try (var in = Files.newInputStream(new File("/proc/" + pid + "/status").toPath())) {
                status.load(in);
            }
            return Long.parseLong(status.getProperty(field, "0 kB").trim().split("\\s+")[0]);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
