package org.jixiao.reporting.domain;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jixiao.common.contract.ProjectDocument;

/**
 * Where {@link ReadModelFold} writes: the database for live events, memory for a rebuild's batch (written to the
 * tables after it). Both hold the same things, so a rebuilt model can replace the live one.
 */
public interface ReadModel {
    Optional<ReportProject> project(UUID id);

    void add(ReportProject project);

    /** Replaces the revision's document: a submission and an approval of one revision carry the same one. */
    void saveDocument(UUID projectId, int revision, ProjectDocument document);

    void saveCheck(UUID projectId, int revision, RevisionCheck check);

    /** Keeps the first time seen, so that a redelivery cannot move a lead time. */
    void saveSubmittedAt(UUID projectId, int revision, OffsetDateTime at);

    Optional<OffsetDateTime> submittedAt(UUID projectId, int revision);

    /** Remembers that the bureau returned this revision, whether or not its submission has arrived yet. */
    void saveReturned(UUID projectId, int revision);

    boolean returned(UUID projectId, int revision);

    /**
     * Keeps the assessed monitoring report of its project and period when it {@link MonitoringRecord#supersedes
     * supersedes} the one kept: the latest report revision wins whatever the order of arrival.
     */
    void saveMonitoring(MonitoringRecord report);
}
