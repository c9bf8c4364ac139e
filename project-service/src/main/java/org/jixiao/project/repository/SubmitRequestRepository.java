package org.jixiao.project.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Remembers each Idempotency-Key of a submission with the revision it submitted. */
@ApplicationScoped
public class SubmitRequestRepository {
    private final EntityManager em;

    public SubmitRequestRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Integer> revisionFor(UUID projectId, String key) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery(
                "select revision from submit_request where project_id = :p and idempotency_key = :k")
                .setParameter("p", projectId).setParameter("k", key).getResultList();
        return rows.stream().findFirst().map(Number::intValue);
    }

    public void remember(UUID projectId, String key, int revision) {
        em.createNativeQuery("insert into submit_request (idempotency_key, project_id, revision, created_at)"
                + " values (:k, :p, :r, now())")
                .setParameter("k", key).setParameter("p", projectId).setParameter("r", revision).executeUpdate();
    }
}
