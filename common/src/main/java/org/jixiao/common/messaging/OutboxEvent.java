package org.jixiao.common.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A row of the transactional outbox: written in the same transaction as the state change it
 * announces, published to Kafka by {@link OutboxRelay} after commit. The table also has a {@code seq}
 * identity column (publication order) that only the relay's SQL reads.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {
    @Id
    @Column(name = "event_id")
    private UUID eventId;
    private String topic;
    @Column(name = "message_key")
    private String messageKey;
    @Column(name = "event_type")
    private String eventType;
    private String payload;
    @Column(name = "occurred_at")
    private OffsetDateTime occurredAt;
    @Column(name = "published_at")
    private OffsetDateTime publishedAt;
    private int attempts;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "parked_at")
    private OffsetDateTime parkedAt;
    /** W3C trace context of the writing transaction (V0_3), sent with the record; null outside a trace. */
    private String traceparent;
    private String tracestate;

    protected OutboxEvent() {
    }

    public OutboxEvent(UUID eventId, String topic, String messageKey, String eventType, String payload,
            OffsetDateTime occurredAt) {
        this.eventId = eventId;
        this.topic = topic;
        this.messageKey = messageKey;
        this.eventType = eventType;
        this.payload = payload;
        this.occurredAt = occurredAt;
    }

    public UUID eventId() {
        return eventId;
    }

    public String topic() {
        return topic;
    }

    public String messageKey() {
        return messageKey;
    }

    public String eventType() {
        return eventType;
    }

    public String payload() {
        return payload;
    }

    public OffsetDateTime publishedAt() {
        return publishedAt;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }

    public OffsetDateTime parkedAt() {
        return parkedAt;
    }

    public String traceparent() {
        return traceparent;
    }

    public String tracestate() {
        return tracestate;
    }

    /** The trace this event belongs to: the relay's send and the consumers' work continue it. */
    void carryTrace(String traceparent, String tracestate) {
        this.traceparent = traceparent;
        this.tracestate = tracestate;
    }

    void markPublished(OffsetDateTime at) {
        this.publishedAt = at;
        this.lastError = null;
    }

    /** Refused for good: the relay leaves this row, and the later rows of its key, until a retry. */
    void park(String error, OffsetDateTime at) {
        markFailed(error);
        this.parkedAt = at;
    }

    void unpark() {
        this.parkedAt = null;
    }

    void markFailed(String error) {
        this.attempts++;
        this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    }
}
