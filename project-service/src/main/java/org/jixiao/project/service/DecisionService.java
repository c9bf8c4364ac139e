package org.jixiao.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.ProjectReturned;
import org.jixiao.project.domain.Project;
import org.jixiao.project.domain.ReviewComment;
import org.jixiao.project.repository.ProjectRepository;
import org.jixiao.project.repository.ReviewCommentRepository;

/** Makes a project follow the finance bureau's decisions (arriving as events from approval-service). */
@ApplicationScoped
public class DecisionService {
    private static final Logger LOG = Logger.getLogger(DecisionService.class);

    private final ProjectRepository projects;
    private final ReviewCommentRepository comments;

    public DecisionService(ProjectRepository projects, ReviewCommentRepository comments) {
        this.projects = projects;
        this.comments = comments;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void approved(UUID projectId, int revision, ProjectApproved decision) {
        Project project = projects.findByIdOptional(projectId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (project == null) {
            LOG.warnf("approval of unknown project %s ignored", projectId);
            return;
        }
        if (!project.approve(revision, decision.approvalNumber(), decision.approvedBy())) {
            LOG.warnf("approval of %s revision %d ignored: project is %s at revision %d", projectId, revision,
                    project.status(), project.revision());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void returned(UUID projectId, int revision, ProjectReturned decision) {
        Project project = projects.findByIdOptional(projectId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (project == null) {
            LOG.warnf("return of unknown project %s ignored", projectId);
            return;
        }
        if (!project.returnForRevision(revision, decision.returnedBy())) {
            LOG.warnf("return of %s revision %d ignored: project is %s at revision %d", projectId, revision,
                    project.status(), project.revision());
            return;
        }
        OffsetDateTime at = decision.returnedAt() != null ? decision.returnedAt() : OffsetDateTime.now(ZoneOffset.UTC);
        if (decision.comment() != null && !decision.comment().isBlank()) {
            project.noteReviewComment();
            comments.persist(new ReviewComment(projectId, revision, decision.stage(), null, null, null,
                    decision.comment(), decision.returnedBy(), at));
        }
        if (decision.comments() != null) {
            for (ProjectReturned.ReviewComment c : decision.comments()) {
                project.noteReviewComment();
                comments.persist(new ReviewComment(projectId, revision, decision.stage(), c.field(), c.indicatorIndex(),
                        c.indicatorName(), c.text(), decision.returnedBy(), at));
            }
        }
    }
}
