package org.jixiao.indicator.domain.checks;

/**
 * What one pre-review policy found: a stable {@code code}, how serious it is, the indicator row it
 * concerns (null for the declaration as a whole) and a message in Chinese and English.
 */
public record Finding(String code, Severity severity, Integer indicatorIndex, String messageZh, String messageEn) {

    /** ERROR findings block nothing by themselves; reviewers and the approval rules read them. */
    public enum Severity { ERROR, WARNING, INFO }
}
