package org.jixiao.approval.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.jixiao.approval.domain.Grade;
import org.jixiao.approval.domain.GradingRules;

/** The configured 评审等级规则 per budget year. */
@ApplicationScoped
public class GradingRuleRepository {
    private final EntityManager em;

    public GradingRuleRepository(EntityManager em) {
        this.em = em;
    }

    /** The rules an admin configured for the year; empty when the default applies. */
    public Optional<GradingRules> configured(int budgetYear) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select grade, approvable, comment_required, refused_for_budget"
                + " from grading_rule where budget_year = :y").setParameter("y", budgetYear).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GradingRules(budgetYear, rows.stream().map(r -> new GradingRules.GradeRule(
                Grade.valueOf((String) r[0]), (Boolean) r[1], (Boolean) r[2], (Boolean) r[3])).toList()));
    }

    public GradingRules rulesFor(int budgetYear) {
        return configured(budgetYear).orElseGet(() -> GradingRules.defaultFor(budgetYear));
    }

    public void replace(GradingRules rules) {
        em.createNativeQuery("delete from grading_rule where budget_year = :y").setParameter("y", rules.budgetYear())
                .executeUpdate();
        for (GradingRules.GradeRule r : rules.rules()) {
            em.createNativeQuery("insert into grading_rule (budget_year, grade, approvable, comment_required,"
                    + " refused_for_budget) values (:y, :g, :a, :c, :r)")
                    .setParameter("y", rules.budgetYear()).setParameter("g", r.grade().name())
                    .setParameter("a", r.approvable()).setParameter("c", r.commentRequired())
                    .setParameter("r", r.refusedForBudget()).executeUpdate();
        }
    }
}
