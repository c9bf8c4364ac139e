package org.jixiao.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.jixiao.common.events.Topics;
import org.jixiao.common.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

/** Against the tests' real KRaft broker: what a service finds at start-up, topics missing or made by someone else. */
class TopicBootstrapTest {

    @Test
    void shouldCreateMissingTopicsAndBringExistingOnesToTheEventConfiguration() throws Exception {
        String prefix = "jixiao.bootstrap-test-" + UUID.randomUUID() + ".";
        String existing = prefix + "existing";
        List<String> topics = List.of(prefix + "a", existing, prefix + "b");
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            // made by hand with a week's retention and the broker's default size: events would be lost or refused
            admin.createTopics(List.of(new NewTopic(existing, 1, (short) 1).configs(Map.of("retention.ms", "604800000"))))
                    .all().get(10, TimeUnit.SECONDS);

            TopicBootstrap.ensureTopics(admin, topics, 3, (short) 1);
            // a second start finds them all and changes nothing
            TopicBootstrap.ensureTopics(admin, topics, 3, (short) 1);

            Map<String, TopicDescription> described = describe(admin, topics);
            assertThat(described.get(prefix + "a").partitions()).hasSize(3);
            assertThat(described.get(prefix + "b").partitions()).hasSize(3);
            // partitions of an existing topic are the operator's: not changed
            assertThat(described.get(existing).partitions()).hasSize(1);
            // the broker applies a configuration the controller accepted a moment later: wait for it, within bounds
            Map<String, Map<String, String>> seen = Map.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!allConfigured(seen, topics) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                seen = configurations(admin, topics);
            }
            for (String topic : topics) {
                assertThat(seen.get(topic)).as("configuration of " + topic).containsAllEntriesOf(Topics.CONFIG);
            }
            admin.deleteTopics(topics).all().get(10, TimeUnit.SECONDS);
        }
    }

    private static boolean allConfigured(Map<String, Map<String, String>> seen, List<String> topics) {
        return topics.stream().allMatch(t -> seen.containsKey(t) && seen.get(t).entrySet().containsAll(Topics.CONFIG.entrySet()));
    }

    /** The event configuration's keys as each topic has them now. */
    private static Map<String, Map<String, String>> configurations(Admin admin, List<String> topics) throws Exception {
        Map<ConfigResource, Config> configs = admin.describeConfigs(topics.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList()).all().get(10, TimeUnit.SECONDS);
        Map<String, Map<String, String>> values = new java.util.HashMap<>();
        for (var entry : configs.entrySet()) {
            Map<String, String> topic = new java.util.HashMap<>();
            for (String key : Topics.CONFIG.keySet()) {
                topic.put(key, entry.getValue().get(key).value());
            }
            values.put(entry.getKey().name(), topic);
        }
        return values;
    }

    /** A created topic reaches the broker's metadata a moment after the controller acknowledged it. */
    private static Map<String, TopicDescription> describe(Admin admin, List<String> topics) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                return admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
