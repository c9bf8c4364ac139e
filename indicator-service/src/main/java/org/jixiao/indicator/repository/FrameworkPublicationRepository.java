package org.jixiao.indicator.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Remembers the framework last published per scope ('default' or a year). */
@ApplicationScoped
public class FrameworkPublicationRepository {
    private final EntityManager em;

    public FrameworkPublicationRepository(EntityManager em) {
        this.em = em;
    }

    /** @return true when this code and version were not yet the published ones for the scope */
    public boolean recordIfChanged(String scope, String code, int version) {
        return em.createNativeQuery("insert into framework_publication (scope, framework_code, version, published_at)"
                + " values (:s, :c, :v, now()) on conflict (scope) do update set framework_code = excluded.framework_code,"
                + " version = excluded.version, published_at = excluded.published_at"
                + " where framework_publication.framework_code <> excluded.framework_code"
                + " or framework_publication.version <> excluded.version")
                .setParameter("s", scope).setParameter("c", code).setParameter("v", version).executeUpdate() == 1;
    }
}
