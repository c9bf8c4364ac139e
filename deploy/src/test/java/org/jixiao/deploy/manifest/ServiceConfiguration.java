package org.jixiao.deploy.manifest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's production configuration (no profile) asks of its environment, read from the sources the
 * service is built from: its application.properties over common's META-INF/microprofile-config.properties, and
 * the variables common reads directly (ProductionSettings). The Compose and Kubernetes checks compare the
 * deployment files with this, so a new required variable or a moved port fails them.
 */
final class ServiceConfiguration {
    static final List<String> SERVICES = List.of("project-service", "indicator-service", "approval-service",
            "reporting-service");

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(:([^}]*))?}");
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** Every variable an expression names, also those nested in a default: ${JIXIAO_DB_APP_USER:${PGUSER:postgres}}. */
    private static final Pattern NAMED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern GETENV = Pattern.compile("System\\.getenv\\(\"([A-Z0-9_]+)\"\\)");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(name = \"([^\"]+)\"");

    final String service;
    private final Map<String, String> properties;
    /** Variables with no default in the production configuration, and those common's code requires. */
    final Set<String> required = new TreeSet<>();
    /** Every variable the service reads, by name or through MicroProfile Config's environment mapping. */
    private final Set<String> known = new TreeSet<>();

    private ServiceConfiguration(String service, Map<String, String> properties, Set<String> readByCode,
            Set<String> codeProperties) {
        this.service = service;
        this.properties = properties;
        properties.forEach((key, value) -> {
            known.add(environmentName(key));
            NAMED.matcher(value).results().forEach(r -> known.add(r.group(1)));
            Matcher m = EXPRESSION.matcher(value);
            while (m.find()) {
                if (!ENVIRONMENT_NAME.matcher(m.group(1)).matches()) {
                    continue; // a reference to another property
                }
                known.add(m.group(1));
                if (m.group(2) == null) {
                    required.add(m.group(1));
                }
            }
        });
        // common's code reads these itself (ProductionSettings refuses to start without them); Quarkus' own
        // QUARKUS_PROFILE is optional
        readByCode.stream().filter(v -> !v.startsWith("QUARKUS_")).forEach(required::add);
        known.addAll(readByCode);
        codeProperties.forEach(p -> known.add(environmentName(p)));
    }

    static Path root() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    }

    private static final Map<String, ServiceConfiguration> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static ServiceConfiguration of(String service) {
        return CACHE.computeIfAbsent(service, ServiceConfiguration::parse);
    }

    private static ServiceConfiguration parse(String service) {
        Path root = root();
        Map<String, String> merged = new LinkedHashMap<>();
        load(root.resolve("common/src/main/resources/META-INF/microprofile-config.properties")).forEach(merged::put);
        load(root.resolve(service + "/src/main/resources/application.properties")).forEach(merged::put);
        // the production profile: %prod entries replace their plain key, the other profiles do not apply
        Map<String, String> production = new LinkedHashMap<>();
        merged.forEach((k, v) -> {
            if (!k.startsWith("%")) {
                production.putIfAbsent(k, v);
            }
        });
        merged.forEach((k, v) -> {
            if (k.startsWith("%prod.")) {
                production.put(k.substring("%prod.".length()), v);
            }
        });
        Set<String> getenv = new LinkedHashSet<>();
        Set<String> configProperties = new LinkedHashSet<>();
        for (Path sources : List.of(root.resolve("common/src/main/java"), root.resolve(service + "/src/main/java"))) {
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    String text = read(f);
                    GETENV.matcher(text).results().forEach(r -> getenv.add(r.group(1)));
                    CONFIG_PROPERTY.matcher(text).results().forEach(r -> configProperties.add(r.group(1)));
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ServiceConfiguration(service, production, getenv, configProperties);
    }

    /** True when the service reads this variable, or a deployment may set it for the image's launcher. */
    boolean reads(String variable) {
        return known.contains(variable) || variable.startsWith("QUARKUS_")
                || variable.startsWith("JAVA_") || variable.startsWith("OTEL_");
    }

    /** A property's value in production, its ${...} expressions resolved against the given environment. */
    String value(String key, Map<String, String> environment) {
        String environmentValue = environment.get(environmentName(key));
        if (environmentValue != null) {
            return environmentValue;
        }
        String raw = properties.get(key);
        return raw == null ? null : resolve(raw, environment);
    }

    private String resolve(String raw, Map<String, String> environment) {
        Matcher m = EXPRESSION.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = environment.get(name);
            if (replacement == null && properties.containsKey(name)) {
                replacement = value(name, environment);
            }
            if (replacement == null) {
                replacement = m.group(3) == null ? "" : m.group(3);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The HTTP port of the API in this environment. */
    int httpPort(Map<String, String> environment) {
        String port = value("quarkus.http.port", environment);
        return port == null ? 8080 : Integer.parseInt(port);
    }

    /** The port /q/health answers on: the management interface's when it is on, else the API's. */
    int healthPort(Map<String, String> environment) {
        if ("true".equals(value("quarkus.management.enabled", environment))) {
            String port = value("quarkus.management.port", environment);
            return port == null ? 9000 : Integer.parseInt(port);
        }
        return httpPort(environment);
    }

    /** The Kafka topics the service's channels read, from mp.messaging.incoming.*.topic(s). */
    Set<String> consumedTopics() {
        Set<String> topics = new TreeSet<>();
        properties.forEach((k, v) -> {
            if (k.startsWith("mp.messaging.incoming.") && (k.endsWith(".topic") || k.endsWith(".topics"))) {
                for (String t : v.split(",")) {
                    topics.add(t.trim());
                }
            }
        });
        return topics;
    }

    /** The consumer groups of the service's channels. */
    Set<String> consumerGroups() {
        Set<String> groups = new TreeSet<>();
        properties.forEach((k, v) -> {
            if (k.startsWith("mp.messaging.incoming.") && k.endsWith(".group.id")) {
                groups.add(v.trim());
            }
        });
        return groups;
    }

    /** MicroProfile Config's environment name of a property: upper case, every other character '_'. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> map.put(k, p.getProperty(k)));
        return map;
    }
}
