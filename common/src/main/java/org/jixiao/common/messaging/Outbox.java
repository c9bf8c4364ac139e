package org.jixiao.common.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.jixiao.common.events.EventEnvelope;

/**
 * Where use cases put the events they raise. The row commits or rolls back with the state change;
 * after a commit the relay is woken at once, so publishing adds milliseconds, not a polling interval.
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

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(String topic, String eventType, UUID projectId, int revision, String actor,
            Object data) {
        EventEnvelope envelope = codec.envelope(eventType, projectId, revision, actor, data);
        repository.persist(new OutboxEvent(envelope.eventId(), topic, projectId.toString(), eventType,
                codec.encode(envelope), envelope.occurredAt()));
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
        return envelope;
    }
}
