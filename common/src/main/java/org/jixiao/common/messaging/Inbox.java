package org.jixiao.common.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jixiao.common.events.EventEnvelope;

/**
 * Idempotent consumption: the eventId is recorded in the same transaction as the event's effect, so a
 * redelivered event (broker retry, rebalance, relay re-send) finds its id and changes nothing.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager em;
    private final EventCodec codec;
    private final int attempts;

    public Inbox(EntityManager em, EventCodec codec,
            @ConfigProperty(name = "jixiao.inbox.attempts", defaultValue = "5") int attempts) {
        this.em = em;
        this.codec = codec;
        this.attempts = attempts;
    }

    /**
     * Decodes one Kafka record and applies {@code effect} exactly once per eventId. Transient failures
     * (a concurrent update, the database away for a moment) are retried; what still fails is thrown,
     * and the channel's failure strategy sends the record to the dead-letter topic.
     *
     * @return true when the effect ran, false for a duplicate
     */
    public boolean process(String payload, Consumer<EventEnvelope> effect) {
        EventEnvelope event = codec.decode(payload);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!recordFirstDelivery(event)) {
                        LOG.debugf("duplicate %s %s ignored", event.eventType(), event.eventId());
                        return false;
                    }
                    effect.accept(event);
                    return true;
                });
            } catch (MalformedEventException e) {
                throw e;
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("attempt %d/%d of %s %s failed: %s", attempt, attempts, event.eventType(), event.eventId(),
                        e.toString());
                sleep(100L * attempt * attempt);
            }
        }
        throw last;
    }

    /**
     * Records {@code event} as applied, inside the caller's transaction (a rebuild that applied it
     * itself); false when it was already recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordApplied(EventEnvelope event) {
        return recordFirstDelivery(event);
    }

    /** Forgets every applied event, inside the caller's transaction: only for a rebuild that replays them all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetAll() {
        em.createNativeQuery("delete from processed_event").executeUpdate();
    }

    private boolean recordFirstDelivery(EventEnvelope event) {
        // A concurrent delivery of the same id waits on the unique key and then sees the conflict.
        int inserted = em.createNativeQuery("insert into processed_event (event_id, event_type, project_id, processed_at)"
                + " values (:id, :type, :project, now()) on conflict (event_id) do nothing")
                .setParameter("id", event.eventId())
                .setParameter("type", event.eventType())
                .setParameter("project", event.projectId())
                .executeUpdate();
        return inserted == 1;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
