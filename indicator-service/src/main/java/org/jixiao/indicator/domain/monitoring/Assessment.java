package org.jixiao.indicator.domain.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The result of assessing a monitoring report against the approved table (双监控: targets and budget).
 *
 * @param overall the worst status of the rows and the budget (NOT_ASSESSABLE rows do not count)
 */
public record Assessment(Status overall, List<RowStatus> rows, Budget budget) {

    /** In order of concern: the worst wins. */
    public enum Status { ON_TRACK, NOT_ASSESSABLE, AT_RISK, OFF_TRACK }

    public static final String TARGET_TOO_LOW = "TARGET_TOO_LOW";

    /** @param flags e.g. TARGET_TOO_LOW, a target the forecast beats by far: set to be easy */
    public record RowStatus(int index, String name, String target, String kind, Status status, String reason,
            List<String> flags) {
    }

    /**
     * @param executionRate spent / funding
     * @param timeProgress the elapsed share of the budget year at asOf
     * @param lagPoints time progress minus execution rate, in percentage points (positive: spending lags)
     */
    public record Budget(BigDecimal funding, BigDecimal spent, BigDecimal executionRate, BigDecimal timeProgress,
            BigDecimal lagPoints, Status status) {
    }

    static Status worst(List<RowStatus> rows, Budget budget) {
        List<Status> all = new ArrayList<>(rows.stream().map(RowStatus::status).toList());
        all.add(budget.status());
        return all.stream().filter(s -> s != Status.NOT_ASSESSABLE).max(Comparator.naturalOrder()).orElse(Status.NOT_ASSESSABLE);
    }

    static LocalDate dateOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
