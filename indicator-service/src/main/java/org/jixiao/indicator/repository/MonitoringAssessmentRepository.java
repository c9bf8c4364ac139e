package org.jixiao.indicator.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.UUID;

/** One assessment per submitted report: the guard against two MonitoringAssessed for one submission. */
@ApplicationScoped
public class MonitoringAssessmentRepository {
    private final EntityManager em;

    public MonitoringAssessmentRepository(EntityManager em) {
        this.em = em;
    }

    /** @return false when this submission (project, period, report revision) was assessed before */
    public boolean recordFirst(UUID projectId, String period, int reportRevision, int approvedRevision, String overall,
            BigDecimal scoreTotal, UUID sourceEventId) {
        // a null parameter has no type PostgreSQL could infer: no score is written as the literal null
        var insert = em.createNativeQuery("insert into monitoring_assessment (project_id, period, report_revision,"
                + " approved_revision, overall, score_total, source_event_id, assessed_at)"
                + " values (:p, :period, :rr, :ar, :o, " + (scoreTotal == null ? "null" : ":s") + ", :e, now())"
                + " on conflict (project_id, period, report_revision) do nothing")
                .setParameter("p", projectId).setParameter("period", period).setParameter("rr", reportRevision)
                .setParameter("ar", approvedRevision).setParameter("o", overall).setParameter("e", sourceEventId);
        if (scoreTotal != null) {
            insert.setParameter("s", scoreTotal);
        }
        return insert.executeUpdate() == 1;
    }
}
