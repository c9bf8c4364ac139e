package org.jixiao.reporting.service;

import org.jixiao.common.contract.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.rest.ProblemException;
import org.jixiao.common.security.Caller;
import org.jixiao.reporting.domain.ReportProject;
import org.jixiao.reporting.repository.ReportProjectRepository;
import org.jixiao.reporting.repository.RevisionStore;
import org.jixiao.reporting.service.render.ProjectTable;

/** The per-project 项目支出绩效目标表 from the read model: the approved revision unless another is asked for. */
@ApplicationScoped
public class ReportService {
    private final ReportProjectRepository projects;
    private final RevisionStore revisions;
    private final ObjectMapper json;
    private final String region;

    public ReportService(ReportProjectRepository projects, RevisionStore revisions, ObjectMapper json,
            @ConfigProperty(name = "jixiao.report.region") String region) {
        this.projects = projects;
        this.revisions = revisions;
        this.json = json;
        this.region = region;
    }

    @Transactional
    public ProjectTable projectTable(UUID projectId, Integer revision, Caller caller) {
        ReportProject p = projects.findByIdOptional(projectId).filter(r -> caller.mayAccessDepartment(r.departmentCode()))
                .orElseThrow(() -> ProblemException.notFound("project", projectId));
        int rev;
        if (revision != null) {
            rev = revision;
        } else if (p.approvedRevision() != null) {
            rev = p.approvedRevision();
        } else {
            throw new ProblemException(404, "not-approved", "Not approved",
                    "project " + projectId + " has no approved revision yet; ask for ?revision=" + p.latestRevision());
        }
        String document = revisions.document(projectId, rev)
                .orElseThrow(() -> ProblemException.notFound("revision", rev + " of project " + projectId));
        return new ProjectTable(region, read(document), rev, rev == (p.approvedRevision() == null ? -1 : p.approvedRevision())
                ? p.approvalNumber() : null);
    }

    private ProjectDocument read(String document) {
        return Json.read(json, document, ProjectDocument.class);
    }
}
