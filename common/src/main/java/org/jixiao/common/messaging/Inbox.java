package org.jixiao.common.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.jixiao.common.events.EventEnvelope;

/**
 * Idempotent consumption: the eventId is recorded in the same transaction as the event's effect, so a
 * redelivered event (broker retry, rebalance, relay re-send) finds its id and changes nothing.
 *
 * <p>What fails for a passing reason (the database away, a lock timeout, a concurrent update) is retried
 * with growing pauses for as long as it takes: the handler's thread blocks, SmallRye pauses the partition,
 * and the records after it wait in order. Only a record that can never be processed (not JSON, not an event,
 * unknown type or version: {@link MalformedEventException}) is set aside as a dead letter — kept in the
 * service's {@code dead_letter} table for an admin to replay, and copied to {@code jixiao.dead-letter.<service>}.
 *
 * <p>Each record is processed in a consumer span whose parent is the trace context of its headers (the relay's
 * producer span, {@link OutboxRelay}): the events the effect raises carry this span on ({@link Outbox}), so one
 * submission stays one trace across the services. The Kafka connector's own tracing is off (common's config):
 * this span is the one consumer span of a record.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager em;
    private final EventCodec codec;
    private final DeadLetters deadLetters;
    private final Duration maxBackoff;
    private final Tracer tracer;
    private final Map<String, Consumer<EventEnvelope>> handlers = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public Inbox(EntityManager em, EventCodec codec, DeadLetters deadLetters,
            @ConfigProperty(name = "jixiao.inbox.max-backoff", defaultValue = "10s") Duration maxBackoff,
            OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.jixiao.inbox");
        this.em = em;
        this.codec = codec;
        this.deadLetters = deadLetters;
        this.maxBackoff = maxBackoff;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Registers what an event of {@code topic} does here: used by {@link #process} and by a dead letter's replay. */
    public void handle(String topic, Consumer<EventEnvelope> effect) {
        handlers.put(topic, effect);
    }

    /**
     * Applies one Kafka record's event exactly once per eventId, with the handler registered for its topic.
     *
     * @return true when the effect ran, false for a duplicate or a dead letter
     */
    public boolean process(ConsumerRecord<String, String> record) {
        Span span = tracer.spanBuilder(record.topic() + " process")
                .setParent(TraceContext.of(record.headers()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.kafka.message.key", String.valueOf(record.key()))
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            boolean applied = processInSpan(record);
            span.setAttribute("jixiao.inbox.applied", applied);
            return applied;
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.toString());
            throw e;
        } finally {
            span.end();
        }
    }

    private boolean processInSpan(ConsumerRecord<String, String> record) {
        Consumer<EventEnvelope> effect = handlers.get(record.topic());
        if (effect == null) {
            throw new IllegalStateException("no handler registered for topic " + record.topic());
        }
        EventEnvelope event;
        try {
            event = codec.decode(record.value());
        } catch (MalformedEventException e) {
            retrying(record.topic(), () -> deadLetters.record(record, null, e.getMessage()));
            return false;
        }
        return apply(record, event, effect);
    }

    /** Applies a dead letter's payload again (after an upgrade taught the service its type or version). */
    boolean replay(String topic, String payload) {
        Consumer<EventEnvelope> effect = handlers.get(topic);
        if (effect == null) {
            throw new IllegalStateException("this service has no handler for topic " + topic);
        }
        EventEnvelope event = codec.decode(payload);
        return once(event, effect);
    }

    private boolean apply(ConsumerRecord<String, String> record, EventEnvelope event, Consumer<EventEnvelope> effect) {
        try {
            return retrying(event.eventType() + " " + event.eventId(), () -> once(event, effect));
        } catch (MalformedEventException e) {
            retrying(record.topic(), () -> deadLetters.record(record, event.eventId(), e.getMessage()));
            return false;
        }
    }

    private boolean once(EventEnvelope event, Consumer<EventEnvelope> effect) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!recordFirstDelivery(event)) {
                LOG.debugf("duplicate %s %s ignored", event.eventType(), event.eventId());
                return false;
            }
            effect.accept(event);
            return true;
        });
    }

    /** Runs {@code work} until it succeeds; only a malformed event or a shutdown ends the retries. */
    private <T> T retrying(String what, java.util.concurrent.Callable<T> work) {
        Instant firstFailure = null;
        Instant lastLog = Instant.EPOCH;
        long pause = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                T result = work.call();
                if (firstFailure != null) {
                    LOG.infof("%s applied after %d attempts (%d s)", what, attempt,
                            Duration.between(firstFailure, Instant.now()).toSeconds());
                }
                return result;
            } catch (MalformedEventException e) {
                throw e;
            } catch (Exception e) {
                if (firstFailure == null) {
                    firstFailure = Instant.now();
                }
                if (stopping || Thread.currentThread().isInterrupted()) {
                    // Not acknowledged: the record is delivered again after the restart.
                    throw new IllegalStateException("shutting down while " + what + " still fails", e);
                }
                if (Duration.between(lastLog, Instant.now()).toSeconds() >= 60) {
                    LOG.warnf("%s failed (attempt %d), retrying until it succeeds: %s", what, attempt, e.toString());
                    lastLog = Instant.now();
                }
                sleep(pause);
                pause = Math.min(pause * 2, maxBackoff.toMillis());
            }
        }
    }

    /**
     * Records a batch of events as applied, inside the caller's transaction (a rebuild that applies them itself),
     * in one statement: a rebuild replaying hundreds of thousands of events cannot afford a round trip each.
     *
     * @return the ids recorded now, i.e. not already recorded (also not earlier in {@code events})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> recordApplied(List<EventEnvelope> events) {
        LinkedHashMap<UUID, EventEnvelope> unique = new LinkedHashMap<>();
        events.forEach(e -> unique.putIfAbsent(e.eventId(), e));
        if (unique.isEmpty()) {
            return Set.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Set<UUID> recorded = new HashSet<>();
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into processed_event (event_id, event_type, project_id, processed_at)"
                            + " select id, type, project, now() from unnest(?::uuid[], ?::text[], ?::uuid[]) as e(id, type, project)"
                            + " on conflict (event_id) do nothing returning event_id")) {
                insert.setArray(1, connection.createArrayOf("uuid", unique.keySet().toArray()));
                insert.setArray(2, connection.createArrayOf("text", unique.values().stream().map(EventEnvelope::eventType).toArray()));
                insert.setArray(3, connection.createArrayOf("uuid", unique.values().stream().map(EventEnvelope::projectId).toArray()));
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        recorded.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return recorded;
        });
    }

    /** Forgets every applied event, inside the caller's transaction: only for a rebuild that replays them all. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetAll() {
        em.createNativeQuery("delete from processed_event").executeUpdate();
    }

    /** Deletes up to {@code batch} records of events applied more than {@code days} days ago; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetOlderThan(int days, int batch) {
        return em.createNativeQuery("delete from processed_event where event_id in (select event_id from processed_event"
                + " where processed_at < now() - make_interval(days => :days) limit :batch)")
                .setParameter("days", days).setParameter("batch", batch).executeUpdate();
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

    static UUID deadLetterId(ConsumerRecord<String, String> record, UUID eventId) {
        return eventId != null ? eventId : UUID.nameUUIDFromBytes((record.topic() + "/" + record.partition() + "/"
                + record.offset()).getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
