package org.jixiao.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One line of a case's audit trail (审核记录); the table refuses updates and deletes. */
@Entity
@Immutable
@Table(name = "case_history")
public class HistoryEntry {
    public enum Action { OPENED, CLAIMED, ASSIGNED, PASSED, RETURNED, APPROVED, OVERRIDDEN, COMMENTED, FINDINGS_RECEIVED, ACKNOWLEDGED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private UUID caseId;
    private OffsetDateTime at;
    private String actor;
    @Enumerated(EnumType.STRING)
    private Action action;
    private String stage;
    @Column(name = "from_status")
    private String fromStatus;
    @Column(name = "to_status")
    private String toStatus;
    private String detail;
    /** The grade a decision gave at its stage (PASSED, APPROVED, RETURNED); null otherwise. */
    @Enumerated(EnumType.STRING)
    private Grade grade;

    protected HistoryEntry() {
    }

    public HistoryEntry(UUID caseId, OffsetDateTime at, String actor, Action action, String stage, String fromStatus,
            String toStatus, String detail) {
        this(caseId, at, actor, action, stage, fromStatus, toStatus, detail, null);
    }

    public HistoryEntry(UUID caseId, OffsetDateTime at, String actor, Action action, String stage, String fromStatus,
            String toStatus, String detail, Grade grade) {
        this.grade = grade;
        this.caseId = caseId;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.stage = stage;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.detail = detail;
    }

    public Long id() {
        return id;
    }

    public OffsetDateTime at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public Action action() {
        return action;
    }

    public String stage() {
        return stage;
    }

    public String fromStatus() {
        return fromStatus;
    }

    public String toStatus() {
        return toStatus;
    }

    public String detail() {
        return detail;
    }

    public Grade grade() {
        return grade;
    }
}
