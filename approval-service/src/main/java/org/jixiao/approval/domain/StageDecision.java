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

/**
 * Who decided one stage of a case, how, and with which grade (评审等级). The four-eyes rule reads these;
 * the case shows them as its stage grades. The table refuses updates and deletes, as the history does.
 */
@Entity
@Immutable
@Table(name = "stage_decision")
public class StageDecision {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "stage_index")
    private int stageIndex;
    @Column(name = "stage_name")
    private String stageName;
    @Enumerated(EnumType.STRING)
    private Decision.Action action;
    @Column(name = "decided_by")
    private String decidedBy;
    @Enumerated(EnumType.STRING)
    private Grade grade;
    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    protected StageDecision() {
    }

    public StageDecision(UUID caseId, int stageIndex, String stageName, Decision.Action action, String decidedBy,
            Grade grade, OffsetDateTime decidedAt) {
        this.caseId = caseId;
        this.stageIndex = stageIndex;
        this.stageName = stageName;
        this.action = action;
        this.decidedBy = decidedBy;
        this.grade = grade;
        this.decidedAt = decidedAt;
    }

    public UUID caseId() {
        return caseId;
    }

    public int stageIndex() {
        return stageIndex;
    }

    public String stageName() {
        return stageName;
    }

    public Decision.Action action() {
        return action;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Grade grade() {
        return grade;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }
}
