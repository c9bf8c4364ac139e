package org.jixiao.deploy.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** One operation of a service's OpenAPI document: what the matrix calls and the fuzzer builds requests for. */
public record ApiOperation(String service, String method, String path, List<Parameter> parameters, String bodyMediaType,
        JsonNode bodySchema, JsonNode components) {

    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** "GET /api/v1/projects/{id}", the key of the matrix table. */
    public String key() {
        return method + " " + path;
    }

    public boolean hasBody() {
        return bodyMediaType != null;
    }

    public boolean isRead() {
        return method.equals("GET");
    }

    /** Every operation of the service's /q/openapi document under /api/ and /public/ (Quarkus' own /q paths are not ours). */
    public static List<ApiOperation> load(HttpClient http, String service, String baseUrl) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(service + " /q/openapi answered " + answer.statusCode());
        }
        JsonNode doc = new ObjectMapper().readTree(answer.body());
        JsonNode components = doc.path("components");
        List<ApiOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/") && !path.getKey().startsWith("/public/")) {
                continue;
            }
            List<Parameter> shared = parameters(path.getValue().path("parameters"));
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> m = methods.next();
                if (m.getKey().equals("parameters")) {
                    continue;
                }
                JsonNode op = m.getValue();
                List<Parameter> params = new ArrayList<>(shared);
                params.addAll(parameters(op.path("parameters")));
                String mediaType = null;
                JsonNode schema = null;
                Iterator<Map.Entry<String, JsonNode>> content = op.path("requestBody").path("content").fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> first = content.next();
                    mediaType = first.getKey();
                    schema = first.getValue().path("schema");
                }
                operations.add(new ApiOperation(service, m.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), params,
                        mediaType, schema, components));
            }
        }
        return operations;
    }

    private static List<Parameter> parameters(JsonNode list) {
        List<Parameter> params = new ArrayList<>();
        for (JsonNode p : list) {
            params.add(new Parameter(p.path("name").asText(), p.path("in").asText(), p.path("required").asBoolean(false),
                    p.path("schema")));
        }
        return params;
    }

    /** The schema a $ref names, or the schema itself. */
    public JsonNode resolve(JsonNode schema) {
        int guard = 0;
        while (schema != null && schema.has("$ref") && guard++ < 20) {
            String ref = schema.get("$ref").asText();
            schema = components.path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }
}
