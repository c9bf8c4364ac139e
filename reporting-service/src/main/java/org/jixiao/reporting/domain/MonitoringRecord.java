package org.jixiao.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One assessed monitoring report (绩效运行监控) or year-end self-evaluation (自评) of a project and period,
 * as the read model keeps it: the figures the year view filters and sorts on, and the assessment as the
 * event carried it ({@code content}, JSON) for the per-project tables. Rates are fractions (0.3000 = 30%),
 * {@code lagPoints} percentage points.
 */
public record MonitoringRecord(UUID projectId, String period, int reportRevision, int approvedRevision, int budgetYear,
        String departmentCode, String departmentName, String projectName, LocalDate asOf, boolean finalReport,
        String overall, BigDecimal funding, BigDecimal spent, BigDecimal executionRate, BigDecimal timeProgress,
        BigDecimal lagPoints, String budgetStatus, int onTrackRows, int atRiskRows, int offTrackRows,
        int notAssessableRows, BigDecimal scoreTotal, String grade, OffsetDateTime assessedAt, String content) {

    /** One project's report for one period. */
    public record Key(UUID projectId, String period) {
    }

    public Key key() {
        return new Key(projectId, period);
    }

    /**
     * Whether this assessment replaces {@code kept}: only a later submission of the period does. An older
     * revision arriving late, or the same one again, changes nothing, so any order ends with the latest.
     */
    public boolean supersedes(MonitoringRecord kept) {
        return kept == null || reportRevision > kept.reportRevision;
    }
}
