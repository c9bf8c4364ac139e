package org.jixiao.reporting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jixiao.common.contract.ProjectDocument;

/**
 * A project as the reports see it: its latest revision and status, and the approved revision that
 * the published tables show. Events may arrive out of order across topics, so every transition
 * compares revisions instead of trusting arrival order.
 */
@Entity
@Table(name = "report_project")
public class ReportProject {
    @Id
    @Column(name = "project_id")
    private UUID projectId;
    @Column(name = "budget_year")
    private int budgetYear;
    @Column(name = "department_code")
    private String departmentCode;
    @Enumerated(EnumType.STRING)
    private ReportStatus status;
    @Column(name = "latest_revision")
    private int latestRevision;
    @Column(name = "approved_revision")
    private Integer approvedRevision;
    @Column(name = "approval_number")
    private String approvalNumber;
    @Column(name = "approved_by")
    private String approvedBy;
    @Column(name = "approved_at")
    private OffsetDateTime approvedAt;
    private String grade;
    @Column(name = "budget_unit_code")
    private String budgetUnitCode;
    @Column(name = "budget_unit_name")
    private String budgetUnitName;
    @Column(name = "project_name")
    private String projectName;
    private BigDecimal funding;
    /** When the approved revision was submitted: the start of its lead time. */
    @Column(name = "approved_submitted_at")
    private OffsetDateTime approvedSubmittedAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected ReportProject() {
    }

    public static ReportProject first(UUID projectId, ProjectDocument doc) {
        ReportProject p = new ReportProject();
        p.projectId = projectId;
        p.budgetYear = doc.budgetYear();
        p.departmentCode = doc.departmentCode();
        p.latestRevision = 0;
        p.status = ReportStatus.SUBMITTED;
        p.touch();
        return p;
    }

    /**
     * A revision was submitted (or amended) at {@code at}. When it is the approved one, arriving after its
     * approval, it supplies the start of the approval's lead time that the approval could not know yet.
     */
    public void onSubmitted(int revision, ProjectDocument doc, OffsetDateTime at) {
        if (approvedRevision != null && approvedRevision == revision && approvedSubmittedAt == null) {
            approvedSubmittedAt = at;
        }
        if (revision > latestRevision) {
            latestRevision = revision;
            status = ReportStatus.SUBMITTED;
            departmentCode = doc.departmentCode();
        }
        touch();
    }

    /** A return counts only for the latest revision while it awaits a decision: a later submission or its approval outranks it. */
    public void onReturned(int revision) {
        if (revision > latestRevision || (revision == latestRevision && status == ReportStatus.SUBMITTED)) {
            latestRevision = revision;
            status = ReportStatus.RETURNED;
        }
        touch();
    }

    /**
     * A revision was approved: the published tables show the highest approved revision, whatever the
     * order approvals arrive in. {@code submittedAt} is when that revision was submitted, or null while
     * its submission has not been seen.
     */
    public void onApproved(int revision, ProjectDocument doc, Approval approval, OffsetDateTime submittedAt) {
        if (approvedRevision == null || revision >= approvedRevision) {
            approvedSubmittedAt = submittedAt;
            approvedRevision = revision;
            approvalNumber = approval.number();
            approvedBy = approval.by();
            approvedAt = approval.at();
            grade = approval.grade();
            budgetUnitCode = doc.budgetUnitCode();
            budgetUnitName = doc.budgetUnitName() != null ? doc.budgetUnitName() : doc.departmentName();
            projectName = doc.name();
            funding = doc.funding() == null ? null : new BigDecimal(doc.funding());
        }
        if (revision >= latestRevision) {
            latestRevision = revision;
            status = ReportStatus.APPROVED;
        }
        touch();
    }

    private void touch() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Everything the reports read, for comparing two models (rebuilt and incremental). */
    public String state() {
        return String.join("|", String.valueOf(projectId), String.valueOf(budgetYear), departmentCode, String.valueOf(status),
                String.valueOf(latestRevision), String.valueOf(approvedRevision), approvalNumber, approvedBy,
                approvedAt == null ? null : approvedAt.toInstant().toString(),
                approvedSubmittedAt == null ? null : approvedSubmittedAt.toInstant().toString(), grade, budgetUnitCode, budgetUnitName,
                projectName, funding == null ? null : funding.toPlainString());
    }

    public UUID projectId() {
        return projectId;
    }

    public int budgetYear() {
        return budgetYear;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public ReportStatus status() {
        return status;
    }

    public int latestRevision() {
        return latestRevision;
    }

    public Integer approvedRevision() {
        return approvedRevision;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public String grade() {
        return grade;
    }

    public OffsetDateTime approvedAt() {
        return approvedAt;
    }

    public OffsetDateTime approvedSubmittedAt() {
        return approvedSubmittedAt;
    }

    public String approvalNumber() {
        return approvalNumber;
    }

    public String budgetUnitCode() {
        return budgetUnitCode;
    }

    public String budgetUnitName() {
        return budgetUnitName;
    }

    public String projectName() {
        return projectName;
    }

    public BigDecimal funding() {
        return funding;
    }
}
