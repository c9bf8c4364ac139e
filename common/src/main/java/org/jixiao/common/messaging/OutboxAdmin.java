package org.jixiao.common.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jixiao.common.domain.DomainException;
import org.jboss.logging.Logger;

/** What an operator sees of the outbox (pending and parked rows) and the one thing it may do: retry a parked row. */
@ApplicationScoped
public class OutboxAdmin {
    private static final Logger LOG = Logger.getLogger(OutboxAdmin.class);

    private final OutboxRepository repository;
    private final OutboxRelay relay;

    public OutboxAdmin(OutboxRepository repository, OutboxRelay relay) {
        this.repository = repository;
        this.relay = relay;
    }

    public record ParkedEvent(UUID eventId, String eventType, String projectId, int attempts, String lastError,
            OffsetDateTime createdAt) {
    }

    public record State(long pending, List<ParkedEvent> parked) {
    }

    public State state() {
        return QuarkusTransaction.requiringNew().call(() -> new State(repository.countUnpublished(),
                repository.parked(500).stream().map(r -> new ParkedEvent(r.eventId(), r.eventType(), r.messageKey(),
                        r.attempts(), r.lastError(), r.occurredAt())).toList()));
    }

    /** Puts a parked row back in line (after the broker's limits or permissions were fixed). */
    public void retry(UUID eventId, String actor) {
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxEvent row = repository.findByIdOptional(eventId)
                    .filter(r -> r.parkedAt() != null && r.publishedAt() == null)
                    .orElseThrow(() -> DomainException.notFound("parked outbox event", eventId));
            row.unpark();
        });
        LOG.infof("parked outbox event %s put back in line by %s", eventId, actor);
        relay.wake();
    }
}
