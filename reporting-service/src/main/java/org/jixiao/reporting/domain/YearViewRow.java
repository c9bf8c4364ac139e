package org.jixiao.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One project in the year view of 双监控: its latest assessed report of the year (the period furthest on) with
 * the overall and budget status and how many rows are in each status. Rates are fractions.
 */
public record YearViewRow(UUID projectId, String projectName, String departmentCode, String departmentName,
        String period, LocalDate asOf, int reportRevision, boolean finalReport, String overall, BigDecimal funding,
        BigDecimal spent, BigDecimal executionRate, BigDecimal timeProgress, BigDecimal lagPoints, String budgetStatus,
        int onTrackRows, int atRiskRows, int offTrackRows, int notAssessableRows, BigDecimal scoreTotal, String grade) {

    /** Which projects the year view lists: a year, optionally one department and one overall status. */
    public record Filter(int budgetYear, String departmentCode, MonitoringStatus status) {
    }
}
