package org.jixiao.approval.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.jixiao.approval.domain.CaseComment;
import org.jixiao.approval.domain.Decision;
import org.jixiao.approval.domain.Grade;
import org.jixiao.approval.domain.ReviewCase;
import org.jixiao.approval.domain.StageDecision;

/**
 * What one case's full view reads, in two statements whatever the case holds: the case with the findings of its
 * revision and the report it reviews, then the comments of every round together with the case's stage decisions.
 * A read under load pays per statement (a round trip, a query to prepare), so they are not read one by one.
 */
@ApplicationScoped
public class CaseDetailRepository {
    private final EntityManager em;

    public CaseDetailRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * @param findings a declaration's findings; null before they arrive, and for a report case
     * @param report   a report case's report; null for a declaration
     */
    public record CaseRow(ReviewCase reviewCase, FindingsRepository.Stored findings, ReportRepository.Stored report) {
    }

    /** A comment and the revision of the case it was made on. */
    public record RoundComment(int revision, CaseComment comment) {
    }

    /**
     * @param comments  the comments of the case's rounds, oldest first
     * @param decisions the case's decided stages, oldest first
     */
    public record Trail(List<RoundComment> comments, List<StageDecision> decisions) {
    }

    public Optional<CaseRow> find(UUID caseId) {
        // findings belong to a declaration's revision; a report case shows none even where its revision has some
        NativeQuery<?> query = em.createNativeQuery("select c.*, f.project_id as f_present, f.findings as f_findings,"
                        + " f.has_errors as f_has_errors, f.preview as f_preview,"
                        + " f.preview_unavailable as f_preview_unavailable, r.case_id as r_present, r.as_of as r_as_of,"
                        + " r.final as r_final, r.spent as r_spent, r.indicators as r_indicators, r.measures as r_measures,"
                        + " r.submitted_by as r_submitted_by, r.overall as r_overall, r.assessment as r_assessment,"
                        + " r.score as r_score, r.score_unavailable as r_score_unavailable"
                        + " from review_case c"
                        + " left join case_findings f on f.project_id = c.project_id and f.revision = c.revision"
                        + " and c.kind in ('SUBMISSION', 'AMENDMENT')"
                        + " left join monitoring_report r on r.case_id = c.id"
                        + " where c.id = :id")
                .setParameter("id", caseId)
                .unwrap(NativeQuery.class)
                .addEntity("c", ReviewCase.class)
                .addScalar("f_present", UUID.class).addScalar("f_findings", String.class)
                .addScalar("f_has_errors", Boolean.class).addScalar("f_preview", String.class)
                .addScalar("f_preview_unavailable", String.class)
                .addScalar("r_present", UUID.class).addScalar("r_as_of", LocalDate.class)
                .addScalar("r_final", Boolean.class).addScalar("r_spent", BigDecimal.class)
                .addScalar("r_indicators", String.class).addScalar("r_measures", String.class)
                .addScalar("r_submitted_by", String.class).addScalar("r_overall", String.class)
                .addScalar("r_assessment", String.class).addScalar("r_score", String.class)
                .addScalar("r_score_unavailable", String.class);
        return query.getResultList().stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            FindingsRepository.Stored findings = r[1] == null ? null
                    : new FindingsRepository.Stored((String) r[2], (Boolean) r[3], (String) r[4], (String) r[5]);
            ReportRepository.Stored report = r[6] == null ? null
                    : new ReportRepository.Stored((LocalDate) r[7], (Boolean) r[8], (BigDecimal) r[9], (String) r[10],
                            (String) r[11], (String) r[12], (String) r[13], (String) r[14], (String) r[15],
                            (String) r[16]);
            return new CaseRow((ReviewCase) r[0], findings, report);
        });
    }

    /**
     * The comments of {@code c}'s rounds (a declaration's earlier declaration cases, a report's earlier revisions
     * of the same period's report, the case itself included) and the stages of {@code c} decided so far.
     */
    public Trail trail(ReviewCase c) {
        String rounds = c.kind().isReport()
                ? "r.period = :period and r.report_revision <= :reportRevision"
                : "r.revision <= :revision and r.kind in ('SUBMISSION', 'AMENDMENT')";
        NativeQuery<?> query = em.createNativeQuery("select 0 as part, cc.id as id, cc.case_id as case_id,"
                        + " r.revision as revision, cc.stage as stage, cc.field as field,"
                        + " cc.indicator_index as indicator_index, cc.indicator_name as indicator_name, cc.text as text,"
                        + " cc.author as person, cc.created_at as at, null as stage_index, null as action, null as grade"
                        + " from case_comment cc join review_case r on r.id = cc.case_id"
                        + " where r.project_id = :project and " + rounds
                        + " union all"
                        + " select 1, d.id, d.case_id, null, d.stage_name, null, null, null, null, d.decided_by,"
                        + " d.decided_at, d.stage_index, d.action, d.grade from stage_decision d where d.case_id = :caseId"
                        + " order by part, id")
                .setParameter("project", c.projectId())
                .setParameter("caseId", c.id())
                .unwrap(NativeQuery.class)
                .addScalar("part", Integer.class).addScalar("id", Long.class).addScalar("case_id", UUID.class)
                .addScalar("revision", Integer.class).addScalar("stage", String.class).addScalar("field", String.class)
                .addScalar("indicator_index", Integer.class).addScalar("indicator_name", String.class)
                .addScalar("text", String.class).addScalar("person", String.class)
                .addScalar("at", OffsetDateTime.class).addScalar("stage_index", Integer.class)
                .addScalar("action", String.class).addScalar("grade", String.class);
        if (c.kind().isReport()) {
            query.setParameter("period", c.period()).setParameter("reportRevision", c.reportRevision());
        } else {
            query.setParameter("revision", c.revision());
        }
        List<RoundComment> comments = new ArrayList<>();
        List<StageDecision> decisions = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            UUID caseId = (UUID) r[2];
            OffsetDateTime at = (OffsetDateTime) r[10];
            if ((Integer) r[0] == 0) {
                comments.add(new RoundComment((Integer) r[3], new CaseComment(caseId, (String) r[4], (String) r[5],
                        (Integer) r[6], (String) r[7], (String) r[8], (String) r[9], at)));
            } else {
                decisions.add(new StageDecision(caseId, (Integer) r[11], (String) r[4],
                        Decision.Action.valueOf((String) r[12]), (String) r[9],
                        r[13] == null ? null : Grade.valueOf((String) r[13]), at));
            }
        }
        return new Trail(comments, decisions);
    }
}
