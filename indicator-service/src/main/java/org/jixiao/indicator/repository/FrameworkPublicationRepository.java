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

    /** @return true when this content (by its fingerprint) was not yet the published one for the scope */
    public boolean recordIfChanged(String scope, String code, int version, String fingerprint) {
        return em.createNativeQuery("insert into framework_publication (scope, framework_code, version, fingerprint, published_at)"
                + " values (:s, :c, :v, :f, now()) on conflict (scope) do update set framework_code = excluded.framework_code,"
                + " version = excluded.version, fingerprint = excluded.fingerprint, published_at = excluded.published_at"
                + " where framework_publication.fingerprint is distinct from excluded.fingerprint")
                .setParameter("s", scope).setParameter("c", code).setParameter("v", version).setParameter("f", fingerprint)
                .executeUpdate() == 1;
    }
}
