package org.jixiao.approval.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** indicator-service's findings per project revision, kept apart from cases since they may come first. */
@ApplicationScoped
public class FindingsRepository {
    private final EntityManager em;

    public FindingsRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * @param previewJson the review-time preview of the self-evaluation score (Scoresheet JSON); null when none came
     * @param previewUnavailable why indicator-service gave no preview
     */
    public record Stored(String findingsJson, boolean hasErrors, String previewJson, String previewUnavailable) {
    }

    /** One revision of one project, the key findings are stored under. */
    public record Revision(UUID projectId, int revision) {
    }

    public void save(UUID projectId, int revision, String findingsJson, boolean hasErrors, String previewJson,
            String previewUnavailable) {
        em.createNativeQuery("insert into case_findings (project_id, revision, findings, has_errors, received_at,"
                + " preview, preview_unavailable) values (:p, :r, :f, :e, now(), :pv, :pu) on conflict (project_id, revision)"
                + " do update set findings = excluded.findings, has_errors = excluded.has_errors, received_at = now(),"
                + " preview = excluded.preview, preview_unavailable = excluded.preview_unavailable")
                .setParameter("p", projectId).setParameter("r", revision)
                .setParameter("f", findingsJson).setParameter("e", hasErrors)
                .setParameter("pv", previewJson).setParameter("pu", previewUnavailable).executeUpdate();
    }

    public Optional<Stored> find(UUID projectId, int revision) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select findings, has_errors, preview, preview_unavailable from case_findings"
                + " where project_id = :p and revision = :r")
                .setParameter("p", projectId).setParameter("r", revision).getResultList();
        return rows.stream().findFirst().map(r -> new Stored((String) r[0], (Boolean) r[1], (String) r[2], (String) r[3]));
    }

    /** Whether the stored findings hold an ERROR, for every revision of {@code projectIds} that has findings. */
    public Map<Revision, Boolean> errorFlags(Collection<UUID> projectIds) {
        Map<Revision, Boolean> flags = new HashMap<>();
        if (projectIds.isEmpty()) {
            return flags;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select project_id, revision, has_errors from case_findings where project_id in (:p)")
                .setParameter("p", List.copyOf(projectIds)).getResultList();
        for (Object[] r : rows) {
            flags.put(new Revision((UUID) r[0], ((Number) r[1]).intValue()), (Boolean) r[2]);
        }
        return flags;
    }
}
