package org.jixiao.approval.domain;

/** Which warnings the dashboard lists: one budget year, optionally one department. */
public record WarningFilter(int budgetYear, String departmentCode) {

    public WarningFilter withDepartment(String code) {
        return new WarningFilter(budgetYear, code);
    }
}
