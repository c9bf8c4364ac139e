package org.jixiao.common.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.TopicBootstrap;

/**
 * A second in-JVM KRaft broker that only speaks SASL_PLAINTEXT (PLAIN) and authorises by ACL, as a
 * production broker does: {@value JaasUtils#KAFKA_PLAIN_ADMIN} is the super user, {@value JaasUtils#KAFKA_PLAIN_USER1}
 * the service principal that gets exactly the ACLs {@code deploy/kafka-acls.md} lists for a service.
 */
public final class SaslTestBroker {
    public static final String SERVICE_USER = JaasUtils.KAFKA_PLAIN_USER1;
    public static final String SERVICE_PASSWORD = JaasUtils.KAFKA_PLAIN_USER1_PASSWORD;
    private static SaslTestBroker instance;

    private final String bootstrapServers;

    private SaslTestBroker() throws Exception {
        KafkaClusterTestKit kafka = TestInfrastructure.startBroker("test-kafka-sasl", SecurityProtocol.SASL_PLAINTEXT);
        bootstrapServers = kafka.bootstrapServers();
        try (Admin admin = Admin.create(clientConfig(JaasUtils.KAFKA_PLAIN_ADMIN, JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD))) {
            List<String> topics = new ArrayList<>(Topics.ALL);
            for (String service : List.of("project-service", "indicator-service", "approval-service", "reporting-service")) {
                topics.add(Topics.deadLetter(service));
            }
            TopicBootstrap.ensureTopics(admin, topics, 3, (short) 1);
        }
    }

    public static synchronized SaslTestBroker get() {
        if (instance == null) {
            try {
                TestInfrastructure.get(); // neutralises the brokers' exit procedures first
                instance = new SaslTestBroker();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the SASL test broker", e);
            }
        }
        return instance;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Client settings of a principal: what a service reads from KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*. */
    public Properties clientConfig(String user, String password) {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        props.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        props.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user, password));
        return props;
    }

    public static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Grants the service principal read on {@code reads} (and its consumer group), write on {@code writes}. */
    public void grant(String group, List<String> reads, List<String> writes) {
        String principal = "User:" + SERVICE_USER;
        List<AclBinding> acls = new ArrayList<>();
        for (String topic : reads) {
            acls.add(allow(ResourceType.TOPIC, topic, principal, AclOperation.READ));
            acls.add(allow(ResourceType.TOPIC, topic, principal, AclOperation.DESCRIBE));
        }
        for (String topic : writes) {
            acls.add(allow(ResourceType.TOPIC, topic, principal, AclOperation.WRITE));
            acls.add(allow(ResourceType.TOPIC, topic, principal, AclOperation.DESCRIBE));
        }
        acls.add(allow(ResourceType.GROUP, group, principal, AclOperation.READ));
        acls.add(allow(ResourceType.CLUSTER, "kafka-cluster", principal, AclOperation.IDEMPOTENT_WRITE));
        try (Admin admin = Admin.create(clientConfig(JaasUtils.KAFKA_PLAIN_ADMIN, JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD))) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create ACLs", e);
        }
    }

    private static AclBinding allow(ResourceType type, String name, String principal, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    /** The Quarkus configuration that points a service at this broker as the service principal. */
    public Map<String, String> quarkusConfig() {
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers,
                "kafka.security.protocol", "SASL_PLAINTEXT",
                "kafka.sasl.mechanism", "PLAIN",
                "kafka.sasl.jaas.config", jaas(SERVICE_USER, SERVICE_PASSWORD),
                // operations provision the topics where principals may not create them
                "jixiao.kafka.create-topics", "false");
    }
}
