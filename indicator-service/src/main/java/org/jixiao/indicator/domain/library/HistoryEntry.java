package org.jixiao.indicator.domain.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 历史标准: a target a department had approved for a library indicator in a budget year. */
@Entity
@Table(name = "library_history")
public class HistoryEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "indicator_id")
    private UUID indicatorId;
    @Column(name = "department_code")
    private String departmentCode;
    @Column(name = "budget_year")
    private int budgetYear;
    @Column(name = "project_id")
    private UUID projectId;
    private int revision;
    @Column(name = "project_name")
    private String projectName;
    private String target;
    @Column(name = "approved_at")
    private OffsetDateTime approvedAt;

    protected HistoryEntry() {
    }

    public HistoryEntry(UUID indicatorId, String departmentCode, int budgetYear, UUID projectId, int revision,
            String projectName, String target, OffsetDateTime approvedAt) {
        this.indicatorId = indicatorId;
        this.departmentCode = departmentCode;
        this.budgetYear = budgetYear;
        this.projectId = projectId;
        this.revision = revision;
        this.projectName = projectName;
        this.target = target;
        this.approvedAt = approvedAt;
    }

    public UUID indicatorId() {
        return indicatorId;
    }

    public String departmentCode() {
        return departmentCode;
    }

    public int budgetYear() {
        return budgetYear;
    }

    public UUID projectId() {
        return projectId;
    }

    public String projectName() {
        return projectName;
    }

    public String target() {
        return target;
    }

    public OffsetDateTime approvedAt() {
        return approvedAt;
    }
}
