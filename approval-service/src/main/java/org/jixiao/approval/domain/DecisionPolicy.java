package org.jixiao.approval.domain;

import java.util.ArrayList;
import java.util.List;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Roles;

/** The rules a decision must satisfy; each broken rule is a DomainException naming it. */
public final class DecisionPolicy {
    private DecisionPolicy() {
    }

    /**
     * What a decision is judged against besides the case itself.
     *
     * @param decided the stages of this case decided so far, oldest first (for the four-eyes rule)
     */
    public record Context(ReviewRoute route, GradingRules grading, Checks checks, List<StageDecision> decided) {
        public Context {
            decided = List.copyOf(decided);
        }
    }

    /**
     * A decision the rules allow.
     *
     * @param stageOverrides the stage restrictions an admin acts outside of, in words; empty for everyone else.
     *                       Each is recorded in the history with the admin's overrideReason.
     * @param refusedForBudget a return whose grade keeps the case out of the budget
     */
    public record Verdict(List<String> stageOverrides, boolean refusedForBudget) {
    }

    /** Under the default grading rules, with no stage decided before (as the rule tests mostly need). */
    public static Verdict check(ReviewCase reviewCase, Decision decision, ReviewRoute route, Actor actor, Checks checks) {
        return check(reviewCase, decision, actor,
                new Context(route, GradingRules.defaultFor(route.budgetYear()), checks, List.of()));
    }

    public static Verdict check(ReviewCase reviewCase, Decision decision, Actor actor, Context context) {
        ReviewRoute route = context.route();
        Checks checks = context.checks();
        if (decision.action() == null) {
            throw DomainException.invalid("action-required", "action must be PASS, APPROVE, RETURN or ACKNOWLEDGE");
        }
        if (reviewCase.status() != CaseStatus.OPEN) {
            throw DomainException.conflict("case-closed", "the case is already " + reviewCase.status()
                    + "; a decided case cannot be decided again");
        }
        checkKind(reviewCase, decision);
        ReviewRoute.Stage stage = route.stage(reviewCase.stageIndex());
        if (!stage.allows(actor)) {
            throw DomainException.forbidden("stage-not-allowed",
                    "you may not decide at stage " + stage.name() + " (restricted by the " + route.budgetYear() + " route)");
        }
        // An admin may act where a reviewer could not, but not silently: each such step needs a reason.
        boolean admin = actor.hasRole(Roles.ADMIN);
        List<String> overrides = new ArrayList<>();
        if (admin && stage.isRestricted() && !stage.admits(actor)) {
            overrides.add("stage " + stage.name() + " is restricted to " + stage.restriction());
        }
        if (reviewCase.assignee() != null && !reviewCase.assignee().equals(actor.name())) {
            if (!admin) {
                throw DomainException.conflict("assigned-to-other", "the case is assigned to " + reviewCase.assignee());
            }
            overrides.add("the case is assigned to " + reviewCase.assignee());
        }
        var collision = FourEyesPolicy.collision(route, reviewCase.stageIndex(), actor.name(), context.decided());
        if (collision.isPresent()) {
            String why = FourEyesPolicy.describe(collision.get(), stage);
            if (!admin) {
                throw DomainException.forbidden("same-reviewer", "you may not decide stage " + stage.name() + ": " + why);
            }
            overrides.add(why);
        }
        if (!overrides.isEmpty() && !decision.hasOverrideReason()) {
            throw DomainException.invalid("override-reason-required", "you act outside the stage's restrictions ("
                    + String.join("; ", overrides) + "): give an overrideReason, which is recorded in the case history");
        }
        boolean last = route.isLast(reviewCase.stageIndex());
        switch (decision.action()) {
            case PASS -> {
                if (last) {
                    throw DomainException.conflict("pass-at-last-stage",
                            stage.name() + " is the last stage: APPROVE or RETURN");
                }
                context.grading().check(decision);
            }
            case APPROVE -> {
                if (!last) {
                    throw DomainException.conflict("stage-skipped", "approval is decided at the last stage ("
                            + route.stages().get(route.stages().size() - 1).name() + "); this case is at " + stage.name()
                            + ": PASS it on");
                }
                context.grading().check(decision);
                boolean reasoned = decision.hasOverrideReason();
                if (checks == Checks.PENDING && !(admin && reasoned)) {
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
                if (!decision.hasComment()) {
                    throw DomainException.invalid("return-needs-comment",
                            "a return must tell the department why: give comment or comments[].text");
                }
                if (!reviewCase.kind().isReport()) {
                    context.grading().check(decision);
                }
            }
            case ACKNOWLEDGE -> {
                // a report is taken note of as it stands: nothing to check beyond the comments below
            }
        }
        for (Decision.Comment c : decision.commentsOrEmpty()) {
            if (c.text() == null || c.text().isBlank()) {
                throw DomainException.invalid("empty-comment", "every comment needs a text");
            }
            if (c.indicatorIndex() != null && (c.indicatorIndex() < 0 || c.indicatorIndex() >= reviewCase.indicatorCount())) {
                throw DomainException.invalid("no-such-indicator", "indicatorIndex " + c.indicatorIndex()
                        + " is not a row of this " + (reviewCase.kind().isReport() ? "report" : "declaration")
                        + " (0.." + (reviewCase.indicatorCount() - 1) + ")");
            }
        }
        return new Verdict(List.copyOf(overrides), decision.action() == Decision.Action.RETURN
                && !reviewCase.kind().isReport() && context.grading().refusesForBudget(decision.grade()));
    }

    /**
     * A declaration is passed, approved or returned; a monitoring report or self-evaluation is acknowledged
     * or returned, without a grade (评审等级 grades declarations, 财预〔2015〕88号; a self-evaluation's grade is its score's).
     */
    private static void checkKind(ReviewCase reviewCase, Decision decision) {
        boolean report = reviewCase.kind().isReport();
        Decision.Action action = decision.action();
        if (report && (action == Decision.Action.PASS || action == Decision.Action.APPROVE)) {
            throw DomainException.conflict("action-not-for-kind", "a " + reviewCase.kind()
                    + " case is acknowledged (ACKNOWLEDGE) or returned (RETURN), not " + action);
        }
        if (!report && action == Decision.Action.ACKNOWLEDGE) {
            throw DomainException.conflict("action-not-for-kind", "a " + reviewCase.kind()
                    + " case is passed, approved or returned; ACKNOWLEDGE is for monitoring reports and self-evaluations");
        }
        if (report && decision.grade() != null) {
            throw DomainException.invalid("grade-not-for-kind", "a " + reviewCase.kind()
                    + " case takes no grade (评审等级 is for declarations): leave grade out");
        }
    }
}
