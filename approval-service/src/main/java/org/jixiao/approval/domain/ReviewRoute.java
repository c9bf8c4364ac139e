package org.jixiao.approval.domain;

import java.util.List;
import java.util.Set;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.Roles;

/** 审核流程: the ordered stages a case passes through in one budget year. */
public record ReviewRoute(int budgetYear, List<Stage> stages) {

    /** Used for any year an admin has not configured: 业务股室初审, then 绩效管理股复审. */
    public static ReviewRoute defaultFor(int budgetYear) {
        return new ReviewRoute(budgetYear, List.of(
                new Stage("业务股室初审", 5, Set.of(), null),
                new Stage("绩效管理股复审", 5, Set.of(), null)));
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
     */
    public record Stage(String name, int targetDays, Set<String> allowedReviewers, String requiredClaim) {

        /** Admins act anywhere; a reviewer must be named (when the stage names any) and carry the claim. */
        public boolean allows(Actor actor) {
            if (actor.hasRole(Roles.ADMIN)) {
                return true;
            }
            if (!actor.hasRole(Roles.REVIEWER)) {
                return false;
            }
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
    }
}
