package org.jixiao.common.messaging;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /**
     * The oldest unpublished rows, locked so that a second relay (another instance of the service)
     * skips them instead of publishing them twice.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> lockOldestUnpublished(int limit) {
        return getEntityManager()
                .createNativeQuery("select * from outbox_event where published_at is null order by seq"
                        + " limit :limit for update skip locked", OutboxEvent.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    public long countUnpublished() {
        return count("publishedAt is null");
    }
}
