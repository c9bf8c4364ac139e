package org.jixiao.approval.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The monitoring report or self-evaluation a report case reviews, with its assessment and score, as JSON. */
@ApplicationScoped
public class ReportRepository {
    private final EntityManager em;

    public ReportRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * @param indicatorsJson the report lines (MonitoringLine) as the department stated them
     * @param assessmentJson indicator-service's assessment (rows, budget, overall)
     * @param scoreJson      the self-evaluation's Scoresheet; null for a monitoring report or when unavailable
     */
    public record Stored(LocalDate asOf, boolean finalReport, BigDecimal spent, String indicatorsJson, String measures,
            String submittedBy, String overall, String assessmentJson, String scoreJson, String scoreUnavailable) {
    }

    public void save(UUID caseId, Stored r) {
        em.createNativeQuery("insert into monitoring_report (case_id, as_of, final, spent, indicators, measures,"
                + " submitted_by, overall, assessment, score, score_unavailable)"
                + " values (:c, :asOf, :fin, :spent, :ind, :measures, :by, :overall, :assessment, :score, :su)")
                .setParameter("c", caseId).setParameter("asOf", r.asOf()).setParameter("fin", r.finalReport())
                .setParameter("spent", r.spent()).setParameter("ind", r.indicatorsJson())
                .setParameter("measures", r.measures()).setParameter("by", r.submittedBy())
                .setParameter("overall", r.overall()).setParameter("assessment", r.assessmentJson())
                .setParameter("score", r.scoreJson()).setParameter("su", r.scoreUnavailable()).executeUpdate();
    }

    public Optional<Stored> find(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select as_of, final, spent, indicators, measures, submitted_by,"
                + " overall, assessment, score, score_unavailable from monitoring_report where case_id = :c")
                .setParameter("c", caseId).getResultList();
        return rows.stream().findFirst().map(r -> new Stored(toDate(r[0]), (Boolean) r[1], (BigDecimal) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                (String) r[9]));
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return (LocalDate) value;
    }
}
