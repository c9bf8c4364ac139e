package org.jixiao.approval.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jixiao.approval.domain.CaseComment;
import org.jixiao.approval.domain.StageDecision;

/**
 * A case with what a reviewer reads before deciding.
 *
 * @param findingsJson indicator-service's findings for this revision as JSON; null before they arrive
 * @param comments     the comments of this and the project's earlier rounds, oldest first
 * @param decisions    the stages of this case decided so far, with their grades, oldest first
 * @param previewJson  a declaration's review-time preview of its self-evaluation score (Scoresheet JSON); null when none
 * @param previewUnavailable why indicator-service gave no preview
 * @param report       a report case's report, assessment and score; null for declarations
 */
public record CaseDetail(CaseSummary summary, String findingsJson, List<RoundComment> comments,
        List<StageDecision> decisions, String previewJson, String previewUnavailable, Report report) {

    /** What a report case reviews: the report lines, the assessment and the self-evaluation's score, as JSON. */
    public record Report(LocalDate asOf, boolean finalReport, BigDecimal spent, String indicatorsJson, String measures,
            String submittedBy, String overall, String assessmentJson, String scoreJson, String scoreUnavailable) {
    }

    /** A comment and the revision whose round it was made in. */
    public record RoundComment(int revision, CaseComment comment) {
    }
}
