package org.jixiao.indicator.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/** One check run per project revision: the guard against publishing two results for one revision. */
@ApplicationScoped
public class CheckRunRepository {
    private final EntityManager em;

    public CheckRunRepository(EntityManager em) {
        this.em = em;
    }

    /** @return false when this revision was checked before */
    public boolean recordFirst(UUID projectId, int revision, String frameworkCode, String findingsJson) {
        return em.createNativeQuery("insert into check_run (project_id, revision, framework_code, findings, checked_at)"
                + " values (:p, :r, :f, :j, now()) on conflict (project_id, revision) do nothing")
                .setParameter("p", projectId).setParameter("r", revision).setParameter("f", frameworkCode)
                .setParameter("j", findingsJson).executeUpdate() == 1;
    }
}
