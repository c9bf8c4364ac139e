package org.jixiao.reporting.domain;

/**
 * indicator-service's pre-review of one revision. The findings stay the JSON the event carried (the
 * statistics count them by code and severity); {@code targets} and {@code quantifiedTargets} are null
 * from producers that did not count them; {@code readingsJson} (what the grammar read from each target,
 * for open data) is null from producers that did not send it.
 */
public record RevisionCheck(String findingsJson, Integer targets, Integer quantifiedTargets, String readingsJson) {
}
