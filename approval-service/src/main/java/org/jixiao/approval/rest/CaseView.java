package org.jixiao.approval.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jixiao.approval.domain.CaseComment;
import org.jixiao.approval.domain.CaseKind;
import org.jixiao.approval.domain.CaseStatus;
import org.jixiao.approval.domain.Decision;
import org.jixiao.approval.domain.Grade;
import org.jixiao.approval.domain.ReviewCase;
import org.jixiao.approval.domain.StageDecision;
import org.jixiao.approval.service.CaseDetail;
import org.jixiao.approval.service.CaseSummary;

/**
 * A review case as the dashboard shows it; the detail form adds snapshot, findings, preview, diff and comments
 * (a declaration) or the report, its assessment and score (a monitoring report or self-evaluation).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReviewCase")
public record CaseView(
        UUID id,
        UUID projectId,
        int revision,
        @Schema(description = "SUBMISSION (申报), AMENDMENT (调整), MONITORING (绩效运行监控) or SELF_EVALUATION (自评);"
                + " for the last two, revision is the approved revision the report follows") CaseKind kind,
        int budgetYear,
        String departmentCode,
        String departmentName,
        String projectName,
        @Schema(description = "项目资金（元）, decimal string") String funding,
        CaseStatus status,
        int stageIndex,
        @Schema(description = "审核环节, e.g. 业务股室初审") String stageName,
        String assignee,
        @Schema(description = "when the department submitted this revision") OffsetDateTime submittedAt,
        @Schema(description = "when the case was opened here") OffsetDateTime openedAt,
        OffsetDateTime stageEnteredAt,
        @Schema(description = "working days (Mon–Fri) spent in the current stage") Integer workingDaysInStage,
        Boolean overdue,
        Boolean flagged,
        OffsetDateTime decidedAt,
        String decidedBy,
        Grade grade,
        @Schema(description = "批复文号") String approvalNumber,
        String overrideReason,
        @Schema(description = "returned with a grade that keeps the target out of the budget (差 by default; 不得纳入预算)") boolean refusedForBudget,
        String amendmentReason,
        @Schema(description = "the submitted interchange document", implementation = Object.class) @JsonRawValue String snapshot,
        @Schema(description = "IndicatorCheckCompleted findings for this revision", implementation = Object.class) @JsonRawValue String findings,
        @Schema(description = "field changes to the previous revision", implementation = Object.class) @JsonRawValue String changes,
        @Schema(description = "comments of this and the earlier rounds") List<Comment> comments,
        @Schema(description = "each decided stage of this case with its decider and grade (评审等级), in stage order") List<StageGrade> stageGrades,
        @Schema(description = "a report case's period, YYYY-MM") String period,
        @Schema(description = "a report case's revision of the report (a returned report is submitted again as the next)") Integer reportRevision,
        @Schema(description = "a report case's cut-off date") LocalDate asOf,
        @Schema(description = "a report case: the executed amount in yuan at asOf, decimal string") String spent,
        @Schema(description = "a report case: 纠偏措施, the department's corrective measures") String measures,
        @Schema(description = "a report case: who submitted the report") String submittedBy,
        @Schema(description = "a report case: the worst status of rows and budget (ON_TRACK, NOT_ASSESSABLE, AT_RISK, OFF_TRACK)") String overall,
        @Schema(description = "a report case: the report lines as the department stated them (MonitoringLine: index, actual, forecast, likelihood, deviationCause, note, completion, justification)", implementation = Object.class) @JsonRawValue String indicators,
        @Schema(description = "a report case: indicator-service's assessment (overall, rows with status, reason and flags, budget with executionRate, timeProgress, lagPoints, status)", implementation = Object.class) @JsonRawValue String assessment,
        @Schema(description = "a self-evaluation: its score (total, grade, parts with rows, capsApplied, subjectivePoints)", implementation = Object.class) @JsonRawValue String score,
        @Schema(description = "a self-evaluation without a score: why") String scoreUnavailable,
        @Schema(description = "a declaration: the review-time preview of its self-evaluation score (every target met): total, grade,"
                + " subjectivePoints (the points that depend on judgement), parts with each row's weight (points) and subjective flag", implementation = Object.class) @JsonRawValue String preview,
        @Schema(description = "a declaration without a preview: why (e.g. no weights configured for its framework)") String previewUnavailable) {

    /** One decided stage: who decided it, how, and the grade given there (null when none was given). */
    public record StageGrade(int stageIndex, String stage, Decision.Action action, Grade grade, String decidedBy,
            OffsetDateTime decidedAt) {

        static StageGrade of(StageDecision d) {
            return new StageGrade(d.stageIndex(), d.stageName(), d.action(), d.grade(), d.decidedBy(), d.decidedAt());
        }
    }

    public record Comment(int revision, String stage, String field, Integer indicatorIndex, String indicatorName,
            String text, String author, OffsetDateTime createdAt) {

        static Comment of(CaseDetail.RoundComment rc) {
            CaseComment c = rc.comment();
            return new Comment(rc.revision(), c.stage(), c.field(), c.indicatorIndex(), c.indicatorName(), c.text(),
                    c.author(), c.createdAt());
        }
    }

    /** The list form: no snapshot, findings, changes or comments. */
    public static CaseView of(CaseSummary s) {
        ReviewCase c = s.reviewCase();
        return new CaseView(c.id(), c.projectId(), c.revision(), c.kind(), c.budgetYear(), c.departmentCode(),
                c.departmentName(), c.projectName(), c.funding() == null ? null : c.funding().toPlainString(),
                c.status(), c.stageIndex(), c.stageName(), c.assignee(), c.submittedAt(), c.openedAt(), c.stageEnteredAt(),
                s.workingDaysInStage(), s.overdue(), s.flagged(), c.decidedAt(), c.decidedBy(), c.grade(),
                c.approvalNumber(), c.overrideReason(), c.refusedForBudget(), c.amendmentReason(), null, null, null, null,
                null, c.period(), c.reportRevision(), null, null, null, null, null, null, null, null, null, null, null);
    }

    public static CaseView of(CaseDetail d) {
        CaseView v = of(d.summary());
        ReviewCase c = d.summary().reviewCase();
        CaseDetail.Report r = d.report();
        return new CaseView(v.id, v.projectId, v.revision, v.kind, v.budgetYear, v.departmentCode, v.departmentName,
                v.projectName, v.funding, v.status, v.stageIndex, v.stageName, v.assignee, v.submittedAt, v.openedAt,
                v.stageEnteredAt, v.workingDaysInStage, v.overdue, v.flagged, v.decidedAt, v.decidedBy, v.grade,
                v.approvalNumber, v.overrideReason, v.refusedForBudget, v.amendmentReason, c.snapshot(), d.findingsJson(),
                c.changes(), d.comments().stream().map(Comment::of).toList(),
                d.decisions().stream().map(StageGrade::of).toList(), v.period, v.reportRevision,
                r == null ? null : r.asOf(), r == null || r.spent() == null ? null : r.spent().toPlainString(),
                r == null ? null : r.measures(), r == null ? null : r.submittedBy(), r == null ? null : r.overall(),
                r == null ? null : r.indicatorsJson(), r == null ? null : r.assessmentJson(),
                r == null ? null : r.scoreJson(), r == null ? null : r.scoreUnavailable(), d.previewJson(),
                d.previewUnavailable());
    }
}
