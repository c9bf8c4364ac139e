package org.jixiao.approval.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jixiao.approval.domain.ReviewRoute;

/** The configured 审核流程 per budget year; the default route where none is configured. */
@ApplicationScoped
public class RouteRepository {
    /** First key of the advisory lock that serialises replacements of one year's route (the year is the second). */
    private static final int ROUTE_LOCK = 0x5254;

    private final EntityManager em;

    public RouteRepository(EntityManager em) {
        this.em = em;
    }

    public ReviewRoute routeFor(int budgetYear) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select name, target_days, allowed_reviewers, required_claim, four_eyes"
                + " from review_stage where budget_year = :y order by position")
                .setParameter("y", budgetYear).getResultList();
        if (rows.isEmpty()) {
            return ReviewRoute.defaultFor(budgetYear);
        }
        return new ReviewRoute(budgetYear, rows.stream().map(r -> new ReviewRoute.Stage((String) r[0],
                ((Number) r[1]).intValue(), reviewers((String) r[2]), (String) r[3], (Boolean) r[4])).toList());
    }

    public void replace(ReviewRoute route) {
        // two replacements of one year at once would both delete nothing and then insert the same positions:
        // the second waits for the first (held until commit) instead of failing on the primary key
        em.createNativeQuery("select pg_advisory_xact_lock(:k, :y)").setParameter("k", ROUTE_LOCK)
                .setParameter("y", route.budgetYear()).getSingleResult();
        em.createNativeQuery("delete from review_stage where budget_year = :y").setParameter("y", route.budgetYear())
                .executeUpdate();
        for (int i = 0; i < route.stages().size(); i++) {
            ReviewRoute.Stage s = route.stages().get(i);
            em.createNativeQuery("insert into review_stage (budget_year, position, name, target_days, allowed_reviewers,"
                    + " required_claim, four_eyes) values (:y, :p, :n, :d, :a, :c, :f)")
                    .setParameter("y", route.budgetYear()).setParameter("p", i).setParameter("n", s.name())
                    .setParameter("d", s.targetDays())
                    .setParameter("a", s.allowedReviewers().isEmpty() ? null : String.join(",", s.allowedReviewers()))
                    .setParameter("c", s.requiredClaim()).setParameter("f", s.fourEyes()).executeUpdate();
        }
    }

    private static Set<String> reviewers(String csv) {
        return csv == null || csv.isBlank() ? Set.of()
                : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
