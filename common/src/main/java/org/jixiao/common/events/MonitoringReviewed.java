package org.jixiao.common.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * data of MonitoringReviewed (approval-service, jixiao.reviews): the finance bureau acknowledged a monitoring
 * report or self-evaluation, or returned it with comments (per row, as for declarations); a returned report
 * becomes editable again in project-service and its next submission is {@code reportRevision + 1}.
 *
 * @param kind MONITORING or SELF_EVALUATION
 * @param outcome ACKNOWLEDGED or RETURNED
 */
public record MonitoringReviewed(
        String period,
        int reportRevision,
        String kind,
        String outcome,
        String reviewedBy,
        OffsetDateTime reviewedAt,
        String comment,
        List<ProjectReturned.ReviewComment> comments) {
}
