package org.jixiao.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The four services' OpenAPI documents, as the build stored them (target/openapi/openapi.json), are documents
 * client generators accept: Redocly's recommended rules find no error, openapi-typescript generates a client
 * from each and a usage file type-checks against the four clients, and every operation carries what a
 * generated client needs (a unique operationId, its 2xx schema, its 4xx as problem+json).
 */
class ApiDocumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void shouldLintEveryServiceDocumentWithoutErrorsUnderRedoclyRecommended() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String service : ApiTools.SERVICES) {
            ApiTools.Result lint = ApiTools.node("@redocly/cli/bin/cli.js", "lint", "--extends=recommended",
                    "--format=stylish", ApiTools.openApiDocument(service).toString());
            if (lint.exit() != 0 || lint.output().contains(" error ")) {
                failures.add(service + " (exit " + lint.exit() + "):\n" + lint.output());
            }
        }
        assertThat(failures).as("Redocly recommended errors").isEmpty();
    }

    @Test
    void shouldTypeCheckAUsageFileAgainstTheClientGeneratedFromEachDocument() throws Exception {
        Path out = ApiTools.ROOT.resolve("deploy/target/api-clients");
        Files.createDirectories(out);
        for (String service : ApiTools.SERVICES) {
            ApiTools.Result generated = ApiTools.node("openapi-typescript/bin/cli.js",
                    ApiTools.openApiDocument(service).toString(), "-o", out.resolve(service + ".ts").toString());
            assertThat(generated.exit()).as("openapi-typescript %s:\n%s", service, generated.output()).isZero();
        }
        ApiTools.Result tsc = ApiTools.node("typescript/bin/tsc", "--noEmit", "-p", "tsconfig.json");
        assertThat(tsc.exit()).as("tsc --noEmit of api-tools/usage against the generated clients:\n%s", tsc.output())
                .isZero();
    }

    @Test
    void shouldGiveEveryOperationAUniqueIdItsSuccessSchemaAndItsProblems() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String service : ApiTools.SERVICES) {
            JsonNode doc = JSON.readTree(ApiTools.openApiDocument(service).toFile());
            if (!doc.path("servers").isArray() || doc.path("servers").isEmpty()) {
                failures.add(service + ": no servers");
            }
            Set<String> ids = new HashSet<>();
            for (var path : (Iterable<java.util.Map.Entry<String, JsonNode>>) doc.path("paths")::fields) {
                for (var entry : (Iterable<java.util.Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                    if (!METHODS.contains(entry.getKey())) {
                        continue;
                    }
                    String where = service + " " + entry.getKey().toUpperCase() + " " + path.getKey();
                    JsonNode op = entry.getValue();
                    String id = op.path("operationId").asText("");
                    if (id.isEmpty() || id.contains("_") || !ids.add(id)) {
                        failures.add(where + ": operationId '" + id + "' missing, not readable or not unique");
                    }
                    failures.addAll(responseFailures(where, path.getKey(), op));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static List<String> responseFailures(String where, String path, JsonNode op) {
        List<String> failures = new ArrayList<>();
        JsonNode responses = op.path("responses");
        boolean success = false;
        for (var r : (Iterable<java.util.Map.Entry<String, JsonNode>>) responses::fields) {
            String status = r.getKey();
            JsonNode content = r.getValue().path("content");
            if (status.startsWith("2")) {
                success = true;
                if (!status.equals("204") && (content.isEmpty()
                        || !content.elements().next().has("schema"))) {
                    failures.add(where + ": " + status + " without a schema");
                }
            }
            if (status.startsWith("4") && !content.path("application/problem+json").path("schema").path("$ref")
                    .asText().equals("#/components/schemas/Problem")) {
                failures.add(where + ": " + status + " is not documented as application/problem+json Problem");
            }
        }
        if (!success) {
            failures.add(where + ": no 2xx response");
        }
        boolean authenticated = op.path("security").isArray() && !op.path("security").isEmpty();
        List<String> expected = new ArrayList<>();
        if (authenticated) {
            expected.addAll(List.of("401", "403"));
        }
        String method = where.split(" ")[1];
        if (path.contains("{") && (method.equals("GET") || method.equals("DELETE"))) {
            expected.add("404");
        }
        if (op.has("requestBody")) {
            expected.addAll(List.of("400", "413"));
        }
        for (String status : expected) {
            if (!responses.has(status)) {
                failures.add(where + ": " + status + " not documented");
            }
        }
        return failures;
    }
}
