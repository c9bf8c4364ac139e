package org.jixiao.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 退回意见: a reviewer's comment on a returned revision, optionally anchored to a field or indicator row. */
@Entity
@Table(name = "review_comment")
public class ReviewComment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "project_id")
    private UUID projectId;
    private int revision;
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

    protected ReviewComment() {
    }

    public ReviewComment(UUID projectId, int revision, String stage, String field, Integer indicatorIndex,
            String indicatorName, String text, String author, OffsetDateTime createdAt) {
        this.projectId = projectId;
        this.revision = revision;
        this.stage = stage;
        this.field = field;
        this.indicatorIndex = indicatorIndex;
        this.indicatorName = indicatorName;
        this.text = text;
        this.author = author;
        this.createdAt = createdAt;
    }

    public int revision() {
        return revision;
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
