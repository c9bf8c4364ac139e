package org.jixiao.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.reporting.domain.ProjectTable;
import org.jixiao.reporting.domain.ReportProject;
import org.jixiao.reporting.repository.ReportProjectRepository;
import org.jixiao.reporting.repository.RevisionStore;

/** The per-project 项目支出绩效目标表 from the read model: the approved revision unless another is asked for. */
@ApplicationScoped
public class ReportService {
    private final ReportProjectRepository projects;
    private final RevisionStore revisions;
    private final String region;

    public ReportService(ReportProjectRepository projects, RevisionStore revisions,
            @ConfigProperty(name = "jixiao.report.region") String region) {
        this.projects = projects;
        this.revisions = revisions;
        this.region = region;
    }

    @Transactional
    public ProjectTable projectTable(UUID projectId, Integer revision, Actor actor) {
        ReportProject p = projects.findByIdOptional(projectId).filter(r -> actor.mayAccessDepartment(r.departmentCode()))
                .orElseThrow(() -> DomainException.notFound("project", projectId));
        int rev;
        if (revision != null) {
            rev = revision;
        } else if (p.approvedRevision() != null) {
            rev = p.approvedRevision();
        } else {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "not-approved", "Not approved",
                    "project " + projectId + " has no approved revision yet; ask for ?revision=" + p.latestRevision(), List.of());
        }
        ProjectDocument document = revisions.document(projectId, rev)
                .orElseThrow(() -> DomainException.notFound("revision", rev + " of project " + projectId));
        boolean approved = p.approvedRevision() != null && p.approvedRevision() == rev;
        return new ProjectTable(region, document, rev, approved ? p.approvalNumber() : null);
    }
}
