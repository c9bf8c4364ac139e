package org.jixiao.indicator.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.jixiao.indicator.domain.FrameworkVariants.Variant;

/** The aliases an admin added to a budget year's framework. */
@ApplicationScoped
public class FrameworkAliasRepository {
    private final EntityManager em;

    public FrameworkAliasRepository(EntityManager em) {
        this.em = em;
    }

    public List<Variant> forYear(int budgetYear) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select level1, level2, to_level1, to_level2 from framework_alias"
                + " where budget_year = :y order by id").setParameter("y", budgetYear).getResultList();
        return rows.stream().map(r -> new Variant(familyOf(budgetYear), (String) r[0], (String) r[1], (String) r[2],
                (String) r[3], List.of())).toList();
    }

    public static String familyOf(int budgetYear) {
        return budgetYear + "年度别名";
    }

    /** Adds or replaces the alias of a printed pair for the year. */
    public void put(int budgetYear, Variant alias, String actor) {
        em.createNativeQuery("delete from framework_alias where budget_year = :y and level1 = :l1"
                + " and coalesce(level2, '') = coalesce(cast(:l2 as varchar), '')")
                .setParameter("y", budgetYear).setParameter("l1", alias.level1()).setParameter("l2", alias.level2())
                .executeUpdate();
        em.createNativeQuery("insert into framework_alias (budget_year, level1, level2, to_level1, to_level2, added_by, added_at)"
                + " values (:y, :l1, cast(:l2 as varchar), :t1, cast(:t2 as varchar), :a, now())")
                .setParameter("y", budgetYear).setParameter("l1", alias.level1()).setParameter("l2", alias.level2())
                .setParameter("t1", alias.toLevel1()).setParameter("t2", alias.toLevel2()).setParameter("a", actor)
                .executeUpdate();
    }
}
