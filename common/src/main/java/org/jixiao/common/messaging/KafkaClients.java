package org.jixiao.common.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one Kafka configuration of a service: every {@code kafka.*} property (bootstrap servers, security
 * protocol, SASL, TLS stores) as SmallRye's channels see it, for the clients we build by hand (outbox
 * relay, topic bootstrap, read-model rebuild). A broker that needs credentials gets them from every client.
 */
@ApplicationScoped
public class KafkaClients {
    /** Channel settings that are not client settings; passing them on only makes clients warn. */
    private static final Set<String> NOT_CLIENT_SETTINGS = Set.of("topic", "topics", "connector", "health-enabled",
            "failure-strategy", "commit-strategy", "dead-letter-queue.topic", "poll-timeout");

    private final Map<String, Object> shared;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        Map<String, Object> copy = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (!NOT_CLIENT_SETTINGS.contains(k) && v != null && !v.toString().isBlank()) {
                copy.put(k, v);
            }
        });
        this.shared = Map.copyOf(copy);
    }

    /** The shared settings with {@code overrides} on top (client id, serializers, timeouts). */
    public Map<String, Object> config(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(shared);
        config.remove("group.id");
        config.putAll(overrides);
        return config;
    }

    public String bootstrapServers() {
        return String.valueOf(shared.getOrDefault("bootstrap.servers", "127.0.0.1:9092"));
    }
}
