package org.jixiao.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.IndicatorCheckCompleted;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.reporting.domain.ReportProject;
import org.jixiao.reporting.repository.ReportProjectRepository;
import org.jixiao.reporting.repository.RevisionStore;

/** Folds events into the read model; each method runs inside the inbox's transaction. */
@ApplicationScoped
public class ReadModelService {
    private final ReportProjectRepository projects;
    private final RevisionStore revisions;
    private final ObjectMapper json;

    public ReadModelService(ReportProjectRepository projects, RevisionStore revisions, ObjectMapper json) {
        this.projects = projects;
        this.revisions = revisions;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void submitted(EventEnvelope event, ProjectSubmitted data) {
        revisions.saveDocument(event.projectId(), event.revision(), write(data.project()));
        project(event.projectId(), data.project(), event.revision()).submitted(event.revision(), data.project());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void approved(EventEnvelope event, ProjectApproved data) {
        revisions.saveDocument(event.projectId(), event.revision(), write(data.project()));
        project(event.projectId(), data.project(), event.revision()).approved(event.revision(), data.project(),
                data.approvalNumber(), data.approvedBy(), data.approvedAt(), data.grade());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void returned(EventEnvelope event) {
        projects.findByIdOptional(event.projectId(), LockModeType.PESSIMISTIC_WRITE)
                .ifPresent(p -> p.returned(event.revision()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void findings(EventEnvelope event, IndicatorCheckCompleted data) {
        revisions.saveFindings(event.projectId(), event.revision(), write(data.findings()));
    }

    private ReportProject project(UUID id, ProjectDocument doc, int revision) {
        return projects.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseGet(() -> {
            ReportProject p = ReportProject.first(id, doc, revision);
            projects.persist(p);
            return p;
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
