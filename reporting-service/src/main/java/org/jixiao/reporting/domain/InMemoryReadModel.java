package org.jixiao.reporting.domain;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jixiao.common.contract.ProjectDocument;

/**
 * A read model in memory: what a rebuild folds one batch of events into, on top of the rows of the batch's projects
 * loaded from the tables, before it writes the batch back (and what the fold's unit tests fold into).
 */
public final class InMemoryReadModel implements ReadModel {

    /** One revision of one project. */
    public record Key(UUID projectId, int revision) {
    }

    private final Map<UUID, ReportProject> projects = new LinkedHashMap<>();
    private final Map<Key, ProjectDocument> documents = new HashMap<>();
    private final Map<Key, RevisionCheck> checks = new HashMap<>();
    private final Map<Key, OffsetDateTime> submitted = new HashMap<>();
    private final java.util.Set<Key> returns = new java.util.HashSet<>();
    private final Map<MonitoringRecord.Key, MonitoringRecord> monitoring = new HashMap<>();

    @Override
    public Optional<ReportProject> project(UUID id) {
        return Optional.ofNullable(projects.get(id));
    }

    @Override
    public void add(ReportProject project) {
        projects.put(project.projectId(), project);
    }

    @Override
    public void saveDocument(UUID projectId, int revision, ProjectDocument document) {
        documents.put(new Key(projectId, revision), document);
    }

    @Override
    public void saveCheck(UUID projectId, int revision, RevisionCheck check) {
        checks.put(new Key(projectId, revision), check);
    }

    @Override
    public void saveSubmittedAt(UUID projectId, int revision, OffsetDateTime at) {
        submitted.putIfAbsent(new Key(projectId, revision), at);
    }

    @Override
    public Optional<OffsetDateTime> submittedAt(UUID projectId, int revision) {
        return Optional.ofNullable(submitted.get(new Key(projectId, revision)));
    }

    @Override
    public void saveReturned(UUID projectId, int revision) {
        returns.add(new Key(projectId, revision));
    }

    @Override
    public boolean returned(UUID projectId, int revision) {
        return returns.contains(new Key(projectId, revision));
    }

    @Override
    public void saveMonitoring(MonitoringRecord report) {
        monitoring.merge(report.key(), report, (kept, arriving) -> arriving.supersedes(kept) ? arriving : kept);
    }

    public Collection<MonitoringRecord> monitoringReports() {
        return Collections.unmodifiableCollection(monitoring.values());
    }

    public java.util.Set<Key> returnedRevisions() {
        return Collections.unmodifiableSet(returns);
    }

    public Collection<ReportProject> projects() {
        return Collections.unmodifiableCollection(projects.values());
    }

    public Map<Key, ProjectDocument> documents() {
        return Collections.unmodifiableMap(documents);
    }

    public Map<Key, RevisionCheck> checks() {
        return Collections.unmodifiableMap(checks);
    }

    public Map<Key, OffsetDateTime> submittedTimes() {
        return Collections.unmodifiableMap(submitted);
    }
}
