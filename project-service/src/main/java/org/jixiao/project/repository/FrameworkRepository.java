package org.jixiao.project.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.jixiao.common.contract.Framework;
import org.jixiao.common.contract.Json;

/** The local copy of the published indicator frameworks. */
@ApplicationScoped
public class FrameworkRepository {
    private final EntityManager em;
    private final ObjectMapper json;

    public FrameworkRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Keeps {@code framework} for the scope unless a higher revision is already kept; an equal one replaces it,
     * so that publications without a revision (0) still follow each other as they arrive.
     *
     * @return false when an older publication was ignored
     */
    public boolean save(Integer budgetYear, Framework framework, int revision) {
        return em.createNativeQuery("insert into framework_in_force (scope, definition, revision, received_at)"
                + " values (:s, :d, :r, now()) on conflict (scope) do update set definition = excluded.definition,"
                + " revision = excluded.revision, received_at = now() where framework_in_force.revision <= excluded.revision")
                .setParameter("s", scope(budgetYear)).setParameter("d", Json.write(json, framework))
                .setParameter("r", revision).executeUpdate() == 1;
    }

    /** The year's own framework, else the default one; empty while indicator-service has published none. */
    public Optional<Framework> inForce(int budgetYear) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select scope, definition from framework_in_force"
                + " where scope in (:year, 'default') order by case when scope = 'default' then 1 else 0 end")
                .setParameter("year", scope(budgetYear)).getResultList();
        return rows.stream().findFirst().map(r -> read((String) r[1]));
    }

    private Framework read(String definition) {
        return Json.read(json, definition, Framework.class);
    }

    private static String scope(Integer budgetYear) {
        return budgetYear == null ? "default" : budgetYear.toString();
    }
}
