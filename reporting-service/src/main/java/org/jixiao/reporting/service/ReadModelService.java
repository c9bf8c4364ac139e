package org.jixiao.reporting.service;

import org.jixiao.common.contract.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.IndicatorCheckCompleted;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.reporting.domain.ReportProject;
import org.jixiao.reporting.repository.ReportProjectRepository;
import org.jixiao.reporting.repository.RevisionStore;

/**
 * Folds events into a read model. The same fold serves the live consumer (into the database, inside the
 * inbox's transaction) and the rebuild (into memory, then swapped in), so both build the same model.
 */
@ApplicationScoped
public class ReadModelService {
    private static final Logger LOG = Logger.getLogger(ReadModelService.class);

    /** Where a fold writes: the database, or the rebuild's memory. */
    public interface Sink {
        Optional<ReportProject> project(UUID id);

        void add(ReportProject project);

        void saveDocument(UUID projectId, int revision, String documentJson);

        void saveFindings(UUID projectId, int revision, String findingsJson, Integer targets, Integer quantified);

        void saveSubmittedAt(UUID projectId, int revision, java.time.OffsetDateTime at);

        Optional<java.time.OffsetDateTime> submittedAt(UUID projectId, int revision);
    }

    private final EventCodec codec;
    private final ObjectMapper json;
    private final Sink database;

    public ReadModelService(EventCodec codec, ObjectMapper json, ReportProjectRepository projects, RevisionStore revisions) {
        this.codec = codec;
        this.json = json;
        this.database = new Sink() {
            @Override
            public Optional<ReportProject> project(UUID id) {
                return projects.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
            }

            @Override
            public void add(ReportProject project) {
                projects.persist(project);
            }

            @Override
            public void saveDocument(UUID projectId, int revision, String documentJson) {
                revisions.saveDocument(projectId, revision, documentJson);
            }

            @Override
            public void saveFindings(UUID projectId, int revision, String findingsJson, Integer targets, Integer quantified) {
                revisions.saveFindings(projectId, revision, findingsJson, targets, quantified);
            }

            @Override
            public void saveSubmittedAt(UUID projectId, int revision, java.time.OffsetDateTime at) {
                revisions.saveSubmittedAt(projectId, revision, at);
            }

            @Override
            public Optional<java.time.OffsetDateTime> submittedAt(UUID projectId, int revision) {
                return revisions.submittedAt(projectId, revision);
            }
        };
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        apply(event, database);
    }

    public void apply(EventEnvelope event, Sink sink) {
        switch (event.eventType()) {
            case EventTypes.PROJECT_SUBMITTED, EventTypes.PROJECT_AMENDED -> {
                ProjectDocument doc = codec.data(event, ProjectSubmitted.class).project();
                sink.saveDocument(event.projectId(), event.revision(), write(doc));
                sink.saveSubmittedAt(event.projectId(), event.revision(), event.occurredAt());
                project(event.projectId(), doc, sink).submitted(event.revision(), doc, event.occurredAt());
            }
            case EventTypes.PROJECT_APPROVED -> {
                ProjectApproved data = codec.data(event, ProjectApproved.class);
                sink.saveDocument(event.projectId(), event.revision(), write(data.project()));
                project(event.projectId(), data.project(), sink).approved(event.revision(), data.project(),
                        data.approvalNumber(), data.approvedBy(), data.approvedAt(), data.grade(),
                        sink.submittedAt(event.projectId(), event.revision()).orElse(null));
            }
            case EventTypes.PROJECT_RETURNED -> sink.project(event.projectId()).ifPresent(p -> p.returned(event.revision()));
            case EventTypes.INDICATOR_CHECK_COMPLETED -> {
                IndicatorCheckCompleted check = codec.data(event, IndicatorCheckCompleted.class);
                sink.saveFindings(event.projectId(), event.revision(), write(check.findings()), check.targets(),
                        check.quantifiedTargets());
            }
            default -> LOG.debugf("event type %s is not for reporting-service", event.eventType());
        }
    }

    private static ReportProject project(UUID id, ProjectDocument doc, Sink sink) {
        return sink.project(id).orElseGet(() -> {
            ReportProject p = ReportProject.first(id, doc);
            sink.add(p);
            return p;
        });
    }

    private String write(Object value) {
        return Json.write(json, value);
    }
}
