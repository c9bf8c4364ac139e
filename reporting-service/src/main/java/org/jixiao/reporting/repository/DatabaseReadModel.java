package org.jixiao.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.reporting.domain.MonitoringRecord;
import org.jixiao.reporting.domain.ReadModel;
import org.jixiao.reporting.domain.ReportProject;
import org.jixiao.reporting.domain.RevisionCheck;

/** The live read model: the reporting tables, written inside the transaction of the event being applied. */
@ApplicationScoped
public class DatabaseReadModel implements ReadModel {
    private final ReportProjectRepository projects;
    private final RevisionStore revisions;
    private final MonitoringRepository monitoring;

    public DatabaseReadModel(ReportProjectRepository projects, RevisionStore revisions, MonitoringRepository monitoring) {
        this.projects = projects;
        this.revisions = revisions;
        this.monitoring = monitoring;
    }

    /** Locked: another instance may be applying an event of the same project from another topic. */
    @Override
    public Optional<ReportProject> project(UUID id) {
        return projects.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public void add(ReportProject project) {
        projects.persist(project);
    }

    @Override
    public void saveDocument(UUID projectId, int revision, ProjectDocument document) {
        revisions.saveDocument(projectId, revision, document);
    }

    @Override
    public void saveCheck(UUID projectId, int revision, RevisionCheck check) {
        revisions.saveCheck(projectId, revision, check);
    }

    @Override
    public void saveSubmittedAt(UUID projectId, int revision, OffsetDateTime at) {
        revisions.saveSubmittedAt(projectId, revision, at);
    }

    @Override
    public Optional<OffsetDateTime> submittedAt(UUID projectId, int revision) {
        return revisions.submittedAt(projectId, revision);
    }

    @Override
    public void saveReturned(UUID projectId, int revision) {
        revisions.saveReturned(projectId, revision);
    }

    @Override
    public boolean returned(UUID projectId, int revision) {
        return revisions.returned(projectId, revision);
    }

    @Override
    public void saveMonitoring(MonitoringRecord report) {
        monitoring.saveIfLater(report);
    }
}
