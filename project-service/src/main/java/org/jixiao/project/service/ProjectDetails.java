package org.jixiao.project.service;

import java.util.List;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Violation;
import org.jixiao.project.domain.Project;
import org.jixiao.project.domain.ReviewComment;

/**
 * A project as a use case answers it: the entity (its version is read after the commit, so it is the
 * ETag of what was written), its document and comments read inside the transaction, and the warnings
 * that do not block saving.
 */
public record ProjectDetails(Project project, ProjectDocument document, List<ReviewComment> reviewComments,
        List<Violation> warnings) {
}
