package org.jixiao.deploy.manifest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validation of Kubernetes objects that, unlike the API server's default, fails on unknown fields: core kinds
 * and Strimzi's through their published Java models (whose classes keep unknown fields in
 * {@code additionalProperties}, which must stay empty), CloudNativePG's through the OpenAPI schema of its CRDs,
 * closed to properties the schema does not name.
 */
final class StrictModel {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The CloudNativePG release whose CRDs are vendored under src/test/resources/crd (with its licence). */
    static final String CLOUDNATIVE_PG = "cloudnative-pg-1.30.0";

    private static final Map<String, JsonSchema> SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();

    private StrictModel() {
    }

    /** Reads a document into a model class and lists every field the model does not know. */
    static <T> T read(JsonNode document, Class<T> type, List<String> problems, String name) {
        T value;
        try {
            value = YAML.treeToValue(document, type);
        } catch (IOException e) {
            problems.add(name + ": " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
        unknownFields(value, name, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
        return value;
    }

    private static void unknownFields(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems, seen));
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                unknownFields(element, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        String type = value.getClass().getName();
        if (!(type.startsWith("io.fabric8.kubernetes.api.model.") || type.startsWith("io.strimzi.api."))
                || !seen.add(value)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            String name = getter.getName();
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || !name.startsWith("get")
                    || name.equals("getClass")) {
                continue;
            }
            Object property;
            try {
                property = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue; // a computed property (CustomResource's plural and the like), not a field
            }
            if (name.equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            unknownFields(property, path + "." + Character.toLowerCase(name.charAt(3)) + name.substring(4), problems,
                    seen);
        }
    }

    /** Validates a CloudNativePG object against the vendored CRD's schema for its version. */
    static void validateCrd(JsonNode document, String crdFile, List<String> problems, String name) {
        String version = document.path("apiVersion").asText().replaceAll(".*/", "");
        JsonSchema validator = SCHEMAS.computeIfAbsent(crdFile + " " + version, k -> schema(crdFile, version));
        if (validator == null) {
            problems.add(name + ": " + crdFile + " has no version " + version);
            return;
        }
        for (ValidationMessage message : validator.validate(document)) {
            problems.add(name + ": " + message.getMessage());
        }
    }

    private static JsonSchema schema(String crdFile, String version) {
        JsonNode crd = resource("crd/" + CLOUDNATIVE_PG + "/" + crdFile);
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (v.path("name").asText().equals(version)) {
                JsonNode schema = v.path("schema").path("openAPIV3Schema").deepCopy();
                close(schema);
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
            }
        }
        return null;
    }

    /**
     * Kubernetes prunes fields a structural schema does not name; a check must reject them instead. Every
     * object schema with properties, and not marked to keep unknown fields, gets additionalProperties: false.
     */
    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            for (Iterator<JsonNode> it = object.elements(); it.hasNext();) {
                close(it.next());
            }
        } else if (node != null && node.isArray()) {
            node.forEach(StrictModel::close);
        }
    }

    static JsonNode resource(String path) {
        try (InputStream in = StrictModel.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> documents(String yaml) {
        List<JsonNode> documents = new ArrayList<>();
        try {
            YAML.readerFor(JsonNode.class).readValues(yaml).forEachRemaining(d -> {
                if (d != null && !((JsonNode) d).isNull() && !((JsonNode) d).isMissingNode()) {
                    documents.add((JsonNode) d);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }
}
