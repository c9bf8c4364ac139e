package org.jixiao.indicator.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.jixiao.common.contract.Json;

/** The policies admins set per budget year, by kind ('scoring', 'monitoring'); defaults live in code. */
@ApplicationScoped
public class YearPolicyRepository {
    public static final String SCORING = "scoring";
    public static final String MONITORING = "monitoring";

    private final EntityManager em;
    private final ObjectMapper json;

    public YearPolicyRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public <T> Optional<T> forYear(int budgetYear, String kind, Class<T> type) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select cast(definition as text) from year_policy"
                + " where budget_year = :y and kind = :k").setParameter("y", budgetYear).setParameter("k", kind).getResultList();
        return rows.stream().findFirst().map(d -> Json.read(json, d, type));
    }

    public void put(int budgetYear, String kind, Object policy, String actor) {
        em.createNativeQuery("insert into year_policy (budget_year, kind, definition, changed_by, changed_at)"
                + " values (:y, :k, cast(:d as jsonb), :a, now()) on conflict (budget_year, kind) do update set"
                + " definition = excluded.definition, changed_by = excluded.changed_by, changed_at = excluded.changed_at")
                .setParameter("y", budgetYear).setParameter("k", kind).setParameter("d", Json.write(json, policy))
                .setParameter("a", actor).executeUpdate();
    }
}
