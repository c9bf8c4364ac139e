package org.jixiao.reporting.domain;

/**
 * indicator-service's pre-review of one revision. The findings stay the JSON the event carried (the
 * statistics count them by code and severity); {@code targets} and {@code quantifiedTargets} are null
 * from producers that did not count them.
 */
public record RevisionCheck(String findingsJson, Integer targets, Integer quantifiedTargets) {
}
