package org.jixiao.common.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jixiao.common.contract.ProjectDocument;

/**
 * data of MonitoringReported (project-service, jixiao.projects): a submitted monitoring report, or with
 * {@code final} the year-end self-evaluation (period YYYY-12), carried in full together with the approved
 * revision it reports on, so no consumer calls project-service. The envelope's revision is
 * {@code approvedRevision}; {@code reportRevision} counts the report's own submissions for its period (1, 2, …
 * after returns).
 */
public record MonitoringReported(
        String period,
        int reportRevision,
        LocalDate asOf,
        /** executed amount in yuan at asOf, two places. */
        String spent,
        @JsonProperty("final") boolean finalReport,
        List<MonitoringLine> indicators,
        /** 纠偏措施. */
        String measures,
        String submittedBy,
        OffsetDateTime submittedAt,
        int approvedRevision,
        ProjectDocument project) {
}
