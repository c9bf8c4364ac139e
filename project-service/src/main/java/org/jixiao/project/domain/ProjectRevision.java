package org.jixiao.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A frozen revision: the document exactly as it was submitted (申报), amended (调整) or written by the
 * provincial platform's import; {@code submittedBy} is who made it (the integration's subject for an import).
 */
@Entity
@Table(name = "project_revision")
@IdClass(ProjectRevision.Key.class)
public class ProjectRevision {
    public enum Kind { SUBMISSION, AMENDMENT, IMPORT }

    @Id
    @Column(name = "project_id")
    private UUID projectId;
    @Id
    private int revision;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;
    private String reason;
    /** The interchange document as JSON. */
    private String document;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    protected ProjectRevision() {
    }

    public ProjectRevision(UUID projectId, int revision, Kind kind, String reason, String document, String submittedBy,
            OffsetDateTime submittedAt) {
        this.projectId = projectId;
        this.revision = revision;
        this.kind = kind;
        this.reason = reason;
        this.document = document;
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
    }

    public UUID projectId() {
        return projectId;
    }

    public int revision() {
        return revision;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }

    public String document() {
        return document;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public static class Key implements Serializable {
        public UUID projectId;
        public int revision;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.revision == revision && java.util.Objects.equals(k.projectId, projectId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(projectId, revision);
        }
    }
}
