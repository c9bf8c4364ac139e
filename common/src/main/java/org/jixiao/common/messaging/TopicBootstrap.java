package org.jixiao.common.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jixiao.common.events.Topics;

/**
 * Creates Jixiao's topics at start-up when they are missing, so that consumers do not log
 * UNKNOWN_TOPIC_OR_PARTITION until a first event arrives. Turn off
 * ({@code jixiao.kafka.create-topics=false}) where operations provision topics.
 */
@ApplicationScoped
public class TopicBootstrap {
    private static final Logger LOG = Logger.getLogger(TopicBootstrap.class);

    private final String bootstrapServers;
    private final boolean enabled;
    private final int partitions;
    private final short replicationFactor;

    public TopicBootstrap(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "jixiao.kafka.create-topics", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "jixiao.kafka.partitions", defaultValue = "3") int partitions,
            @ConfigProperty(name = "jixiao.kafka.replication-factor", defaultValue = "1") short replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.enabled = enabled;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000))) {
            for (String topic : Topics.ALL) {
                try {
                    admin.createTopics(java.util.List.of(new NewTopic(topic, partitions, replicationFactor)))
                            .all().get(10, TimeUnit.SECONDS);
                    LOG.infof("created topic %s", topic);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("could not create topic %s: %s", topic, e.getCause().getMessage());
                    }
                }
            }
        } catch (Exception e) {
            LOG.warnf("could not reach Kafka at %s to create topics: %s", bootstrapServers, e.getMessage());
        }
    }
}
