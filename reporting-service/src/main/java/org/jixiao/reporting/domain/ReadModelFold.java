package org.jixiao.reporting.domain;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jixiao.common.contract.ProjectDocument;

/**
 * Folds what happened to projects into a {@link ReadModel}. Events come from three topics and may
 * arrive in any order, and more than once: every step compares revisions or keeps the first value
 * seen, so any order of the same events ends in the same model, and a repeated one changes nothing.
 *
 * <p>A project enters the model only with a document (its budget year and department), which a return
 * does not carry: returns are therefore remembered per revision, and one that overtook its submission is
 * applied when the submission arrives.
 */
public final class ReadModelFold {
    private final ReadModel model;

    public ReadModelFold(ReadModel model) {
        this.model = model;
    }

    /** A revision was submitted, or amended after approval (调整). */
    public void onSubmitted(UUID projectId, int revision, ProjectDocument document, OffsetDateTime at) {
        model.saveDocument(projectId, revision, document);
        model.saveSubmittedAt(projectId, revision, at);
        ReportProject project = project(projectId, document);
        project.onSubmitted(revision, document, at);
        if (model.returned(projectId, revision)) {
            project.onReturned(revision);
        }
    }

    public void onApproved(UUID projectId, int revision, ProjectDocument document, Approval approval) {
        model.saveDocument(projectId, revision, document);
        project(projectId, document).onApproved(revision, document, approval,
                model.submittedAt(projectId, revision).orElse(null));
    }

    public void onReturned(UUID projectId, int revision) {
        model.saveReturned(projectId, revision);
        model.project(projectId).ifPresent(p -> p.onReturned(revision));
    }

    public void onChecked(UUID projectId, int revision, RevisionCheck check) {
        model.saveCheck(projectId, revision, check);
    }

    private ReportProject project(UUID id, ProjectDocument document) {
        return model.project(id).orElseGet(() -> {
            ReportProject p = ReportProject.first(id, document);
            model.add(p);
            return p;
        });
    }
}
