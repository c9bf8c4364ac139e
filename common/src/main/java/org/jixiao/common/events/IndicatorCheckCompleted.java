package org.jixiao.common.events;

import java.util.List;

/**
 * data of IndicatorCheckCompleted: the automated pre-review findings for one project revision, how
 * many of its targets the grammar could quantify (for the statistics), and what it read from each
 * target (for open data); the last three are null from older producers. {@code preview} is the review-time
 * preview of the self-evaluation score (自评预览: every target met, points per row, subjectivePoints), or null
 * with {@code previewUnavailable} saying why (e.g. a framework whose weights nobody configured).
 */
public record IndicatorCheckCompleted(List<Finding> findings, Integer targets, Integer quantifiedTargets,
        List<Reading> readings, Scoresheet preview, String previewUnavailable) {

    public IndicatorCheckCompleted(List<Finding> findings) {
        this(findings, null, null, null, null, null);
    }

    public IndicatorCheckCompleted(List<Finding> findings, Integer targets, Integer quantifiedTargets) {
        this(findings, targets, quantifiedTargets, null, null, null);
    }

    public IndicatorCheckCompleted(List<Finding> findings, Integer targets, Integer quantifiedTargets,
            List<Reading> readings) {
        this(findings, targets, quantifiedTargets, readings, null, null);
    }

    /**
     * What the target grammar reads from row {@code index}'s 指标值: its kind and, where it has them, the
     * operator, value (upper bound of a range), unit and deadline (ISO date). Decimals as strings.
     */
    public record Reading(int index, String kind, String operator, String value, String upperValue, String unit,
            String deadline) {
    }

    public enum Severity { ERROR, WARNING, INFO }

    public record Finding(String code, Severity severity, Integer indicatorIndex, String messageZh, String messageEn) {
    }

    public boolean hasErrors() {
        return findings != null && findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
