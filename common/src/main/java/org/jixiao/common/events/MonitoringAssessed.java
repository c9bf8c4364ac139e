package org.jixiao.common.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * data of MonitoringAssessed (indicator-service, jixiao.indicator-checks): one submitted report assessed
 * against the approved targets and the budget (双监控), carried with the report and the project's identity so
 * approval-service (case, warnings) and reporting-service (tables) need nothing else. A final report
 * (self-evaluation) also carries its {@code score}, or {@code scoreUnavailable} saying why there is none (e.g.
 * no weights configured for a framework with 成本指标). The envelope's revision is the approved revision.
 */
public record MonitoringAssessed(
        String period,
        int reportRevision,
        LocalDate asOf,
        @JsonProperty("final") boolean finalReport,
        Subject project,
        String spent,
        List<MonitoringLine> indicators,
        String measures,
        String submittedBy,
        Assessment assessment,
        Scoresheet score,
        String scoreUnavailable) {

    /** What the tables and the dashboard show of the project; funding (项目资金) in yuan, two places. */
    public record Subject(String name, String departmentCode, String departmentName, int budgetYear, String funding,
            int approvedRevision) {
    }

    /**
     * @param overall the worst status of rows and budget: ON_TRACK, NOT_ASSESSABLE, AT_RISK, OFF_TRACK
     */
    public record Assessment(String overall, List<RowStatus> rows, Budget budget) {
    }

    /** @param flags e.g. TARGET_TOO_LOW */
    public record RowStatus(int index, String level1, String level2, String name, String target, String kind,
            String status, String reason, List<String> flags) {
    }

    /**
     * executionRate = spent / funding and timeProgress = elapsed share of the year at asOf (four places);
     * lagPoints = time progress minus execution rate in percentage points (two places, positive: spending lags).
     */
    public record Budget(String funding, String spent, String executionRate, String timeProgress, String lagPoints,
            String status) {
    }
}
