package org.jixiao.common.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads and writes raw records on the test broker: what a test sees is what the services see.
 *
 * <p>Assertions that something happened only once need a barrier, not a pause: {@link #awaitQuiet}
 * waits until the service under test has published everything it accepted (outbox drained) and has
 * processed every record sent to it (its consumer group committed up to the end of each partition).
 * Whatever the service was going to produce is then on the broker, and can be counted.
 */
public final class KafkaProbe {
    private KafkaProbe() {
    }

    public static void send(String topic, String key, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /**
     * Every record on {@code topic} (from the beginning) whose value matches: collected until {@code expected}
     * were seen, then, behind the {@link #awaitQuiet} barrier, to the end of the topic, so that extra
     * (duplicate) records are counted too. Fails when fewer than {@code expected} arrive within the timeout.
     */
    public static List<ConsumerRecord<String, String>> records(String topic, Predicate<ConsumerRecord<String, String>> match,
            int expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (found.size() < expected && Instant.now().isBefore(deadline)) {
                poll(consumer, match, found);
            }
            if (found.size() < expected) {
                return found;
            }
            awaitQuiet(Duration.between(Instant.now(), deadline).plusSeconds(10));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (Instant.now().isAfter(deadline.plusSeconds(10))) {
                    throw new AssertionError("could not read " + topic + " to its end " + end);
                }
                poll(consumer, match, found);
            }
        }
        return found;
    }

    /**
     * The barrier of this test JVM's service: its outbox holds no event it could still publish (parked rows and
     * the rows behind them wait for an admin) and its consumer group
     * (named after {@code quarkus.application.name}) has committed every record on the topics it reads.
     */
    public static void awaitQuiet(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        TestInfrastructure infra = TestInfrastructure.get();
        String group = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        while (unpublished(infra) > 0) {
            pause(deadline, "outbox of " + infra.currentDatabase() + " still holds unpublished events");
        }
        awaitConsumed(infra.bootstrapServers(), group, Duration.between(Instant.now(), deadline));
    }

    /** Waits until consumer group {@code group} has committed offsets at the end of every partition it reads. */
    public static void awaitConsumed(String bootstrapServers, String group, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                // the topics it has committed on, and those assigned to its members: a topic whose first record
                // has not been committed yet counts too
                Set<String> topics = committed.keySet().stream().map(TopicPartition::topic)
                        .collect(Collectors.toCollection(java.util.HashSet::new));
                admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(10, TimeUnit.SECONDS)
                        .members().forEach(m -> m.assignment().topicPartitions().forEach(tp -> topics.add(tp.topic())));
                List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS)
                        .values().stream()
                        .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                        .toList();
                Map<TopicPartition, Long> end = new java.util.HashMap<>();
                admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                        .all().get(10, TimeUnit.SECONDS).forEach((p, info) -> end.put(p, info.offset()));
                List<String> behind = end.entrySet().stream()
                        .filter(e -> {
                            OffsetAndMetadata c = committed.get(e.getKey());
                            return (c == null ? 0 : c.offset()) < e.getValue();
                        })
                        .map(e -> e.getKey() + " at " + committed.get(e.getKey()) + " of " + e.getValue())
                        .toList();
                if (behind.isEmpty()) {
                    return;
                }
                pause(deadline, "consumer group " + group + " has not processed " + behind);
            }
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of consumer group " + group, e);
        }
    }

    private static void poll(KafkaConsumer<String, String> consumer, Predicate<ConsumerRecord<String, String>> match,
            List<ConsumerRecord<String, String>> found) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            if (match.test(r)) {
                found.add(r);
            }
        }
    }

    private static long unpublished(TestInfrastructure infra) {
        try (Connection c = infra.connectToCurrentDatabase();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from outbox_event where "
                        + org.jixiao.common.messaging.OutboxRepository.PUBLISHABLE)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the outbox of " + infra.currentDatabase(), e);
        }
    }

    /** A short poll interval of a barrier with a deadline, not a guess at how long something takes. */
    private static void pause(Instant deadline, String waitingFor) {
        if (Instant.now().isAfter(deadline)) {
            throw new AssertionError("timed out: " + waitingFor);
        }
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting: " + waitingFor);
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
