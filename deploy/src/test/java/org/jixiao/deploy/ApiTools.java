package org.jixiao.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pinned npm tools of deploy/api-tools (installed by the build's {@code npm ci}), run with node. A missing
 * node or a missing install fails the test that needs it, with what to do; nothing is skipped.
 */
final class ApiTools {
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final Path DIR = ROOT.resolve("deploy/api-tools");
    static final List<String> SERVICES = List.of("project-service", "indicator-service", "approval-service",
            "reporting-service");

    record Result(int exit, String output) {
    }

    private ApiTools() {
    }

    /** The OpenAPI document the build stored for a service (quarkus.smallrye-openapi.store-schema-directory). */
    static Path openApiDocument(String service) {
        Path doc = ROOT.resolve(service).resolve("target/openapi/openapi.json");
        if (!Files.isRegularFile(doc)) {
            throw new AssertionError(doc + " is missing: package the services first (./mvnw package -DskipTests"
                    + " -pl common," + service + ", or ./mvnw verify from the root)");
        }
        return doc;
    }

    /** Runs a script of an installed package (path relative to api-tools/node_modules) with node. */
    static Result node(String script, String... args) throws IOException, InterruptedException {
        Path entry = DIR.resolve("node_modules").resolve(script);
        if (!Files.isRegularFile(entry) && !script.endsWith(".mjs")) {
            throw new AssertionError(entry + " is missing: run `npm ci` in deploy/api-tools (the Maven build does,"
                    + " in generate-test-resources)");
        }
        List<String> command = new ArrayList<>();
        command.add("node");
        command.add(script.endsWith(".mjs") ? DIR.resolve(script).toString() : entry.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true);
        // no telemetry and no update check: the tests reach no network
        pb.environment().put("REDOCLY_TELEMETRY", "off");
        pb.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        pb.environment().put("NO_COLOR", "1");
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run node (" + e.getMessage() + "): the API document tests need Node.js"
                    + " 20.19+ on the PATH", e);
        }
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("node " + script + " did not finish in 5 minutes");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
