package org.jixiao.common.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jixiao.common.events.Topics;

/**
 * Creates Jixiao's topics at start-up when they are missing (with {@link Topics#CONFIG}: the maximum event
 * size and unlimited retention), and brings the configuration of existing ones up to it, so that consumers do
 * not log UNKNOWN_TOPIC_OR_PARTITION until a first event arrives. Turn off
 * ({@code jixiao.kafka.create-topics=false}) where operations provision topics.
 *
 * <p>Partitions, replication factor and {@code min.insync.replicas} default to what one broker can hold; a
 * replicated cluster sets them ({@code JIXIAO_KAFKA_PARTITIONS}, {@code JIXIAO_KAFKA_REPLICATION_FACTOR},
 * {@code JIXIAO_KAFKA_MIN_INSYNC_REPLICAS}; deploy/local/up.sh with {@code JIXIAO_BROKERS=3}: 6, 3, 2), so that
 * the relay's acks=all writes survive the loss of one broker and still refuse to land on one copy only.
 */
@ApplicationScoped
public class TopicBootstrap {
    private static final Logger LOG = Logger.getLogger(TopicBootstrap.class);

    private final KafkaClients clients;
    private final String service;
    private final boolean enabled;
    private final int partitions;
    private final short replicationFactor;
    private final Map<String, String> config;

    public TopicBootstrap(KafkaClients clients,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "jixiao.kafka.create-topics", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "jixiao.kafka.partitions", defaultValue = "3") int partitions,
            @ConfigProperty(name = "jixiao.kafka.replication-factor", defaultValue = "1") short replicationFactor,
            @ConfigProperty(name = "jixiao.kafka.min-insync-replicas") java.util.Optional<Integer> minInsyncReplicas) {
        this.clients = clients;
        this.service = service;
        this.enabled = enabled;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.config = topicConfig(minInsyncReplicas);
    }

    /** {@link Topics#CONFIG}, plus {@code min.insync.replicas} where set (else the broker's default applies). */
    static Map<String, String> topicConfig(java.util.Optional<Integer> minInsyncReplicas) {
        Map<String, String> config = new java.util.HashMap<>(Topics.CONFIG);
        minInsyncReplicas.ifPresent(n -> config.put("min.insync.replicas", Integer.toString(n)));
        return Map.copyOf(config);
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        List<String> topics = new ArrayList<>(Topics.ALL);
        topics.add(Topics.deadLetter(service));
        try (Admin admin = Admin.create(clients.config(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000)))) {
            ensureTopics(admin, topics, partitions, replicationFactor, config);
        } catch (Exception e) {
            LOG.warnf("could not reach Kafka at %s to create topics: %s", clients.bootstrapServers(), e.getMessage());
        }
    }

    /** Creates missing topics with {@link Topics#CONFIG} and sets that configuration on existing ones. */
    public static void ensureTopics(Admin admin, Collection<String> topics, int partitions, short replicationFactor)
            throws InterruptedException, java.util.concurrent.TimeoutException {
        ensureTopics(admin, topics, partitions, replicationFactor, Topics.CONFIG);
    }

    /**
     * Creates missing topics with {@code config} and sets that configuration on existing ones. Two requests for
     * all the topics, not two per topic: every service runs this before it reports ready, and ten sequential round
     * trips to the controller were a quarter of a second of each start.
     */
    public static void ensureTopics(Admin admin, Collection<String> topics, int partitions, short replicationFactor,
            Map<String, String> config) throws InterruptedException, java.util.concurrent.TimeoutException {
        Map<String, KafkaFuture<Void>> created = admin.createTopics(topics.stream()
                .map(topic -> new NewTopic(topic, partitions, replicationFactor).configs(config)).toList()).values();
        List<String> existing = new ArrayList<>();
        for (String topic : topics) {
            try {
                created.get(topic).get(10, TimeUnit.SECONDS);
                LOG.infof("created topic %s", topic);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    existing.add(topic);
                } else {
                    LOG.warnf("could not create topic %s: %s", topic, e.getCause().getMessage());
                }
            }
        }
        alignConfig(admin, existing, config);
    }

    private static void alignConfig(Admin admin, List<String> topics, Map<String, String> config) throws InterruptedException,
            java.util.concurrent.TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        List<AlterConfigOp> ops = config.entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
        for (String topic : topics) {
            changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), ops);
        }
        for (var result : admin.incrementalAlterConfigs(changes).values().entrySet()) {
            try {
                result.getValue().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                LOG.warnf("could not set the configuration of topic %s: %s", result.getKey().name(), e.getCause().getMessage());
            }
        }
    }
}
