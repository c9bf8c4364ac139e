package org.jixiao.common.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The consumer's message log: one row per event whose effect has been committed. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent {
    @Id
    @Column(name = "event_id")
    private UUID eventId;
    @Column(name = "event_type")
    private String eventType;
    @Column(name = "project_id")
    private UUID projectId;
    @Column(name = "processed_at")
    private OffsetDateTime processedAt;

    protected ProcessedEvent() {
    }

    public UUID eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }
}
