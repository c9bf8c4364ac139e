package org.jixiao.common.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a record's value against the JSON Schema of its event type (common/src/main/resources/events),
 * so the documented contract and what services really send cannot drift apart.
 */
public final class EventContracts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mappings(Map.of(
                    "urn:jixiao:event:envelope:1", "classpath:events/envelope.schema.json",
                    "urn:jixiao:interchange:project:1", "classpath:contracts/project.schema.json"))));
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContracts() {
    }

    /** @return the violations; empty when the event matches its contract */
    public static Set<ValidationMessage> violations(String eventJson) {
        try {
            JsonNode event = JSON.readTree(eventJson);
            String type = event.path("eventType").asText();
            JsonSchema schema = SCHEMAS.computeIfAbsent(type,
                    t -> FACTORY.getSchema(SchemaLocation.of("classpath:events/" + t + ".schema.json")));
            return schema.validate(event);
        } catch (Exception e) {
            throw new AssertionError("cannot check event against its schema: " + e.getMessage(), e);
        }
    }

    public static void assertValid(String eventJson) {
        Set<ValidationMessage> violations = violations(eventJson);
        if (!violations.isEmpty()) {
            throw new AssertionError("event breaks its contract: " + violations + "\n" + eventJson);
        }
    }
}
