package org.jixiao.approval.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** indicator-service's findings per project revision, kept apart from cases since they may come first. */
@ApplicationScoped
public class FindingsRepository {
    private final EntityManager em;

    public FindingsRepository(EntityManager em) {
        this.em = em;
    }

    public record Stored(String findingsJson, boolean hasErrors) {
    }

    public void save(UUID projectId, int revision, String findingsJson, boolean hasErrors) {
        em.createNativeQuery("insert into case_findings (project_id, revision, findings, has_errors, received_at)"
                + " values (:p, :r, :f, :e, now()) on conflict (project_id, revision)"
                + " do update set findings = excluded.findings, has_errors = excluded.has_errors, received_at = now()")
                .setParameter("p", projectId).setParameter("r", revision)
                .setParameter("f", findingsJson).setParameter("e", hasErrors).executeUpdate();
    }

    public Optional<Stored> find(UUID projectId, int revision) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select findings, has_errors from case_findings where project_id = :p and revision = :r")
                .setParameter("p", projectId).setParameter("r", revision).getResultList();
        return rows.stream().findFirst().map(r -> new Stored((String) r[0], (Boolean) r[1]));
    }
}
