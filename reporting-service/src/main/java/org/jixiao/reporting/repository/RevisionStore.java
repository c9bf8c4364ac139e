package org.jixiao.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Documents per project revision and findings per revision, as the events carried them. */
@ApplicationScoped
public class RevisionStore {
    private final EntityManager em;

    public RevisionStore(EntityManager em) {
        this.em = em;
    }

    public void saveDocument(UUID projectId, int revision, String documentJson) {
        em.createNativeQuery("insert into report_revision (project_id, revision, document) values (:p, :r, :d)"
                + " on conflict (project_id, revision) do update set document = excluded.document")
                .setParameter("p", projectId).setParameter("r", revision).setParameter("d", documentJson).executeUpdate();
    }

    public Optional<String> document(UUID projectId, int revision) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select document from report_revision where project_id = :p and revision = :r")
                .setParameter("p", projectId).setParameter("r", revision).getResultList();
        return rows.stream().findFirst();
    }

    public Optional<String> findings(UUID projectId, int revision) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select findings from report_findings where project_id = :p and revision = :r")
                .setParameter("p", projectId).setParameter("r", revision).getResultList();
        return rows.stream().findFirst();
    }

    public void saveFindings(UUID projectId, int revision, String findingsJson) {
        em.createNativeQuery("insert into report_findings (project_id, revision, findings) values (:p, :r, :f)"
                + " on conflict (project_id, revision) do update set findings = excluded.findings")
                .setParameter("p", projectId).setParameter("r", revision).setParameter("f", findingsJson).executeUpdate();
    }
}
