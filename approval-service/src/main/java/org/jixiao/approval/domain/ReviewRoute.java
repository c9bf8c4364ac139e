package org.jixiao.approval.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.Roles;

/** 审核流程: the ordered stages a case passes through in one budget year. */
public record ReviewRoute(int budgetYear, List<Stage> stages) {

    /**
     * Used for any year an admin has not configured: 业务股室初审, then 绩效管理股复审, each under the
     * four-eyes rule, so that the two-stage review is never a one-person review.
     */
    public static ReviewRoute defaultFor(int budgetYear) {
        return new ReviewRoute(budgetYear, List.of(
                new Stage("业务股室初审", 5, Set.of(), null, true),
                new Stage("绩效管理股复审", 5, Set.of(), null, true)));
    }

    /**
     * The route of a monitoring report or self-evaluation (ours): one stage any reviewer may decide, so the
     * four-eyes rule has nothing to compare; the year's configured route is for declarations.
     */
    public static ReviewRoute forReports(int budgetYear, CaseKind kind) {
        return new ReviewRoute(budgetYear, List.of(new Stage(kind == CaseKind.SELF_EVALUATION ? "自评审阅" : "绩效监控审阅",
                5, Set.of(), null, false)));
    }

    /** The stage at {@code index}; a case beyond a shortened route stays at its last stage. */
    public Stage stage(int index) {
        return stages.get(Math.min(index, stages.size() - 1));
    }

    public boolean isLast(int index) {
        return index >= stages.size() - 1;
    }

    /**
     * @param allowedReviewers user names allowed to act; empty means any reviewer
     * @param requiredClaim    "claim=value" a reviewer's token must carry, e.g. "office=绩效管理股"; null for none
     * @param fourEyes         四眼原则: whoever decides this stage of a case decides no other stage of it
     */
    public record Stage(String name, int targetDays, Set<String> allowedReviewers, String requiredClaim, boolean fourEyes) {

        /** A stage under the four-eyes rule, which is what a route gets unless it says otherwise. */
        public Stage(String name, int targetDays, Set<String> allowedReviewers, String requiredClaim) {
            this(name, targetDays, allowedReviewers, requiredClaim, true);
        }

        /** Admins act anywhere; a reviewer must be named (when the stage names any) and carry the claim. */
        public boolean allows(Actor actor) {
            if (actor.hasRole(Roles.ADMIN)) {
                return true;
            }
            return actor.hasRole(Roles.REVIEWER) && admits(actor);
        }

        /** Whether the stage names who may act on it, by name or by token claim. */
        public boolean isRestricted() {
            return !allowedReviewers.isEmpty() || (requiredClaim != null && !requiredClaim.isBlank());
        }

        /**
         * Whether the actor's name and claims satisfy the stage's restriction, whatever the role: an admin
         * who is not admitted acts outside the restriction and must say why.
         */
        public boolean admits(Actor actor) {
            if (!allowedReviewers.isEmpty() && !allowedReviewers.contains(actor.name())) {
                return false;
            }
            if (requiredClaim != null && !requiredClaim.isBlank()) {
                int eq = requiredClaim.indexOf('=');
                String claim = eq < 0 ? requiredClaim : requiredClaim.substring(0, eq);
                String value = eq < 0 ? null : requiredClaim.substring(eq + 1);
                return actor.claim(claim).map(v -> value == null || value.equals(v)).orElse(false);
            }
            return true;
        }

        /** The restriction in words, for the messages and the history. */
        public String restriction() {
            List<String> parts = new ArrayList<>();
            if (!allowedReviewers.isEmpty()) {
                parts.add("reviewers " + String.join(", ", allowedReviewers.stream().sorted().toList()));
            }
            if (requiredClaim != null && !requiredClaim.isBlank()) {
                parts.add("token claim " + requiredClaim);
            }
            return parts.isEmpty() ? "any reviewer" : String.join(" with ", parts);
        }
    }
}
