package org.jixiao.deploy.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jixiao.common.events.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Builds deploy/k8s/production with {@code kubectl kustomize} and validates every object it yields (core kinds
 * with fabric8's model, Strimzi's with Strimzi's API model, CloudNativePG's with its vendored CRD schemas, all
 * failing on unknown fields), then checks the objects against the services' configuration and the Kafka
 * contract: topics, ACLs, probes on the port health answers on, the variables each service needs.
 */
class KubernetesManifestsTest {
    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));
    private static final Map<String, String> CRDS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io_clusters.yaml",
            "postgresql.cnpg.io/v1/Database", "postgresql.cnpg.io_databases.yaml",
            "postgresql.cnpg.io/v1/ScheduledBackup", "postgresql.cnpg.io_scheduledbackups.yaml");

    private static List<JsonNode> documents;
    /** Every object read into its model, by kind and name. */
    private static final Map<String, Map<String, Object>> objects = new TreeMap<>();

    @BeforeAll
    static void build() throws Exception {
        documents = StrictModel.documents(kustomize(ServiceConfiguration.root().resolve("deploy/k8s/production")));
        List<String> problems = new ArrayList<>();
        for (JsonNode document : documents) {
            String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
            String name = type + " " + document.path("metadata").path("name").asText();
            if (MODELS.containsKey(type)) {
                Object value = StrictModel.read(document, MODELS.get(type), problems, name);
                objects.computeIfAbsent(document.path("kind").asText(), k -> new TreeMap<>())
                        .put(document.path("metadata").path("name").asText(), value);
            } else if (CRDS.containsKey(type)) {
                StrictModel.read(document.path("metadata"), io.fabric8.kubernetes.api.model.ObjectMeta.class, problems,
                        name + " metadata");
                StrictModel.validateCrd(document, CRDS.get(type), problems, name);
            } else {
                problems.add(name + ": a kind this test cannot validate");
            }
        }
        assertThat(problems).as("objects of the production overlay that do not validate").isEmpty();
    }

    /** kubectl kustomize, or a clear failure where kubectl is missing (the test does not download it). */
    private static String kustomize(Path overlay) throws IOException, InterruptedException {
        String kubectl = System.getProperty("jixiao.kubectl", "kubectl");
        Process process;
        try {
            process = new ProcessBuilder(kubectl, "kustomize", overlay.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            return fail("KubernetesManifestsTest needs kubectl (1.27 or later, which embeds Kustomize 5) on the PATH,"
                    + " or -Djixiao.kubectl=/path/to/kubectl, to build " + overlay + ": " + e.getMessage());
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize %s failed: %s", overlay, err).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void shouldYieldEveryKindOfTheDeployment() {
        assertThat(documents).hasSizeGreaterThan(30);
        assertThat(objects.keySet()).containsExactlyInAnyOrder("Namespace", "ConfigMap", "Service", "Deployment",
                "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "Ingress", "Kafka", "KafkaNodePool",
                "KafkaTopic", "KafkaUser");
        assertThat(kinds("Cluster")).hasSize(1);
        assertThat(kinds("ScheduledBackup")).hasSize(1);
        assertThat(kinds("Secret")).as("Secrets are referenced, never committed").isEmpty();
        assertThat(documents).allSatisfy(d -> assertThat(d.path("metadata").path("namespace").asText("jixiao"))
                .isEqualTo("jixiao"));
    }

    @Test
    void shouldRunEachServiceTwiceNonRootReadOnlyWithLimits() {
        for (String name : ServiceConfiguration.SERVICES) {
            Deployment deployment = deployment(name);
            assertThat(deployment.getSpec().getReplicas()).as(name).isEqualTo(2);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            Container container = container(name);
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(name).containsExactly("ALL");
            assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
            String tmpVolume = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " mounts no /tmp")).getName();
            Volume tmp = pod.getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)).findFirst().orElseThrow();
            assertThat(tmp.getEmptyDir()).as("%s /tmp is an emptyDir", name).isNotNull();
            assertThat(container.getImage()).as(name).endsWith("/jixiao/" + name + ":0.1.0");
        }
    }

    @Test
    void shouldProbeHealthWhereTheServiceServesIt() {
        for (String name : ServiceConfiguration.SERVICES) {
            ServiceConfiguration config = ServiceConfiguration.of(name);
            Map<String, String> env = environment(name);
            Container container = container(name);
            Map<String, Integer> ports = container.getPorts().stream()
                    .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
            assertThat(ports.get("http")).as("%s: container port http = quarkus.http.port", name)
                    .isEqualTo(config.httpPort(env));
            Map<String, HTTPGetAction> probes = Map.of(
                    "/q/health/started", container.getStartupProbe().getHttpGet(),
                    "/q/health/ready", container.getReadinessProbe().getHttpGet(),
                    "/q/health/live", container.getLivenessProbe().getHttpGet());
            probes.forEach((path, probe) -> {
                assertThat(probe.getPath()).as(name).isEqualTo(path);
                String port = probe.getPort().getStrVal();
                int number = port == null ? probe.getPort().getIntVal() : ports.get(port);
                assertThat(number).as("%s: %s is probed on port %s, but its production configuration serves /q/health on"
                        + " %s (the manifests expect the management interface: quarkus.management.enabled=true, port"
                        + " MANAGEMENT_PORT)", name, path, number, config.healthPort(env))
                        .isEqualTo(config.healthPort(env));
            });
        }
    }

    @Test
    void shouldSetEveryVariableEachServiceRequiresAndOnlyThoseItReads() {
        for (String name : ServiceConfiguration.SERVICES) {
            ServiceConfiguration config = ServiceConfiguration.of(name);
            Map<String, String> env = environment(name);
            for (String variable : config.required) {
                assertThat(env.get(variable)).as("%s needs %s", name, variable).isNotBlank();
            }
            assertThat(env.keySet()).as("variables set for %s that it does not read (a typo?)", name)
                    .allMatch(config::reads);
            String defaultUrl = config.value("quarkus.datasource.jdbc.url", Map.of());
            assertThat(defaultUrl).as("%s: its own database", name).endsWith("/" + env.get("JIXIAO_DB_NAME"));
            assertThat(env.get("JIXIAO_KAFKA_CREATE_TOPICS")).as("topics are KafkaTopic objects here").isEqualTo("false");
        }
    }

    @Test
    void shouldGiveEachServiceAServiceAnAutoscalerAndADisruptionBudget() {
        for (String name : ServiceConfiguration.SERVICES) {
            Map<String, String> labels = deployment(name).getSpec().getTemplate().getMetadata().getLabels();
            Service service = (Service) objects.get("Service").get(name);
            assertThat(labels).as(name).containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(service.getSpec().getPorts()).anySatisfy(p -> assertThat(p.getName()).isEqualTo("http"));
            HorizontalPodAutoscaler hpa = (HorizontalPodAutoscaler) objects.get("HorizontalPodAutoscaler").get(name);
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
            assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
            PodDisruptionBudget pdb = (PodDisruptionBudget) objects.get("PodDisruptionBudget").get(name);
            assertThat(labels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
            assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        }
    }

    @Test
    void shouldLetOnlyTheIngressInAndTheServicesOutOnlyToKafkaAndPostgres() {
        NetworkPolicy policy = (NetworkPolicy) objects.get("NetworkPolicy").values().iterator().next();
        for (String name : ServiceConfiguration.SERVICES) {
            assertThat(deployment(name).getSpec().getTemplate().getMetadata().getLabels()).as(name)
                    .containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        }
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        int httpPort = container("project-service").getPorts().stream().filter(p -> p.getName().equals("http"))
                .findFirst().orElseThrow().getContainerPort();
        assertThat(policy.getSpec().getIngress()).anySatisfy(rule -> {
            assertThat(rule.getFrom()).singleElement().satisfies(peer -> assertThat(
                    peer.getNamespaceSelector().getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "ingress-nginx"));
            assertThat(rule.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(httpPort));
        });
        assertThat(policy.getSpec().getIngress()).as("only the ingress controller reaches the API port")
                .filteredOn(rule -> rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == httpPort))
                .hasSize(1);
        Set<String> egressPorts = new TreeSet<>();
        policy.getSpec().getEgress().forEach(rule -> rule.getPorts().forEach(p -> egressPorts.add(
                p.getProtocol() + "/" + p.getPort().getIntVal())));
        assertThat(egressPorts).containsExactlyInAnyOrder("TCP/9093", "TCP/5432", "UDP/53", "TCP/53");
        assertThat(policy.getSpec().getEgress()).allSatisfy(rule -> assertThat(rule.getTo()).isNotEmpty());
        Kafka kafka = (Kafka) objects.get("Kafka").get("jixiao");
        assertThat(kafka.getSpec().getKafka().getListeners()).singleElement().satisfies(l -> {
            assertThat(l.getPort()).isEqualTo(9093);
            assertThat(l.isTls()).isTrue();
            assertThat(l.getNetworkPolicyPeers()).isNotEmpty();
        });
    }

    @Test
    void shouldRouteEachIngressPathToTheServiceThatServesIt() {
        Ingress ingress = (Ingress) objects.get("Ingress").get("jixiao");
        Map<String, String> routes = new LinkedHashMap<>();
        ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(
                p -> routes.put(p.getPath(), p.getBackend().getService().getName())));
        assertThat(routes.keySet()).anyMatch(p -> p.startsWith("/api")).contains("/public");
        assertThat(routes.keySet()).as("each service's admin operations stay off the ingress")
                .noneMatch(p -> p.startsWith("/api/v1/admin"));
        Map<String, Set<String>> served = new HashMap<>();
        Pattern path = Pattern.compile("@Path\\(\"(/api/[^\"]+)\"\\)");
        for (String name : ServiceConfiguration.SERVICES) {
            Set<String> paths = new TreeSet<>();
            try (var files = java.nio.file.Files.walk(ServiceConfiguration.root().resolve(name + "/src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    Matcher m = path.matcher(ServiceConfiguration.read(f));
                    while (m.find()) {
                        paths.add(m.group(1));
                    }
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            served.put(name, paths);
            Set<String> routed = routes.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            assertThat(paths).as("every API root of %s is routed to it", name)
                    .allMatch(p -> p.startsWith("/api/v1/admin") || routed.stream().anyMatch(p::startsWith));
        }
        routes.forEach((prefix, service) -> {
            assertThat(objects.get("Service")).as("backend of %s", prefix).containsKey(service);
            if (prefix.startsWith("/api")) {
                assertThat(served.get(service)).as("%s serves %s", service, prefix).anyMatch(p -> p.startsWith(prefix));
            }
        });
    }

    @Test
    void shouldDeclareEveryTopicWithReplicationThreeAndTheEventLimits() {
        Map<String, KafkaTopic> topics = new TreeMap<>();
        objects.get("KafkaTopic").values().forEach(t -> topics.put(((KafkaTopic) t).getSpec().getTopicName(), (KafkaTopic) t));
        Set<String> expected = new TreeSet<>(Topics.ALL);
        ServiceConfiguration.SERVICES.forEach(s -> expected.add(Topics.deadLetter(s)));
        assertThat(topics.keySet()).isEqualTo(expected);
        topics.forEach((name, topic) -> {
            assertThat(topic.getSpec().getReplicas()).as(name).isEqualTo(3);
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "jixiao");
            Map<String, String> config = new TreeMap<>();
            topic.getSpec().getConfig().forEach((k, v) -> config.put(k, String.valueOf(v)));
            assertThat(config).as(name).containsAllEntriesOf(Topics.CONFIG).containsEntry("min.insync.replicas", "2");
        });
        Topics.ALL.forEach(t -> assertThat(topics.get(t).getSpec().getPartitions()).as(t).isGreaterThanOrEqualTo(6));
        KafkaNodePool pool = (KafkaNodePool) objects.get("KafkaNodePool").values().iterator().next();
        assertThat(pool.getSpec().getReplicas()).isEqualTo(3);
        assertThat(pool.getSpec().getRoles()).hasSize(2);
        Kafka kafka = (Kafka) objects.get("Kafka").get("jixiao");
        String pom = ServiceConfiguration.read(ServiceConfiguration.root().resolve("pom.xml"));
        Matcher version = Pattern.compile("<kafka.version>([^<]+)</kafka.version>").matcher(pom);
        assertThat(version.find()).isTrue();
        assertThat(kafka.getSpec().getKafka().getVersion()).isEqualTo(version.group(1));
        assertThat(kafka.getSpec().getKafka().getConfig()).containsEntry("min.insync.replicas", 2)
                .containsEntry("auto.create.topics.enable", false);
    }

    @Test
    void shouldAllowEachServiceExactlyTheTopicsItReadsAndWrites() {
        Map<String, Set<String>> writers = writers();
        for (String name : ServiceConfiguration.SERVICES) {
            ServiceConfiguration config = ServiceConfiguration.of(name);
            KafkaUser user = (KafkaUser) objects.get("KafkaUser").get(name);
            assertThat(user).as("KafkaUser %s", name).isNotNull();
            assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
            List<AclRule> acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
            Map<String, Set<AclOperation>> topicAcls = new TreeMap<>();
            Map<String, Set<AclOperation>> groupAcls = new TreeMap<>();
            for (AclRule acl : acls) {
                assertThat(acl.getResource()).isInstanceOfAny(AclRuleTopicResource.class, AclRuleGroupResource.class);
                if (acl.getResource() instanceof AclRuleTopicResource topic) {
                    assertThat(topic.getPatternType().toValue()).isEqualTo("literal");
                    topicAcls.computeIfAbsent(topic.getName(), k -> new TreeSet<>()).addAll(acl.getOperations());
                } else if (acl.getResource() instanceof AclRuleGroupResource group) {
                    groupAcls.computeIfAbsent(group.getName(), k -> new TreeSet<>()).addAll(acl.getOperations());
                }
            }
            Map<String, Set<AclOperation>> expected = new TreeMap<>();
            config.consumedTopics().forEach(t -> expected.put(t, new TreeSet<>(Set.of(AclOperation.READ, AclOperation.DESCRIBE))));
            Set<String> writes = new TreeSet<>(writers.getOrDefault(name, Set.of()));
            writes.add(Topics.deadLetter(name));
            writes.forEach(t -> expected.computeIfAbsent(t, k -> new TreeSet<>()).addAll(Set.of(AclOperation.WRITE,
                    AclOperation.DESCRIBE)));
            assertThat(topicAcls).as("topic ACLs of %s", name).isEqualTo(expected);
            Map<String, Set<AclOperation>> expectedGroups = new TreeMap<>();
            config.consumerGroups().forEach(g -> expectedGroups.put(g, new TreeSet<>(Set.of(AclOperation.READ))));
            assertThat(groupAcls).as("group ACLs of %s", name).isEqualTo(expectedGroups);
            assertThat(secretRefs(name)).as("%s takes its JAAS line from its KafkaUser's Secret", name)
                    .containsEntry("KAFKA_SASL_JAAS_CONFIG", name + "/sasl.jaas.config");
        }
    }

    @Test
    void shouldGiveEveryServiceItsDatabaseWithOwnerAndRuntimeRolesOnThreeBackedUpInstances() {
        JsonNode cluster = kinds("Cluster").get(0);
        assertThat(cluster.path("spec").path("instances").asInt()).isEqualTo(3);
        Set<String> roles = new TreeSet<>();
        Map<String, String> roleSecrets = new TreeMap<>();
        cluster.path("spec").path("managed").path("roles").forEach(r -> {
            roles.add(r.path("name").asText());
            roleSecrets.put(r.path("name").asText(), r.path("passwordSecret").path("name").asText());
        });
        Map<String, String> databases = new TreeMap<>();
        kinds("Database").forEach(d -> {
            assertThat(d.path("spec").path("cluster").path("name").asText()).isEqualTo("jixiao-db");
            databases.put(d.path("spec").path("name").asText(), d.path("spec").path("owner").asText());
        });
        for (String name : ServiceConfiguration.SERVICES) {
            String database = environment(name).get("JIXIAO_DB_NAME");
            String owner = database + "_owner";
            assertThat(databases).as("database of %s", name).containsEntry(database, owner);
            assertThat(roles).contains(owner, database + "_app");
            assertThat(environment(name).get("PGHOST")).isEqualTo("jixiao-db-rw");
            Map<String, String> secrets = secretRefs(name);
            assertThat(secrets.get("JIXIAO_DB_OWNER_PASSWORD")).isEqualTo(roleSecrets.get(owner) + "/password");
            assertThat(secrets.get("JIXIAO_DB_APP_PASSWORD")).isEqualTo(roleSecrets.get(database + "_app") + "/password");
        }
        JsonNode store = cluster.path("spec").path("backup").path("barmanObjectStore");
        assertThat(store.path("destinationPath").asText()).startsWith("s3://");
        JsonNode scheduled = kinds("ScheduledBackup").get(0);
        assertThat(scheduled.path("spec").path("cluster").path("name").asText())
                .isEqualTo(cluster.path("metadata").path("name").asText());
    }

    @Test
    void shouldRejectAnUnknownFieldInEachKindOfModel() {
        // the validation itself: a misspelt field must not pass as Kubernetes' pruning would let it
        List<String> problems = new ArrayList<>();
        for (JsonNode document : documents) {
            String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
            JsonNode spoilt = document.deepCopy();
            if (!spoilt.has("spec")) {
                continue;
            }
            ((com.fasterxml.jackson.databind.node.ObjectNode) spoilt.path("spec")).put("replicaz", 3);
            List<String> found = new ArrayList<>();
            if (MODELS.containsKey(type)) {
                StrictModel.read(spoilt, MODELS.get(type), found, type);
            } else {
                StrictModel.validateCrd(spoilt, CRDS.get(type), found, type);
            }
            if (found.isEmpty()) {
                problems.add(type + " accepted spec.replicaz");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Which service writes which topic, from the comments of common's Topics ("project-service: ..."). */
    private static Map<String, Set<String>> writers() {
        String source = ServiceConfiguration.read(ServiceConfiguration.root()
                .resolve("common/src/main/java/org/jixiao/common/events/Topics.java"));
        Matcher m = Pattern.compile("/\\*\\* ([a-z]+-service):[^*]*\\*/\\s*public static final String \\w+ = \"([^\"]+)\"")
                .matcher(source);
        Map<String, Set<String>> writers = new TreeMap<>();
        while (m.find()) {
            writers.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
        }
        assertThat(writers.values().stream().flatMap(Set::stream).collect(Collectors.toSet()))
                .as("every topic in Topics.ALL names its producer").containsExactlyInAnyOrderElementsOf(Topics.ALL);
        return writers;
    }

    private static List<JsonNode> kinds(String kind) {
        return documents.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    private static Deployment deployment(String name) {
        Deployment deployment = (Deployment) objects.get("Deployment").get(name);
        assertThat(deployment).as("Deployment %s", name).isNotNull();
        return deployment;
    }

    private static Container container(String name) {
        return deployment(name).getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }

    /** The container's environment: its ConfigMaps' data, then its env entries (a Secret's value as "set"). */
    private static Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        Container container = container(name);
        container.getEnvFrom().forEach(source -> {
            ConfigMap map = (ConfigMap) objects.get("ConfigMap").get(source.getConfigMapRef().getName());
            assertThat(map).as("ConfigMap %s of %s", source.getConfigMapRef().getName(), name).isNotNull();
            env.putAll(map.getData());
        });
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), var.getValue() != null ? var.getValue()
                    : "(from " + var.getValueFrom().getSecretKeyRef().getName() + ")");
        }
        return env;
    }

    private static Map<String, String> secretRefs(String name) {
        Map<String, String> refs = new TreeMap<>();
        for (EnvVar var : container(name).getEnv()) {
            if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                refs.put(var.getName(), var.getValueFrom().getSecretKeyRef().getName() + "/"
                        + var.getValueFrom().getSecretKeyRef().getKey());
            }
        }
        return refs;
    }
}
