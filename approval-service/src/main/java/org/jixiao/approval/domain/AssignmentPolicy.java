package org.jixiao.approval.domain;

import java.util.List;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Roles;

/** Who may take the current stage of a case: a reviewer claiming it, or an admin handing it to one. */
public final class AssignmentPolicy {
    private AssignmentPolicy() {
    }

    /** A claim with no stage of the case decided before. */
    public static void checkClaim(ReviewCase reviewCase, ReviewRoute route, Actor actor) {
        checkClaim(reviewCase, route, actor, List.of());
    }

    /**
     * A claim by someone who already holds the case is allowed (and changes nothing). A reviewer the
     * four-eyes rule keeps from deciding the stage cannot claim it either; an admin may, and gives the
     * reason when deciding.
     */
    public static void checkClaim(ReviewCase reviewCase, ReviewRoute route, Actor actor, List<StageDecision> decided) {
        requireOpen(reviewCase);
        ReviewRoute.Stage stage = route.stage(reviewCase.stageIndex());
        if (!stage.allows(actor)) {
            throw DomainException.forbidden("stage-not-allowed", "you may not act at stage " + stage.name());
        }
        if (!actor.hasRole(Roles.ADMIN)) {
            FourEyesPolicy.collision(route, reviewCase.stageIndex(), actor.name(), decided).ifPresent(d -> {
                throw DomainException.forbidden("same-reviewer", "you may not act at stage " + stage.name() + ": "
                        + FourEyesPolicy.describe(d, stage));
            });
        }
        if (reviewCase.assignee() != null && !reviewCase.assignee().equals(actor.name())) {
            throw DomainException.conflict("assigned-to-other", "the case is already claimed by " + reviewCase.assignee());
        }
    }

    /**
     * An admin may reassign a claimed case; the route's restrictions apply when the reviewer decides. Handing
     * the stage to a reviewer the four-eyes rule would refuse there would only leave it stuck, so that is refused.
     */
    public static void checkAssign(ReviewCase reviewCase, String reviewer, ReviewRoute route, List<StageDecision> decided) {
        requireOpen(reviewCase);
        if (reviewer == null || reviewer.isBlank()) {
            throw DomainException.invalid("assignee-required", "name the reviewer to assign");
        }
        ReviewRoute.Stage stage = route.stage(reviewCase.stageIndex());
        FourEyesPolicy.collision(route, reviewCase.stageIndex(), reviewer, decided).ifPresent(d -> {
            throw DomainException.conflict("same-reviewer", "cannot assign stage " + stage.name() + " to " + reviewer
                    + ": " + FourEyesPolicy.describe(d, stage));
        });
    }

    private static void requireOpen(ReviewCase reviewCase) {
        if (reviewCase.status() != CaseStatus.OPEN) {
            throw DomainException.conflict("case-closed", "the case is already " + reviewCase.status());
        }
    }
}
