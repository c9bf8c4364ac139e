package org.jixiao.common.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;

/** Turns events into the JSON on the wire and back; tolerant of fields a newer producer may add. */
@ApplicationScoped
public class EventCodec {
    public static final int SCHEMA_VERSION = 1;

    private final ObjectMapper mapper;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public EventEnvelope envelope(String eventType, UUID projectId, int revision, String actor, Object data) {
        return new EventEnvelope(UUID.randomUUID(), eventType, SCHEMA_VERSION,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), projectId, revision, actor,
                mapper.valueToTree(data));
    }

    public String encode(EventEnvelope envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode event " + envelope.eventType(), e);
        }
    }

    /** @throws MalformedEventException when the payload is not an event envelope. */
    public EventEnvelope decode(String json) {
        try {
            EventEnvelope envelope = mapper.readValue(json, EventEnvelope.class);
            if (envelope.eventId() == null || envelope.eventType() == null) {
                throw new MalformedEventException("event without eventId or eventType: " + abbreviate(json));
            }
            if (!EventTypes.ALL.contains(envelope.eventType())) {
                throw new MalformedEventException("unknown event type " + envelope.eventType() + ": " + abbreviate(json));
            }
            if (envelope.schemaVersion() != SCHEMA_VERSION) {
                throw new MalformedEventException("unsupported schemaVersion " + envelope.schemaVersion() + " of "
                        + envelope.eventType() + " (this service reads " + SCHEMA_VERSION + ")");
            }
            if (envelope.projectId() == null && !EventTypes.FRAMEWORK_PUBLISHED.equals(envelope.eventType())) {
                throw new MalformedEventException("project event without projectId: " + abbreviate(json));
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not an event envelope: " + abbreviate(json), e);
        }
    }

    public <T> T data(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.data(), type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("bad data in " + envelope.eventType() + " " + envelope.eventId(), e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
