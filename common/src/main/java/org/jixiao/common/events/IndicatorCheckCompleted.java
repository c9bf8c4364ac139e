package org.jixiao.common.events;

import java.util.List;

/**
 * data of IndicatorCheckCompleted: the automated pre-review findings for one project revision, and how
 * many of its targets the grammar could quantify (for the statistics; null from older producers).
 */
public record IndicatorCheckCompleted(List<Finding> findings, Integer targets, Integer quantifiedTargets) {

    public IndicatorCheckCompleted(List<Finding> findings) {
        this(findings, null, null);
    }

    public enum Severity { ERROR, WARNING, INFO }

    public record Finding(String code, Severity severity, Integer indicatorIndex, String messageZh, String messageEn) {
    }

    public boolean hasErrors() {
        return findings != null && findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
