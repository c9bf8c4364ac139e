package org.jixiao.common.messaging;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {
    /**
     * SQL condition on {@code outbox_event}: rows the relay may still publish — unpublished, not parked, and of a
     * key (project) that has no parked row, so that nothing of a project overtakes its parked event. Tests use it
     * to wait until a service has published all it can.
     */
    public static final String PUBLISHABLE = "outbox_event.published_at is null and outbox_event.parked_at is null"
            + " and not exists (select 1 from outbox_event p where p.message_key = outbox_event.message_key"
            + " and p.parked_at is not null and p.published_at is null)";

    /**
     * Class (first key) of the transaction-level advisory locks a relay holds per message key, so that they
     * cannot meet another use of advisory locks in the same database; the second key is {@code hashtext(key)}.
     * Two keys of equal hash merely share a lock: they are published by one relay at a time, still in order.
     */
    public static final int KEY_LOCK_CLASS = 0x0B0C5EED;

    /**
     * Takes, for the rest of the caller's transaction, the advisory lock of up to {@code limit} keys that have
     * {@link #PUBLISHABLE} rows, oldest first, skipping the keys another relay (another instance of the
     * service) holds; returns the keys taken.
     *
     * <p>{@code pg_try_advisory_xact_lock} never waits, so relays cannot deadlock; it is evaluated only for the
     * candidates the outer {@code limit} pulls (the function is volatile, PostgreSQL does not push it into the
     * grouped sub-select), so no more than {@code limit} keys are taken. The lock goes with the transaction:
     * committed, rolled back, or its connection closed because the instance died.
     */
    @SuppressWarnings("unchecked")
    public List<String> lockPublishableKeys(int limit) {
        return getEntityManager()
                .createNativeQuery("select message_key from (select message_key, min(seq) as first_seq from outbox_event"
                        + " where " + PUBLISHABLE + " group by message_key order by first_seq) candidate"
                        + " where pg_try_advisory_xact_lock(:class, hashtext(message_key)) limit :limit")
                .setParameter("class", KEY_LOCK_CLASS)
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * The oldest {@link #PUBLISHABLE} rows of {@code keys}, in the order they were written. Call it only after
     * {@link #lockPublishableKeys} in the same transaction: being a later statement, it reads a snapshot taken
     * after the locks were granted (READ COMMITTED), so it sees everything the previous holder of a key
     * committed — its rows marked published — and starts at the key's oldest unpublished row.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> publishableOf(Collection<String> keys, int limit) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createNativeQuery("select * from outbox_event where " + PUBLISHABLE
                        + " and message_key in (:keys) order by seq limit :limit", OutboxEvent.class)
                .setParameter("keys", keys)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Whether any row is {@link #PUBLISHABLE}, whoever holds its key. */
    public boolean anyPublishable() {
        return !getEntityManager().createNativeQuery("select 1 from outbox_event where " + PUBLISHABLE + " limit 1")
                .getResultList().isEmpty();
    }

    public long countUnpublished() {
        return count("publishedAt is null");
    }

    public long countParked() {
        return count("publishedAt is null and parkedAt is not null");
    }

    public List<OutboxEvent> parked(int limit) {
        return find("publishedAt is null and parkedAt is not null order by occurredAt").range(0, limit - 1).list();
    }

    /** Deletes up to {@code batch} rows published before {@code days} days ago; returns how many. */
    public int deletePublishedOlderThan(int days, int batch) {
        return getEntityManager().createNativeQuery("delete from outbox_event where event_id in (select event_id"
                + " from outbox_event where published_at < now() - make_interval(days => :days) limit :batch)")
                .setParameter("days", days).setParameter("batch", batch).executeUpdate();
    }
}
