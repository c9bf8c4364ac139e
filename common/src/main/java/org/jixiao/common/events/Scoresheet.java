package org.jixiao.common.events;

import java.util.List;

/**
 * A table scored by the year's self-evaluation policy (自评): points and totals as decimal strings rounded
 * half-up to two places for display (the total is the exact sum rounded once), completions to four places.
 * In an IndicatorCheckCompleted it is the review-time preview: nothing measured yet, every target assumed met,
 * and {@code subjectivePoints} tells how many of the 100 points depend on judgement rather than measurement.
 */
public record Scoresheet(String total, String grade, List<Part> parts, List<Cap> capsApplied, String subjectivePoints) {

    /** 预算执行率 (no rows) or a level-1 group (产出指标, 效益指标, 满意度指标, …) with its rows. */
    public record Part(String part, String weight, String score, List<Row> rows) {
    }

    /**
     * @param subjective qualitative or descriptive target: its completion is a judgement
     * @param basis MEASURED, STATED (the department's completion), DEADLINE or ASSUMED (preview)
     */
    public record Row(int index, String name, String kind, String weight, String completion, String score,
            boolean subjective, String basis) {
    }

    /** A local cap that bit: execution rate below {@code executionRateBelow} caps the total at {@code maxTotal}. */
    public record Cap(String executionRateBelow, String maxTotal, String totalBefore) {
    }
}
