package org.jixiao.common.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;
import org.jixiao.common.events.EventEnvelope;

/**
 * Where use cases put the events they raise. The row commits or rolls back with the state change;
 * after a commit the relay is woken at once, so publishing adds milliseconds, not a polling interval.
 * The row keeps the trace context it was written in, so the trace goes on through Kafka ({@link TraceContext}).
 */
@ApplicationScoped
public class Outbox {
    private final OutboxRepository repository;
    private final EventCodec codec;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(OutboxRepository repository, EventCodec codec, OutboxRelay relay,
            TransactionSynchronizationRegistry transactions) {
        this.repository = repository;
        this.codec = codec;
        this.relay = relay;
        this.transactions = transactions;
    }

    /** A project event: the Kafka key is the project id, so one project's events stay in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String topic, String eventType, UUID projectId, int revision, String actor,
            Object data) {
        return publish(topic, projectId.toString(), codec.envelope(eventType, projectId, revision, actor, data));
    }

    /** An event about something else than one project (e.g. a framework), under its own key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publishKeyed(String topic, String key, String eventType, String actor, Object data) {
        return publish(topic, key, codec.envelope(eventType, null, 0, actor, data));
    }

    /** A record passed on as it is (a dead letter's original payload), not wrapped in a new envelope. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishRaw(String topic, String key, String eventType, String payload) {
        persist(new OutboxEvent(UUID.randomUUID(), topic, key == null ? "" : key, eventType, payload,
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)));
    }

    private EventEnvelope publish(String topic, String key, EventEnvelope envelope) {
        persist(new OutboxEvent(envelope.eventId(), topic, key, envelope.eventType(), codec.encode(envelope),
                envelope.occurredAt()));
        return envelope;
    }

    private void persist(OutboxEvent row) {
        // the request's (or the consuming inbox's) span: the relay publishes later, on its own thread
        Map<String, String> trace = TraceContext.current();
        row.carryTrace(trace.get(TraceContext.TRACEPARENT), trace.get(TraceContext.TRACESTATE));
        repository.persist(row);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
