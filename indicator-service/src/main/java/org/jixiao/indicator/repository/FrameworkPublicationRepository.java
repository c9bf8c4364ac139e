package org.jixiao.indicator.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.OptionalInt;

/** Remembers the framework last published per scope ('default' or a year). */
@ApplicationScoped
public class FrameworkPublicationRepository {
    private final EntityManager em;

    public FrameworkPublicationRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Records the scope's framework when its content (by its fingerprint) is not the published one.
     *
     * @return the publication's revision (one more than the scope's previous one), or empty when nothing changed
     */
    public OptionalInt recordIfChanged(String scope, String code, int version, String fingerprint) {
        // The row lock of the upsert serializes two instances publishing the same scope at start.
        List<?> revision = em.createNativeQuery("insert into framework_publication (scope, framework_code, version,"
                + " fingerprint, published_at, revision) values (:s, :c, :v, :f, now(), 1) on conflict (scope) do update set"
                + " framework_code = excluded.framework_code, version = excluded.version, fingerprint = excluded.fingerprint,"
                + " published_at = excluded.published_at, revision = framework_publication.revision + 1"
                + " where framework_publication.fingerprint is distinct from excluded.fingerprint returning revision")
                .setParameter("s", scope).setParameter("c", code).setParameter("v", version).setParameter("f", fingerprint)
                .getResultList();
        return revision.isEmpty() ? OptionalInt.empty() : OptionalInt.of(((Number) revision.get(0)).intValue());
    }
}
