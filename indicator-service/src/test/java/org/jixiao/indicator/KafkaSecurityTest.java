package org.jixiao.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.JaasUtils;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.SaslTestBroker;
import org.jixiao.common.test.SaslTestResource;
import org.jixiao.common.test.SeedFixtures;
import org.junit.jupiter.api.Test;

/**
 * Against a broker that authenticates (SASL PLAIN) and authorises by ACL, as in production: the service,
 * given only its credentials through the kafka.* settings, consumes and publishes (channels and outbox relay
 * alike); a client without credentials gets nothing in, and the service's principal cannot forge a review.
 */
@QuarkusTest
@TestProfile(KafkaSecurityTest.AuthenticatedBroker.class)
class KafkaSecurityTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** indicator-service's ACLs as deploy/kafka-acls.md lists them. */
    public static class AuthenticatedBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SaslTestResource.class, Map.of(
                    "database", "jixiao_indicator_sasl_test",
                    "group", "indicator-service",
                    "reads", "jixiao.projects,jixiao.reviews",
                    "writes", "jixiao.indicator-checks,jixiao.frameworks,jixiao.dead-letter.indicator-service")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Inject
    EventCodec codec;

    @Test
    void shouldCheckASubmissionThroughAnAuthenticatedBrokerWithTheServicesOwnCredentials() throws Exception {
        UUID projectId = UUID.randomUUID();
        ProjectDocument doc = JSON.treeToValue(SeedFixtures.project("JC-CQ-2025-003"), ProjectDocument.class);
        EventEnvelope submitted = codec.envelope(EventTypes.PROJECT_SUBMITTED, projectId, 1, "dept-034",
                new ProjectSubmitted(doc, "dept-034", null, null, null));
        Properties admin = SaslTestBroker.get().clientConfig(JaasUtils.KAFKA_PLAIN_ADMIN, JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD);
        try (KafkaProducer<String, String> producer = producer(admin)) {
            producer.send(new ProducerRecord<>(Topics.PROJECTS, projectId.toString(), codec.encode(submitted))).get(30, TimeUnit.SECONDS);
        }

        List<String> checks = read(admin, Topics.INDICATOR_CHECKS, projectId.toString(), Duration.ofSeconds(30));

        assertThat(checks).hasSize(1);
        assertThat(checks.get(0)).contains("\"eventType\":\"IndicatorCheckCompleted\"");
    }

    @Test
    void shouldRefuseAProducerWithoutCredentials() {
        Properties anonymous = new Properties();
        anonymous.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SaslTestBroker.get().bootstrapServers());
        anonymous.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        try (KafkaProducer<String, String> producer = producer(anonymous)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.REVIEWS, "forged", "{}")).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void shouldRefuseTheServicesPrincipalWritingReviews() {
        Properties service = SaslTestBroker.get().clientConfig(SaslTestBroker.SERVICE_USER, SaslTestBroker.SERVICE_PASSWORD);
        service.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = producer(service)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.REVIEWS, "forged", "{}")).get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static KafkaProducer<String, String> producer(Properties props) {
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static List<String> read(Properties client, String topic, String key, Duration timeout) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (found.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        found.add(r.value());
                    }
                }
            }
        }
        return found;
    }
}
