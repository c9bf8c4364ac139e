package org.jixiao.approval.domain;

import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;

/** Who may take the current stage of a case: a reviewer claiming it, or an admin handing it to one. */
public final class AssignmentPolicy {
    private AssignmentPolicy() {
    }

    /** A claim by someone who already holds the case is allowed (and changes nothing). */
    public static void checkClaim(ReviewCase reviewCase, ReviewRoute route, Actor actor) {
        requireOpen(reviewCase);
        ReviewRoute.Stage stage = route.stage(reviewCase.stageIndex());
        if (!stage.allows(actor)) {
            throw DomainException.forbidden("stage-not-allowed", "you may not act at stage " + stage.name());
        }
        if (reviewCase.assignee() != null && !reviewCase.assignee().equals(actor.name())) {
            throw DomainException.conflict("assigned-to-other", "the case is already claimed by " + reviewCase.assignee());
        }
    }

    /** An admin may reassign a claimed case; the route's restrictions apply when the reviewer decides. */
    public static void checkAssign(ReviewCase reviewCase, String reviewer) {
        requireOpen(reviewCase);
        if (reviewer == null || reviewer.isBlank()) {
            throw DomainException.invalid("assignee-required", "name the reviewer to assign");
        }
    }

    private static void requireOpen(ReviewCase reviewCase) {
        if (reviewCase.status() != CaseStatus.OPEN) {
            throw DomainException.conflict("case-closed", "the case is already " + reviewCase.status());
        }
    }
}
