package org.jixiao.common.messaging;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
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
     * The oldest {@link #PUBLISHABLE} rows, locked so that a second relay (another instance of the service)
     * skips them instead of publishing them twice.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> lockPublishable(int limit) {
        return getEntityManager()
                .createNativeQuery("select * from outbox_event where " + PUBLISHABLE
                        + " order by seq limit :limit for update of outbox_event skip locked", OutboxEvent.class)
                .setParameter("limit", limit)
                .getResultList();
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
