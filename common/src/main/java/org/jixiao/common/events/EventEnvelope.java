package org.jixiao.common.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What every event on every topic looks like. {@code eventId} is the consumers' de-duplication key;
 * {@code data} is the event-specific body described by the event's JSON Schema.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(
        UUID eventId,
        String eventType,
        int schemaVersion,
        OffsetDateTime occurredAt,
        UUID projectId,
        int revision,
        String actor,
        JsonNode data) {
}
