package org.jixiao.approval.service;

import java.util.UUID;
import org.jixiao.approval.domain.ReviewCase;
import org.jixiao.approval.repository.ReviewCaseRepository;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;

/** A case the actor may see; another department's case answers as if it did not exist. */
final class CaseAccess {
    private CaseAccess() {
    }

    static ReviewCase visible(ReviewCaseRepository cases, UUID caseId, Actor actor) {
        return cases.findByIdOptional(caseId).filter(c -> actor.mayAccessDepartment(c.departmentCode()))
                .orElseThrow(() -> DomainException.notFound("case", caseId));
    }
}
