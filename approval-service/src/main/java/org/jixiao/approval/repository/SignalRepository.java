package org.jixiao.approval.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * PostgreSQL NOTIFY in the caller's transaction: the database delivers it to every listening instance when
 * (and only if) the transaction commits, so a dashboard never hears of a change that was rolled back.
 */
@ApplicationScoped
public class SignalRepository {
    private final EntityManager em;

    public SignalRepository(EntityManager em) {
        this.em = em;
    }

    /** {@code payload}: small JSON, well below NOTIFY's 8,000 bytes. */
    public void signal(String channel, String payload) {
        em.createNativeQuery("select 1 from pg_notify(:channel, :payload)").setParameter("channel", channel)
                .setParameter("payload", payload).getSingleResult();
    }
}
