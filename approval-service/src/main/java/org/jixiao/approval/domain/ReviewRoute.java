package org.jixiao.approval.domain;

import java.util.List;
import java.util.Set;
import org.jixiao.common.security.Caller;
import org.jixiao.common.security.Roles;

/** 审核流程: the ordered stages a case passes through in one budget year. */
public record ReviewRoute(int budgetYear, List<Stage> stages) {

    /** Used for any year an admin has not configured: 业务股室初审, then 绩效管理股复审. */
    public static ReviewRoute defaultFor(int budgetYear) {
        return new ReviewRoute(budgetYear, List.of(
                new Stage("业务股室初审", 5, Set.of(), null),
                new Stage("绩效管理股复审", 5, Set.of(), null)));
    }

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

        public boolean allows(Caller caller) {
            if (caller.hasRole(Roles.ADMIN)) {
                return true;
            }
            if (!caller.hasRole(Roles.REVIEWER)) {
                return false;
            }
            if (!allowedReviewers.isEmpty() && !allowedReviewers.contains(caller.name())) {
                return false;
            }
            if (requiredClaim != null && !requiredClaim.isBlank()) {
                int eq = requiredClaim.indexOf('=');
                String claim = eq < 0 ? requiredClaim : requiredClaim.substring(0, eq);
                String value = eq < 0 ? null : requiredClaim.substring(eq + 1);
                return caller.claim(claim).map(v -> value == null || value.equals(v)).orElse(false);
            }
            return true;
        }
    }
}
