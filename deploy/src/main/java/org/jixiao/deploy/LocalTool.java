package org.jixiao.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What deploy/local/up.sh needs beyond bash, with nothing but a JDK: wait until services are ready,
 * and load the seed's projects through the public import API.
 *
 * <pre>
 * LocalTool wait SECONDS URL...            every URL answers 200
 * LocalTool seed PROJECT_SERVICE_URL TOKEN FILE
 * LocalTool brokers SECONDS BOOTSTRAP_SERVERS N   N brokers have joined the cluster
 * </pre>
 */
public final class LocalTool {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("wait")) {
            System.exit(waitReady(Duration.ofSeconds(Long.parseLong(args[1])), Arrays.asList(args).subList(2, args.length)) ? 0 : 1);
        } else if (args.length == 4 && args[0].equals("seed")) {
            seed(args[1], args[2], Path.of(args[3]));
        } else if (args.length == 4 && args[0].equals("brokers")) {
            // the admin client warns about every node that is not listening yet, which is the point of waiting
            org.apache.logging.log4j.core.config.Configurator.setLevel("org.apache.kafka", org.apache.logging.log4j.Level.ERROR);
            System.exit(waitBrokers(Duration.ofSeconds(Long.parseLong(args[1])), args[2], Integer.parseInt(args[3])) ? 0 : 1);
        } else {
            System.err.println("usage: LocalTool wait SECONDS URL... | LocalTool seed PROJECT_SERVICE_URL TOKEN FILE"
                    + " | LocalTool brokers SECONDS BOOTSTRAP_SERVERS N");
            System.exit(2);
        }
    }

    static boolean waitReady(Duration timeout, List<String> urls) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        for (String url : urls) {
            while (!answers200(url)) {
                if (Instant.now().isAfter(deadline)) {
                    System.err.println("not ready after " + timeout.toSeconds() + " s: " + url);
                    return false;
                }
                Thread.sleep(250);
            }
        }
        return true;
    }

    /**
     * Waits until {@code expected} brokers have registered: a service that starts earlier would create its topics
     * with a replication factor the cluster cannot yet place, and its TopicBootstrap would give up on them.
     */
    static boolean waitBrokers(Duration timeout, String bootstrapServers, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        java.util.Properties props = new java.util.Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("request.timeout.ms", "3000");
        props.put("default.api.timeout.ms", "3000");
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(props)) {
            while (true) {
                int registered = 0;
                try {
                    registered = admin.describeCluster().nodes().get(3, java.util.concurrent.TimeUnit.SECONDS).size();
                } catch (Exception e) {
                    // not up yet
                }
                if (registered >= expected) {
                    return true;
                }
                if (Instant.now().isAfter(deadline)) {
                    System.err.println(registered + " of " + expected + " brokers after " + timeout.toSeconds() + " s");
                    return false;
                }
                Thread.sleep(250);
            }
        }
    }

    private static boolean answers200(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static void seed(String baseUrl, String token, Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode projects = json.readTree(file.toFile()).get("projects");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/projects/import"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(projects)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            System.err.println("import failed: HTTP " + response.statusCode() + " " + response.body());
            System.exit(1);
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        for (JsonNode result : json.readTree(response.body()).get("results")) {
            outcomes.merge(result.get("outcome").asText(), 1, Integer::sum);
        }
        System.out.println("seed: " + projects.size() + " projects imported " + outcomes);
    }
}
