package org.jixiao.indicator.domain.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * A scored table. Every figure is exact (divisions carried to 34 significant digits); the REST layer
 * rounds for display, and {@code total} is the exact sum rounded once, so a fully met table scores
 * 100.00 however many rows share a group's weight.
 *
 * @param assumedMet what had no actual and was counted as met: row indices, and {@code -1} for 预算执行率.
 *     At review time, before anything is spent, everything is assumed met (the preview).
 * @param unplaced rows whose 一级指标 is not a group of the year's framework: scored nowhere
 */
public record Scorecard(BigDecimal total, String grade, List<Part> parts, List<AppliedCap> capsApplied,
        BigDecimal subjectivePoints, List<Integer> assumedMet, List<Integer> unplaced) {

    public static final int EXECUTION = -1;

    /** 预算执行率 has no rows; a level-1 group's rows share its weight equally. */
    public record Part(String part, BigDecimal weight, BigDecimal score, List<RowScore> rows) {
    }

    /**
     * @param subjective its completion is a judgement (qualitative or descriptive target), not a measurement
     * @param basis how the completion was found: MEASURED, STATED (the department's completion), DEADLINE, ASSUMED
     */
    public record RowScore(int index, String name, String kind, BigDecimal weight, BigDecimal completion, BigDecimal score,
            boolean subjective, String basis) {
    }

    public record AppliedCap(BigDecimal executionRateBelow, BigDecimal maxTotal, BigDecimal totalBefore) {
    }
}
