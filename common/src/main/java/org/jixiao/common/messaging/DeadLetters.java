package org.jixiao.common.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.events.Topics;

/**
 * Records this service can never process, kept with their payload ({@code dead_letter}) and copied to
 * {@code jixiao.dead-letter.<service>} through the outbox. An admin lists and replays them.
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final Instance<Inbox> inbox;
    private final String service;

    public DeadLetters(EntityManager em, Outbox outbox, Instance<Inbox> inbox,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.em = em;
        this.outbox = outbox;
        this.inbox = inbox;
        this.service = service;
    }

    public record DeadLetter(UUID eventId, String topic, int partition, long offset, String reason,
            OffsetDateTime receivedAt, OffsetDateTime replayedAt, String replayedBy) {
    }

    /** Sets {@code record} aside in a transaction of its own; a second delivery of it changes nothing. */
    boolean record(ConsumerRecord<String, String> record, UUID eventId, String reason) {
        UUID id = Inbox.deadLetterId(record, eventId);
        return QuarkusTransaction.requiringNew().call(() -> {
            int inserted = em.createNativeQuery("insert into dead_letter (event_id, topic, kafka_partition, kafka_offset,"
                    + " message_key, reason, payload, received_at) values (:id, :topic, :partition, :offset, :key,"
                    + " :reason, :payload, now()) on conflict (event_id) do nothing")
                    .setParameter("id", id).setParameter("topic", record.topic())
                    .setParameter("partition", record.partition()).setParameter("offset", record.offset())
                    .setParameter("key", record.key())
                    .setParameter("reason", reason == null ? "unprocessable" : reason.substring(0, Math.min(reason.length(), 2000)))
                    .setParameter("payload", record.value() == null ? "" : record.value())
                    .executeUpdate();
            if (inserted == 1) {
                outbox.publishRaw(Topics.deadLetter(service), record.key(), "DeadLetter", record.value() == null ? "" : record.value());
                LOG.errorf("record %s/%d@%d (event %s) can never be processed and was set aside as a dead letter: %s",
                        record.topic(), record.partition(), record.offset(), id, reason);
            }
            return inserted == 1;
        });
    }

    @SuppressWarnings("unchecked")
    public List<DeadLetter> list(int limit) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select event_id, topic, kafka_partition, kafka_offset, reason, received_at, replayed_at, replayed_by"
                        + " from dead_letter order by received_at desc, event_id limit :limit")
                .setParameter("limit", limit).getResultList());
        return rows.stream().map(r -> new DeadLetter((UUID) r[0], (String) r[1], ((Number) r[2]).intValue(),
                ((Number) r[3]).longValue(), (String) r[4], at(r[5]), at(r[6]), (String) r[7])).toList();
    }

    /**
     * Applies a dead letter again with this service's handler for its topic (idempotent like any delivery).
     *
     * @return true when its effect ran now, false when the event had been applied already
     */
    public boolean replay(UUID eventId, String actor) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select topic, payload from dead_letter where event_id = :id")
                .setParameter("id", eventId).getResultStream().findFirst().orElse(null));
        if (row == null) {
            throw DomainException.notFound("dead letter", eventId);
        }
        boolean applied;
        try {
            applied = inbox.get().replay((String) row[0], (String) row[1]);
        } catch (MalformedEventException e) {
            throw DomainException.conflict("still-unprocessable",
                    "dead letter " + eventId + " still cannot be processed: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw DomainException.conflict("no-handler", e.getMessage());
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update dead_letter set replayed_at = now(), replayed_by = :actor where event_id = :id")
                .setParameter("actor", actor).setParameter("id", eventId).executeUpdate());
        LOG.infof("dead letter %s replayed by %s (%s)", eventId, actor, applied ? "applied" : "already applied");
        return applied;
    }

    private static OffsetDateTime at(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }
}
