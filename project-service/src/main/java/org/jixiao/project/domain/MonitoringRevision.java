package org.jixiao.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** A submitted revision of a monitoring report, frozen as it left (JSON), with the bureau's answer to it. */
@Entity
@Table(name = "monitoring_report_revision")
@IdClass(MonitoringRevision.Key.class)
public class MonitoringRevision {
    @Id
    @Column(name = "report_id")
    private UUID reportId;
    @Id
    @Column(name = "report_revision")
    private int reportRevision;
    @Column(name = "approved_revision")
    private int approvedRevision;
    /** The report as submitted, as JSON. */
    private String content;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;
    /** ACKNOWLEDGED or RETURNED once the bureau answered; null while waiting. */
    @Enumerated(EnumType.STRING)
    private MonitoringStatus outcome;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "reviewed_at")
    private OffsetDateTime reviewedAt;

    protected MonitoringRevision() {
    }

    public MonitoringRevision(UUID reportId, int reportRevision, int approvedRevision, String content, String submittedBy,
            OffsetDateTime submittedAt) {
        this.reportId = reportId;
        this.reportRevision = reportRevision;
        this.approvedRevision = approvedRevision;
        this.content = content;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
    }

    public void reviewed(MonitoringStatus outcome, String reviewer, OffsetDateTime at) {
        this.outcome = outcome;
        this.reviewedBy = reviewer;
        this.reviewedAt = at;
    }

    public UUID reportId() {
        return reportId;
    }

    public int reportRevision() {
        return reportRevision;
    }

    public int approvedRevision() {
        return approvedRevision;
    }

    public String content() {
        return content;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public MonitoringStatus outcome() {
        return outcome;
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    public OffsetDateTime reviewedAt() {
        return reviewedAt;
    }

    public static class Key implements Serializable {
        public UUID reportId;
        public int reportRevision;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.reportRevision == reportRevision && Objects.equals(k.reportId, reportId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reportId, reportRevision);
        }
    }
}
