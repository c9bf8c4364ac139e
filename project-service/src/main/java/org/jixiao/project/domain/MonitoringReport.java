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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jixiao.common.domain.DomainException;

/**
 * A project's monitoring report (绩效运行监控) for one period, or with {@code finalReport} its year-end
 * self-evaluation (自评): editable while DRAFT or RETURNED, frozen as revision 1, 2, … by each submission,
 * then acknowledged or returned by the finance bureau.
 */
@Entity
@Table(name = "monitoring_report")
public class MonitoringReport {
    @Id
    private UUID id;
    @Column(name = "project_id")
    private UUID projectId;
    /** YYYY-MM */
    private String period;
    @Enumerated(EnumType.STRING)
    private MonitoringStatus status;
    @Column(name = "final")
    private boolean finalReport;
    /** 截止日期 of the figures */
    @Column(name = "as_of")
    private LocalDate asOf;
    /** 执行金额 (元) at asOf */
    private BigDecimal spent;
    /** 纠偏措施 */
    private String measures;
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "monitoring_line", joinColumns = @JoinColumn(name = "report_id"))
    @OrderColumn(name = "position")
    private List<ReportLine> lines = new ArrayList<>();
    @Column(name = "approved_revision")
    private int approvedRevision;
    @Column(name = "report_revision")
    private int reportRevision;
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
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "reviewed_at")
    private OffsetDateTime reviewedAt;

    protected MonitoringReport() {
    }

    /** A new DRAFT about {@code approvedRevision} of the project. */
    public static MonitoringReport start(UUID projectId, MonitoringContent content, int approvedRevision, String actor) {
        MonitoringReport r = new MonitoringReport();
        r.id = UUID.randomUUID();
        r.projectId = projectId;
        r.period = content.period().toString();
        r.status = MonitoringStatus.DRAFT;
        r.reportRevision = 0;
        r.createdBy = actor;
        r.createdAt = now();
        r.assign(content, approvedRevision, actor);
        return r;
    }

    /** Replaces the content while DRAFT or RETURNED; the period is the report's identity and cannot change. */
    public void replaceContent(MonitoringContent content, int approvedRevision, String actor) {
        requireEditable();
        if (!content.period().toString().equals(period)) {
            throw DomainException.invalid("immutable-field", "the period of a report cannot change; write a report of "
                    + content.period() + " instead");
        }
        assign(content, approvedRevision, actor);
    }

    public void requireEditable() {
        if (!status.editable()) {
            throw DomainException.conflict("not-editable", "a " + status + " report cannot be changed; it can be edited"
                    + " while DRAFT or RETURNED" + (status == MonitoringStatus.SUBMITTED ? " (wait for the bureau's review)" : ""));
        }
    }

    /** Freezes the next revision against {@code approved}, the approved revision in force now. */
    public void submit(int approved, String actor) {
        if (!status.editable()) {
            throw DomainException.conflict("not-submittable", "a " + status + " report cannot be submitted; only a DRAFT"
                    + " or RETURNED one can");
        }
        approvedRevision = approved;
        reportRevision++;
        status = MonitoringStatus.SUBMITTED;
        submittedBy = actor;
        submittedAt = now();
        touch(actor);
    }

    /** The bureau acknowledged revision {@code revision}; false (nothing changes) unless it is the one waiting. */
    public boolean acknowledge(int revision, String reviewer, OffsetDateTime at) {
        return review(revision, MonitoringStatus.ACKNOWLEDGED, reviewer, at);
    }

    /** The bureau returned revision {@code revision}: editable again; false unless it is the one waiting. */
    public boolean returnForRevision(int revision, String reviewer, OffsetDateTime at) {
        return review(revision, MonitoringStatus.RETURNED, reviewer, at);
    }

    private boolean review(int revision, MonitoringStatus outcome, String reviewer, OffsetDateTime at) {
        if (status != MonitoringStatus.SUBMITTED || reportRevision != revision) {
            return false;
        }
        status = outcome;
        reviewedBy = reviewer;
        reviewedAt = at != null ? at : now();
        return true;
    }

    /** The content as it stands, e.g. to check it again at submission. */
    public MonitoringContent content() {
        return new MonitoringContent(YearMonth.parse(period), asOf, spent, finalReport, List.copyOf(lines), measures);
    }

    private void assign(MonitoringContent c, int approved, String actor) {
        finalReport = c.finalReport();
        asOf = c.asOf();
        spent = c.spent();
        measures = c.measures();
        lines.clear();
        lines.addAll(c.lines());
        approvedRevision = approved;
        touch(actor);
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

    public UUID projectId() {
        return projectId;
    }

    public String period() {
        return period;
    }

    public MonitoringStatus status() {
        return status;
    }

    public boolean finalReport() {
        return finalReport;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public BigDecimal spent() {
        return spent;
    }

    public String measures() {
        return measures;
    }

    public List<ReportLine> lines() {
        return List.copyOf(lines);
    }

    public int approvedRevision() {
        return approvedRevision;
    }

    public int reportRevision() {
        return reportRevision;
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

    public String submittedBy() {
        return submittedBy;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    public OffsetDateTime reviewedAt() {
        return reviewedAt;
    }
}
