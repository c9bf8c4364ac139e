package org.jixiao.approval.domain;

/** Which warnings the dashboard lists; a null year or department means all. */
public record WarningFilter(Integer budgetYear, String departmentCode) {

    public WarningFilter withDepartment(String code) {
        return new WarningFilter(budgetYear, code);
    }
}
