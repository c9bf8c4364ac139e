package org.jixiao.approval.domain;

import java.util.UUID;

/**
 * Which cases a list shows; every criterion is optional. {@code overdue=true} keeps the open cases past
 * their stage's target, {@code overdue=false} every other case (decided ones included).
 */
public record CaseFilter(CaseStatus status, Integer stageIndex, String departmentCode, UUID projectId,
        Integer budgetYear, String assignee, Boolean overdue, CaseKind kind) {

    public CaseFilter(CaseStatus status, Integer stageIndex, String departmentCode, UUID projectId,
            Integer budgetYear, String assignee, Boolean overdue) {
        this(status, stageIndex, departmentCode, projectId, budgetYear, assignee, overdue, null);
    }

    /** The open cases one reviewer holds. */
    public static CaseFilter heldBy(String assignee) {
        return new CaseFilter(CaseStatus.OPEN, null, null, null, null, assignee, null);
    }

    public CaseFilter withDepartment(String code) {
        return new CaseFilter(status, stageIndex, code, projectId, budgetYear, assignee, overdue, kind);
    }
}
