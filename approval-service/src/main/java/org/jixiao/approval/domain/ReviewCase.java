package org.jixiao.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * 审核案卷: the review of one submitted revision of one project, from opening to the final decision.
 * Holds the snapshot the department submitted, so reviewers never read project-service. A report case
 * (MONITORING, SELF_EVALUATION) reviews one revision of a monitoring report instead: {@code revision} is the
 * approved revision it follows, {@code period} and {@code reportRevision} name the report, and it has no snapshot.
 */
@Entity
@Table(name = "review_case")
public class ReviewCase {
    @Id
    private UUID id;
    @Column(name = "project_id")
    private UUID projectId;
    private int revision;
    @Enumerated(EnumType.STRING)
    private CaseKind kind;
    @Column(name = "budget_year")
    private int budgetYear;
    @Column(name = "department_code")
    private String departmentCode;
    @Column(name = "department_name")
    private String departmentName;
    @Column(name = "project_name")
    private String projectName;
    private BigDecimal funding;
    @Column(name = "indicator_count")
    private int indicatorCount;
    /** The submitted interchange document as JSON. */
    private String snapshot;
    @Column(name = "amendment_reason")
    private String amendmentReason;
    /** JSON list of field changes to the previous revision (or the approved one, for an amendment). */
    private String changes;
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    @Column(name = "stage_index")
    private int stageIndex;
    @Column(name = "stage_name")
    private String stageName;
    private String assignee;
    /** When the department submitted: the start of the lead time. */
    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;
    /** When this service opened the case. */
    @Column(name = "opened_at")
    private OffsetDateTime openedAt;
    @Column(name = "stage_entered_at")
    private OffsetDateTime stageEnteredAt;
    /** When the case becomes overdue at its stage (see {@link WorkingDays#overdueFrom}); meaningful while OPEN. */
    @Column(name = "stage_due_at")
    private OffsetDateTime stageDueAt;
    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Enumerated(EnumType.STRING)
    private Grade grade;
    @Column(name = "approval_number")
    private String approvalNumber;
    @Column(name = "override_reason")
    private String overrideReason;
    /** Returned with a grade that keeps the target out of the budget (差 by default; 不得纳入预算). */
    @Column(name = "refused_for_budget")
    private boolean refusedForBudget;
    /** A report case's period (YYYY-MM); null for declarations. */
    private String period;
    @Column(name = "report_revision")
    private Integer reportRevision;
    @Version
    private long version;

    protected ReviewCase() {
    }

    public record Opening(UUID projectId, int revision, CaseKind kind, int budgetYear, String departmentCode,
            String departmentName, String projectName, BigDecimal funding, int indicatorCount, String snapshot,
            String amendmentReason, String changes, OffsetDateTime submittedAt) {
    }

    public static ReviewCase open(Opening o, ReviewRoute route) {
        ReviewCase c = new ReviewCase();
        c.id = UUID.randomUUID();
        c.projectId = o.projectId();
        c.revision = o.revision();
        c.kind = o.kind();
        c.budgetYear = o.budgetYear();
        c.departmentCode = o.departmentCode();
        c.departmentName = o.departmentName();
        c.projectName = o.projectName();
        c.funding = o.funding();
        c.indicatorCount = o.indicatorCount();
        c.snapshot = o.snapshot();
        c.amendmentReason = o.amendmentReason();
        c.changes = o.changes();
        c.status = CaseStatus.OPEN;
        c.stageIndex = 0;
        c.stageName = route.stage(0).name();
        c.submittedAt = o.submittedAt();
        c.openedAt = OffsetDateTime.now(java.time.ZoneOffset.UTC);
        c.stageEnteredAt = o.submittedAt();
        c.stageDueAt = c.dueAtUnder(route);
        return c;
    }

    /** A monitoring report or self-evaluation to review: what names it and where it is reviewed. */
    public record ReportOpening(UUID projectId, int approvedRevision, String period, int reportRevision,
            boolean finalReport, int budgetYear, String departmentCode, String departmentName, String projectName,
            BigDecimal funding, int indicatorCount, OffsetDateTime submittedAt) {
    }

    public static ReviewCase openReport(ReportOpening o, ReviewRoute route) {
        ReviewCase c = open(new Opening(o.projectId(), o.approvedRevision(), CaseKind.ofReport(o.finalReport()),
                o.budgetYear(), o.departmentCode(), o.departmentName(), o.projectName(), o.funding(),
                o.indicatorCount(), null, null, null, o.submittedAt()), route);
        c.period = o.period();
        c.reportRevision = o.reportRevision();
        return c;
    }

    public void claim(String reviewer) {
        this.assignee = reviewer;
    }

    public void pass(ReviewRoute route, OffsetDateTime at) {
        stageIndex++;
        stageName = route.stage(stageIndex).name();
        stageEnteredAt = at;
        stageDueAt = dueAtUnder(route);
        assignee = null;
    }

    /**
     * When this case becomes overdue at its current stage under {@code route}: the stage's target in working
     * days, counted from the day it entered the stage. A reconfigured route moves the due instant of open cases.
     */
    public OffsetDateTime dueAtUnder(ReviewRoute route) {
        return dueAt(stageEnteredAt, stageIndex, route);
    }

    /** The same for a case known only by when it entered which stage (a route change re-times cases without loading them). */
    public static OffsetDateTime dueAt(OffsetDateTime stageEnteredAt, int stageIndex, ReviewRoute route) {
        return WorkingDays.overdueFrom(stageEnteredAt, route.stage(stageIndex).targetDays());
    }

    /** Working days spent in the current stage by {@code now}. */
    public int workingDaysInStage(OffsetDateTime now) {
        return WorkingDays.between(stageEnteredAt, now);
    }

    /** Open and past its stage's target at {@code now}; a decided case is never overdue. */
    public boolean isOverdue(OffsetDateTime now) {
        return status == CaseStatus.OPEN && !now.isBefore(stageDueAt);
    }

    public void approve(String reviewer, Grade grade, String number, String overrideReason, OffsetDateTime at) {
        close(CaseStatus.APPROVED, reviewer, grade, at);
        this.approvalNumber = number;
        this.overrideReason = overrideReason;
    }

    public void returnToDepartment(String reviewer, Grade grade, OffsetDateTime at) {
        returnToDepartment(reviewer, grade, false, at);
    }

    public void returnToDepartment(String reviewer, Grade grade, boolean refusedForBudget, OffsetDateTime at) {
        close(CaseStatus.RETURNED, reviewer, grade, at);
        this.refusedForBudget = refusedForBudget;
    }

    /** 确认: the bureau took note of a report; the case is closed. */
    public void acknowledge(String reviewer, OffsetDateTime at) {
        close(CaseStatus.ACKNOWLEDGED, reviewer, null, at);
    }

    private void close(CaseStatus outcome, String reviewer, Grade g, OffsetDateTime at) {
        status = outcome;
        decidedBy = reviewer;
        decidedAt = at;
        grade = g;
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public int revision() {
        return revision;
    }

    public CaseKind kind() {
        return kind;
    }

    public int budgetYear() {
        return budgetYear;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public String departmentName() {
        return departmentName;
    }

    public String projectName() {
        return projectName;
    }

    public BigDecimal funding() {
        return funding;
    }

    public int indicatorCount() {
        return indicatorCount;
    }

    public String snapshot() {
        return snapshot;
    }

    public String amendmentReason() {
        return amendmentReason;
    }

    public String changes() {
        return changes;
    }

    public CaseStatus status() {
        return status;
    }

    public int stageIndex() {
        return stageIndex;
    }

    public String stageName() {
        return stageName;
    }

    public String assignee() {
        return assignee;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public OffsetDateTime openedAt() {
        return openedAt;
    }

    public OffsetDateTime stageEnteredAt() {
        return stageEnteredAt;
    }

    public OffsetDateTime stageDueAt() {
        return stageDueAt;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Grade grade() {
        return grade;
    }

    public String approvalNumber() {
        return approvalNumber;
    }

    public String overrideReason() {
        return overrideReason;
    }

    public boolean refusedForBudget() {
        return refusedForBudget;
    }

    public String period() {
        return period;
    }

    public Integer reportRevision() {
        return reportRevision;
    }

    public long version() {
        return version;
    }
}
