package org.jixiao.deploy.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * deploy/compose/compose.yaml against the services' configuration, with the values of .env.example (Compose
 * itself cannot run here: no container engine). A service's required variables, ports and health checks come
 * from its application.properties, so a new variable or a moved port fails this test until the file follows.
 */
class ComposeFileTest {
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?:(:?[-?])([^}]*))?}");

    private static Map<String, Object> compose;
    private static Map<String, String> dotEnv;

    @BeforeAll
    static void load() throws IOException {
        Path dir = ServiceConfiguration.root().resolve("deploy/compose");
        // SnakeYAML, unlike Jackson, applies YAML merge keys (<<), which the file uses for the shared settings
        try (Reader r = Files.newBufferedReader(dir.resolve("compose.yaml"), StandardCharsets.UTF_8)) {
            compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve(".env.example"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        dotEnv = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> dotEnv.put(k, p.getProperty(k)));
    }

    @Test
    void shouldSetEveryVariableEachServiceRequires() {
        for (String name : ServiceConfiguration.SERVICES) {
            ServiceConfiguration config = ServiceConfiguration.of(name);
            Map<String, String> env = environment(name);
            for (String variable : config.required) {
                assertThat(env.get(variable)).as("%s needs %s (no default in its production configuration)", name, variable)
                        .isNotBlank();
            }
            assertThat(config.required).as("%s: the check would pass vacuously", name).contains("JWT_ISSUER");
        }
    }

    @Test
    void shouldSetOnlyVariablesTheServicesRead() {
        for (String name : ServiceConfiguration.SERVICES) {
            ServiceConfiguration config = ServiceConfiguration.of(name);
            assertThat(environment(name).keySet()).as("variables set for %s that it does not read (a typo?)", name)
                    .allMatch(config::reads);
        }
    }

    @Test
    void shouldPublishTheApiPortAndCheckHealthWhereTheServiceServesIt() {
        for (String name : ServiceConfiguration.SERVICES) {
            ServiceConfiguration config = ServiceConfiguration.of(name);
            Map<String, String> env = environment(name);
            Map<String, Object> service = service(name);

            List<?> ports = (List<?>) service.get("ports");
            assertThat(ports).as("%s ports", name).hasSize(1);
            String containerPort = interpolate(String.valueOf(ports.get(0))).replaceAll(".*:", "");
            assertThat(Integer.parseInt(containerPort)).as("%s: published container port = quarkus.http.port", name)
                    .isEqualTo(config.httpPort(env));

            String check = String.join(" ", strings(map(service.get("healthcheck")).get("test")));
            Matcher port = Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+)").matcher(check);
            Matcher path = Pattern.compile("GET (\\S+) HTTP").matcher(check);
            assertThat(port.find() && path.find()).as("%s health check %s", name, check).isTrue();
            assertThat(Integer.parseInt(port.group(1)))
                    .as("%s: the health check's port is the one /q/health answers on in production (the file"
                            + " expects the management interface: quarkus.management.enabled=true, port MANAGEMENT_PORT)",
                            name)
                    .isEqualTo(config.healthPort(env));
            assertThat(path.group(1)).isEqualTo("/q/health/ready");
        }
    }

    @Test
    void shouldGiveEachServiceItsOwnDatabaseAndImage() {
        for (String name : ServiceConfiguration.SERVICES) {
            String database = environment(name).get("JIXIAO_DB_NAME");
            String defaultUrl = ServiceConfiguration.of(name).value("quarkus.datasource.jdbc.url", Map.of());
            assertThat(defaultUrl).as("%s: the database its configuration names by default", name)
                    .endsWith("/" + database);
            assertThat(interpolate((String) service(name).get("image"))).isEqualTo("jixiao/" + name + ":"
                    + dotEnv.get("JIXIAO_VERSION"));
            assertThat(map(service(name).get("depends_on"))).containsOnlyKeys("postgres", "kafka");
            assertThat(service(name).get("read_only")).isEqualTo(true);
            assertThat(service(name).get("user")).isEqualTo("185");
        }
        String init = ServiceConfiguration.read(ServiceConfiguration.root().resolve("deploy/compose/init-databases.sql"));
        for (String name : ServiceConfiguration.SERVICES) {
            assertThat(init).contains("CREATE DATABASE " + environment(name).get("JIXIAO_DB_NAME") + ";");
        }
    }

    @Test
    void shouldRunTheKafkaReleaseOfTheBuildAndThePostgresMajorOfTheServices() {
        String pom = ServiceConfiguration.read(ServiceConfiguration.root().resolve("pom.xml"));
        Matcher kafka = Pattern.compile("<kafka.version>([^<]+)</kafka.version>").matcher(pom);
        assertThat(kafka.find()).isTrue();
        assertThat(service("kafka").get("image")).isEqualTo("apache/kafka:" + kafka.group(1));
        String major = ServiceConfiguration.of("project-service").value("quarkus.datasource.db-version", Map.of());
        assertThat(service("postgres").get("image")).isEqualTo("postgres:" + major);
        assertThat(environment("project-service").get("KAFKA_BOOTSTRAP_SERVERS"))
                .isEqualTo("kafka:" + listenerPort(map(service("kafka").get("environment")).get("KAFKA_ADVERTISED_LISTENERS")));
    }

    private static String listenerPort(Object advertised) {
        Matcher m = Pattern.compile("PLAINTEXT://kafka:(\\d+)").matcher(String.valueOf(advertised));
        assertThat(m.find()).as("advertised listeners %s", advertised).isTrue();
        return m.group(1);
    }

    /** A service's environment as Compose would pass it, with .env.example's values. */
    private static Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        map(service(name).get("environment")).forEach((k, v) -> env.put(k, interpolate(v == null ? "" : v.toString())));
        return env;
    }

    /** Compose's ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?message} with .env.example as the environment. */
    private static String interpolate(String value) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String set = dotEnv.get(m.group(1));
            String operator = m.group(2);
            String replacement;
            if (set != null && !(set.isEmpty() && operator != null && operator.startsWith(":"))) {
                replacement = set;
            } else if (operator != null && operator.endsWith("?")) {
                throw new AssertionError(".env.example must set " + m.group(1) + " (" + m.group(3) + ")");
            } else {
                replacement = operator == null ? "" : m.group(3);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = map(map(compose.get("services")).get(name));
        assertThat(service).as("service %s in compose.yaml", name).isNotNull();
        return service;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static List<String> strings(Object o) {
        if (o instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        throw new AssertionError("expected a list: " + o);
    }
}
