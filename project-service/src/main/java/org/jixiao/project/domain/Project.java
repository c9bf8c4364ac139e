package org.jixiao.project.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;

/**
 * A project's 项目支出绩效目标表 and where it stands. The content is the interchange document's; every
 * change of content raises {@code revision}, and a submission freezes the current revision.
 */
@Entity
@Table(name = "project")
public class Project {
    @Id
    private UUID id;
    @Column(name = "external_ref")
    private String externalRef;
    @Column(name = "budget_year")
    private int budgetYear;
    private String name;
    /** 主管部门代码 */
    @Column(name = "department_code")
    private String departmentCode;
    @Column(name = "department_name")
    private String departmentName;
    /** 预算单位代码 */
    @Column(name = "budget_unit_code")
    private String budgetUnitCode;
    @Column(name = "budget_unit_name")
    private String budgetUnitName;
    /** 项目属性 */
    private String attribute;
    /** 项目概况 */
    private String overview;
    /** 立项依据 */
    private String basis;
    /** 项目设立必要性 */
    private String necessity;
    /** 保证项目实施的制度、措施 */
    private String safeguards;
    /** 项目实施计划 */
    @Column(name = "implementation_plan")
    private String implementationPlan;
    /** 年度目标 */
    @Column(name = "annual_goal")
    private String annualGoal;
    /** 实施单位 */
    @Column(name = "implementing_unit")
    private String implementingUnit;
    /** 项目资金（元）, scale as printed */
    private BigDecimal funding;
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "project_indicator", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    private List<IndicatorRow> indicators = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    private ProjectStatus status;
    private int revision;
    @Column(name = "approved_revision")
    private Integer approvedRevision;
    @Column(name = "approval_number")
    private String approvalNumber;
    /** 调整原因 while an amendment of an approved project is in progress. */
    @Column(name = "amendment_reason")
    private String amendmentReason;
    /** Whether a reviewer ever left a comment on a return, so that a read can skip the comments' table otherwise. */
    @Column(name = "has_review_comments")
    private boolean hasReviewComments;
    @Version
    private long version;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_by")
    private String updatedBy;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected Project() {
    }

    public static Project declare(ProjectDocument content, String actor) {
        Project p = new Project();
        p.id = UUID.randomUUID();
        p.status = ProjectStatus.DRAFT;
        p.revision = 1;
        p.createdBy = actor;
        p.createdAt = now();
        p.assign(content, actor);
        return p;
    }

    /** Replaces the whole content while editable; false, and no new revision, when nothing changes. */
    public boolean replaceContent(ProjectDocument content, String actor) {
        requireEditable();
        if (toDocument().equals(withExternalRef(content, externalRef))) {
            return false;
        }
        assign(content, actor);
        revision++;
        return true;
    }

    public void requireEditable() {
        if (!status.editable()) {
            throw DomainException.conflict("not-editable",
                    "a " + status + " project cannot be changed; it can be edited while DRAFT, RETURNED or AMENDING"
                            + (status == ProjectStatus.APPROVED ? " (open an amendment to change an approved project)" : ""));
        }
    }

    /** A resubmission of an unchanged, already frozen revision still needs a revision of its own. */
    public void startNewRevision() {
        revision++;
    }

    public void markSubmitted(String actor) {
        if (!status.editable()) {
            throw DomainException.conflict("not-submittable", "a " + status + " project cannot be submitted");
        }
        status = ProjectStatus.SUBMITTED;
        touch(actor);
    }

    /** Applies the bureau's approval of {@code approvedRev}; false when it does not concern the current revision. */
    public boolean approve(int approvedRev, String number, String actor) {
        if (status != ProjectStatus.SUBMITTED || revision != approvedRev) {
            return false;
        }
        status = ProjectStatus.APPROVED;
        approvedRevision = approvedRev;
        approvalNumber = number;
        amendmentReason = null;
        touch(actor);
        return true;
    }

    /** 调整: reopens an approved project for changes; the approved revision stays in force until the next approval. */
    public void openAmendment(String reason, String actor) {
        if (status != ProjectStatus.APPROVED) {
            throw DomainException.conflict("not-amendable", "only an APPROVED project can be amended; this one is " + status);
        }
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("amendment-needs-reason", "an amendment (调整) needs a reason");
        }
        status = ProjectStatus.AMENDING;
        amendmentReason = reason;
        touch(actor);
    }

    /** A department actor sees only its own department's projects; to anyone else a hidden one does not exist. */
    public boolean isVisibleTo(Actor actor) {
        return actor.mayAccessDepartment(departmentCode);
    }

    public boolean amending() {
        return amendmentReason != null;
    }

    public String amendmentReason() {
        return amendmentReason;
    }

    /** Applies a return of {@code returnedRev}; the next edit starts a new revision. */
    public boolean returnForRevision(int returnedRev, String actor) {
        if (status != ProjectStatus.SUBMITTED || revision != returnedRev) {
            return false;
        }
        status = ProjectStatus.RETURNED;
        touch(actor);
        return true;
    }

    public boolean hasReviewComments() {
        return hasReviewComments;
    }

    public void noteReviewComment() {
        hasReviewComments = true;
    }

    public ProjectDocument toDocument() {
        return new ProjectDocument(externalRef, budgetYear, name, departmentCode, departmentName, budgetUnitCode,
                budgetUnitName, attribute, overview, basis, necessity, safeguards, implementationPlan, annualGoal,
                implementingUnit, funding == null ? null : funding.toPlainString(),
                indicators.stream().map(r -> new ProjectDocument.IndicatorRow(r.level1(), r.level2(), r.name(),
                        r.target(), r.valueBasis(), r.note())).toList());
    }

    private void assign(ProjectDocument d, String actor) {
        externalRef = d.externalRef() != null ? d.externalRef() : externalRef;
        budgetYear = d.budgetYear();
        name = d.name();
        departmentCode = d.departmentCode();
        departmentName = d.departmentName();
        budgetUnitCode = d.budgetUnitCode();
        budgetUnitName = d.budgetUnitName();
        attribute = d.attribute();
        overview = d.overview();
        basis = d.basis();
        necessity = d.necessity();
        safeguards = d.safeguards();
        implementationPlan = d.implementationPlan();
        annualGoal = d.annualGoal();
        implementingUnit = d.implementingUnit();
        funding = d.funding() == null ? null : new BigDecimal(d.funding());
        indicators.clear();
        if (d.indicators() != null) {
            d.indicators().forEach(r -> indicators.add(
                    new IndicatorRow(r.level1(), r.level2(), r.name(), r.target(), r.valueBasis(), r.note())));
        }
        touch(actor);
    }

    private static ProjectDocument withExternalRef(ProjectDocument d, String ref) {
        if (Objects.equals(d.externalRef(), ref) || d.externalRef() != null) {
            return d;
        }
        return new ProjectDocument(ref, d.budgetYear(), d.name(), d.departmentCode(), d.departmentName(),
                d.budgetUnitCode(), d.budgetUnitName(), d.attribute(), d.overview(), d.basis(), d.necessity(),
                d.safeguards(), d.implementationPlan(), d.annualGoal(), d.implementingUnit(), d.funding(),
                d.indicators());
    }

    private void touch(String actor) {
        updatedBy = actor;
        updatedAt = now();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public String externalRef() {
        return externalRef;
    }

    public int budgetYear() {
        return budgetYear;
    }

    public String name() {
        return name;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public String departmentName() {
        return departmentName;
    }

    public String budgetUnitCode() {
        return budgetUnitCode;
    }

    public String budgetUnitName() {
        return budgetUnitName;
    }

    public String attribute() {
        return attribute;
    }

    public BigDecimal funding() {
        return funding;
    }

    public ProjectStatus status() {
        return status;
    }

    public int revision() {
        return revision;
    }

    public Integer approvedRevision() {
        return approvedRevision;
    }

    public String approvalNumber() {
        return approvalNumber;
    }

    public long version() {
        return version;
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
