package org.jixiao.project.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Remembers each Idempotency-Key of a submission per (caller, project, key): the If-Match it was sent
 * with and the answer it got. A row older than {@link #TTL} is treated as absent and deleted by
 * housekeeping.
 */
@ApplicationScoped
public class SubmitRequestRepository {
    /** How long a key answers its first result. */
    public static final Duration TTL = Duration.ofHours(24);

    private final EntityManager em;

    public SubmitRequestRepository(EntityManager em) {
        this.em = em;
    }

    /** The first answer to a submit; {@code ifMatch} is null when that submit was sent without If-Match. */
    public record Remembered(Long ifMatch, int revision, int status, String etag, String body) {
    }

    public Optional<Remembered> find(String caller, UUID projectId, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select if_match, revision, status, etag, body from submit_request"
                + " where caller = :c and project_id = :p and idempotency_key = :k"
                + " and created_at > :cutoff")
                .setParameter("c", caller).setParameter("p", projectId).setParameter("k", key)
                .setParameter("cutoff", cutoff()).getResultList();
        return rows.stream().findFirst().map(r -> new Remembered(r[0] == null ? null : ((Number) r[0]).longValue(),
                ((Number) r[1]).intValue(), ((Number) r[2]).intValue(), (String) r[3], (String) r[4]));
    }

    /** Stores the first answer; an expired row of the same key gives way to it. */
    public void remember(String caller, UUID projectId, String key, Long ifMatch, Remembered answer) {
        em.createNativeQuery("delete from submit_request where caller = :c and project_id = :p and idempotency_key = :k")
                .setParameter("c", caller).setParameter("p", projectId).setParameter("k", key).executeUpdate();
        em.createNativeQuery("insert into submit_request (caller, project_id, idempotency_key, if_match, revision,"
                + " status, etag, body, created_at) values (:c, :p, :k, :m, :r, :s, :e, :b, now())")
                .unwrap(NativeQuery.class)
                .setParameter("c", caller).setParameter("p", projectId).setParameter("k", key)
                .setParameter("m", ifMatch, Long.class).setParameter("r", answer.revision())
                .setParameter("s", answer.status()).setParameter("e", answer.etag()).setParameter("b", answer.body())
                .executeUpdate();
    }

    /** Deletes up to {@code batch} expired keys; the number deleted. */
    public int deleteExpired(int batch) {
        return em.createNativeQuery("delete from submit_request where ctid in (select ctid from submit_request"
                + " where created_at <= :cutoff limit :n)")
                .setParameter("cutoff", cutoff()).setParameter("n", batch).executeUpdate();
    }

    private static OffsetDateTime cutoff() {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(TTL);
    }
}
