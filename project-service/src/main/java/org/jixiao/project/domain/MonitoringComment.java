package org.jixiao.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 退回意见 on a returned monitoring report, optionally anchored to a field or indicator row. */
@Entity
@Table(name = "monitoring_comment")
public class MonitoringComment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "report_id")
    private UUID reportId;
    @Column(name = "report_revision")
    private int reportRevision;
    private String field;
    @Column(name = "indicator_index")
    private Integer indicatorIndex;
    @Column(name = "indicator_name")
    private String indicatorName;
    private String text;
    private String author;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected MonitoringComment() {
    }

    public MonitoringComment(UUID reportId, int reportRevision, String field, Integer indicatorIndex,
            String indicatorName, String text, String author, OffsetDateTime createdAt) {
        this.reportId = reportId;
        this.reportRevision = reportRevision;
        this.field = field;
        this.indicatorIndex = indicatorIndex;
        this.indicatorName = indicatorName;
        this.text = text;
        this.author = author;
        this.createdAt = createdAt;
    }

    public int reportRevision() {
        return reportRevision;
    }

    public String field() {
        return field;
    }

    public Integer indicatorIndex() {
        return indicatorIndex;
    }

    public String indicatorName() {
        return indicatorName;
    }

    public String text() {
        return text;
    }

    public String author() {
        return author;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
