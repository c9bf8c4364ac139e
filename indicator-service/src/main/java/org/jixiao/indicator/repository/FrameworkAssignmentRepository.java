package org.jixiao.indicator.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Which framework code each budget year uses. */
@ApplicationScoped
public class FrameworkAssignmentRepository {
    private final EntityManager em;

    public FrameworkAssignmentRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<String> codeFor(int budgetYear) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select framework_code from framework_assignment where budget_year = :y")
                .setParameter("y", budgetYear).getResultList();
        return rows.stream().findFirst();
    }

    public void assign(int budgetYear, String code, String actor) {
        em.createNativeQuery("insert into framework_assignment (budget_year, framework_code, assigned_by, assigned_at)"
                + " values (:y, :c, :a, now()) on conflict (budget_year) do update set framework_code = excluded.framework_code,"
                + " assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at")
                .setParameter("y", budgetYear).setParameter("c", code).setParameter("a", actor).executeUpdate();
    }
}
