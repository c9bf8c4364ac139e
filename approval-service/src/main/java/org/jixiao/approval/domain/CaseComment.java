package org.jixiao.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A reviewer's comment on a case, anchored to a field or an indicator row when given; the table refuses updates and deletes. */
@Entity
@Immutable
@Table(name = "case_comment")
public class CaseComment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private UUID caseId;
    private String stage;
    private String field;
    @Column(name = "indicator_index")
    private Integer indicatorIndex;
    @Column(name = "indicator_name")
    private String indicatorName;
    private String text;
    private String author;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected CaseComment() {
    }

    public CaseComment(UUID caseId, String stage, String field, Integer indicatorIndex, String indicatorName,
            String text, String author, OffsetDateTime createdAt) {
        this.caseId = caseId;
        this.stage = stage;
        this.field = field;
        this.indicatorIndex = indicatorIndex;
        this.indicatorName = indicatorName;
        this.text = text;
        this.author = author;
        this.createdAt = createdAt;
    }

    public UUID caseId() {
        return caseId;
    }

    public String stage() {
        return stage;
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
