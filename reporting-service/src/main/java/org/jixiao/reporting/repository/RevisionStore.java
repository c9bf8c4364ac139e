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

    public void saveFindings(UUID projectId, int revision, String findingsJson, Integer targets, Integer quantified) {
        em.createNativeQuery("insert into report_findings (project_id, revision, findings, targets, quantified_targets)"
                + " values (:p, :r, :f, :t, :q) on conflict (project_id, revision) do update set findings = excluded.findings,"
                + " targets = excluded.targets, quantified_targets = excluded.quantified_targets")
                .setParameter("p", projectId).setParameter("r", revision).setParameter("f", findingsJson)
                .setParameter("t", targets).setParameter("q", quantified).executeUpdate();
    }

    /** [targets, quantified] of a revision's pre-review, when indicator-service reported them. */
    public Optional<int[]> quantified(UUID projectId, int revision) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select targets, quantified_targets from report_findings"
                + " where project_id = :p and revision = :r and targets is not null")
                .setParameter("p", projectId).setParameter("r", revision).getResultList();
        return rows.stream().findFirst().map(r -> new int[] {((Number) r[0]).intValue(), ((Number) r[1]).intValue()});
    }

    public void saveSubmittedAt(UUID projectId, int revision, java.time.OffsetDateTime at) {
        em.createNativeQuery("insert into report_revision_time (project_id, revision, submitted_at) values (:p, :r, :t)"
                + " on conflict (project_id, revision) do nothing")
                .setParameter("p", projectId).setParameter("r", revision).setParameter("t", at).executeUpdate();
    }

    public Optional<java.time.OffsetDateTime> submittedAt(UUID projectId, int revision) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select submitted_at from report_revision_time where project_id = :p and revision = :r")
                .setParameter("p", projectId).setParameter("r", revision).getResultList();
        return rows.stream().findFirst().map(RevisionStore::toOffset);
    }

    private static java.time.OffsetDateTime toOffset(Object v) {
        if (v instanceof java.time.OffsetDateTime o) {
            return o;
        }
        if (v instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) v).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
