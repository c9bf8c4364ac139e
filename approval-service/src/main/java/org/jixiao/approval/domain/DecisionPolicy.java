package org.jixiao.approval.domain;

import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Roles;

/** The rules a decision must satisfy; each broken rule is a DomainException naming it. */
public final class DecisionPolicy {
    private DecisionPolicy() {
    }

    public static void check(ReviewCase reviewCase, Decision decision, ReviewRoute route, Actor actor, Checks checks) {
        if (decision.action() == null) {
            throw DomainException.invalid("action-required", "action must be PASS, APPROVE or RETURN");
        }
        if (reviewCase.status() != CaseStatus.OPEN) {
            throw DomainException.conflict("case-closed", "the case is already " + reviewCase.status()
                    + "; a decided case cannot be decided again");
        }
        ReviewRoute.Stage stage = route.stage(reviewCase.stageIndex());
        if (!stage.allows(actor)) {
            throw DomainException.forbidden("stage-not-allowed",
                    "you may not decide at stage " + stage.name() + " (restricted by the " + route.budgetYear() + " route)");
        }
        if (reviewCase.assignee() != null && !reviewCase.assignee().equals(actor.name())) {
            throw DomainException.conflict("assigned-to-other", "the case is assigned to " + reviewCase.assignee());
        }
        boolean last = route.isLast(reviewCase.stageIndex());
        switch (decision.action()) {
            case PASS -> {
                if (last) {
                    throw DomainException.conflict("pass-at-last-stage",
                            stage.name() + " is the last stage: APPROVE or RETURN");
                }
            }
            case APPROVE -> {
                if (!last) {
                    throw DomainException.conflict("stage-skipped", "approval is decided at the last stage ("
                            + route.stages().get(route.stages().size() - 1).name() + "); this case is at " + stage.name()
                            + ": PASS it on");
                }
                if (decision.grade() == Grade.差) {
                    throw DomainException.invalid("grade-too-low",
                            "a target graded 差 cannot enter the budget (财预〔2015〕88号): RETURN it instead");
                }
                boolean reasoned = decision.overrideReason() != null && !decision.overrideReason().isBlank();
                if (checks == Checks.PENDING && !(actor.hasRole(Roles.ADMIN) && reasoned)) {
                    throw DomainException.conflict("checks-pending", "the automated checks of revision "
                            + reviewCase.revision() + " have not arrived yet: approve once they have"
                            + " (an admin may approve anyway, giving an overrideReason)");
                }
                if (checks == Checks.ERRORS && !reasoned) {
                    throw DomainException.conflict("override-required",
                            "the automated checks found ERRORs: approving needs an overrideReason");
                }
            }
            case RETURN -> {
                boolean hasComment = (decision.comment() != null && !decision.comment().isBlank())
                        || decision.commentsOrEmpty().stream().anyMatch(c -> c.text() != null && !c.text().isBlank());
                if (!hasComment) {
                    throw DomainException.invalid("return-needs-comment",
                            "a return must tell the department why: give comment or comments[].text");
                }
            }
        }
        for (Decision.Comment c : decision.commentsOrEmpty()) {
            if (c.text() == null || c.text().isBlank()) {
                throw DomainException.invalid("empty-comment", "every comment needs a text");
            }
            if (c.indicatorIndex() != null && (c.indicatorIndex() < 0 || c.indicatorIndex() >= reviewCase.indicatorCount())) {
                throw DomainException.invalid("no-such-indicator", "indicatorIndex " + c.indicatorIndex()
                        + " is not a row of this declaration (0.." + (reviewCase.indicatorCount() - 1) + ")");
            }
        }
    }
}
