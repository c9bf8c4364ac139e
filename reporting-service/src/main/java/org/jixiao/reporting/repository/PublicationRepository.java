package org.jixiao.reporting.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jixiao.common.contract.Json;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.reporting.domain.PublicationDraft;
import org.jixiao.reporting.domain.PublishedVersion;

/** The publication lists and their published versions; plain SQL, since a version is written once and read whole. */
@ApplicationScoped
public class PublicationRepository {
    private final EntityManager em;
    private final ObjectMapper json;

    public PublicationRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Holds the year's list row until commit, so that concurrent edits and publishes of one year take turns. */
    public Optional<PublicationDraft> lockDraft(int budgetYear) {
        return draft(budgetYear, " for update");
    }

    public Optional<PublicationDraft> draft(int budgetYear) {
        return draft(budgetYear, "");
    }

    private Optional<PublicationDraft> draft(int budgetYear, String lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> head = em.createNativeQuery("select title, updated_by, updated_at from publication where budget_year = :y" + lock)
                .setParameter("y", budgetYear).getResultList();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select project_id, project_name from publication_row where budget_year = :y"
                + " order by position").setParameter("y", budgetYear).getResultList();
        List<PublicationDraft.Listed> listed = rows.stream().map(r -> new PublicationDraft.Listed((UUID) r[0], (String) r[1])).toList();
        Object[] h = head.get(0);
        return Optional.of(new PublicationDraft(budgetYear, (String) h[0], listed, (String) h[1], SqlValues.offsetDateTime(h[2])));
    }

    /** Creates the year's list or replaces it whole; inserts the head first so that two first writers collide on its key. */
    public void saveDraft(PublicationDraft draft) {
        em.createNativeQuery("insert into publication (budget_year, title, updated_by, updated_at) values (:y, :t, :b, :a)"
                + " on conflict (budget_year) do update set title = excluded.title, updated_by = excluded.updated_by,"
                + " updated_at = excluded.updated_at")
                .setParameter("y", draft.budgetYear()).setParameter("t", draft.title()).setParameter("b", draft.updatedBy())
                .setParameter("a", draft.updatedAt()).executeUpdate();
        em.createNativeQuery("delete from publication_row where budget_year = :y").setParameter("y", draft.budgetYear()).executeUpdate();
        int position = 1;
        for (PublicationDraft.Listed r : draft.rows()) {
            em.createNativeQuery("insert into publication_row (budget_year, position, project_id, project_name) values (:y, :p, :i, :n)")
                    .setParameter("y", draft.budgetYear()).setParameter("p", position++).setParameter("i", r.projectId())
                    .setParameter("n", r.projectName()).executeUpdate();
        }
    }

    public int latestVersionNumber(int budgetYear) {
        Object max = em.createNativeQuery("select coalesce(max(version), 0) from publication_version where budget_year = :y")
                .setParameter("y", budgetYear).getSingleResult();
        return ((Number) max).intValue();
    }

    public void saveVersion(PublishedVersion v) {
        em.createNativeQuery("insert into publication_version (budget_year, version, title, published_by, published_at)"
                + " values (:y, :v, :t, :b, :a)").setParameter("y", v.budgetYear()).setParameter("v", v.version())
                .setParameter("t", v.title()).setParameter("b", v.publishedBy()).setParameter("a", v.publishedAt()).executeUpdate();
        for (PublishedVersion.Row r : v.rows()) {
            em.createNativeQuery("insert into publication_version_row (budget_year, version, position, project_id, revision,"
                    + " approval_number, budget_unit_code, budget_unit_name, project_name, amount, document, targets, quantified_targets)"
                    + " values (:y, :v, :p, :i, :r, :n, :uc, :un, :pn, :a, :d, :t, :q)")
                    .setParameter("y", v.budgetYear()).setParameter("v", v.version()).setParameter("p", r.seq())
                    .setParameter("i", r.projectId()).setParameter("r", r.revision()).setParameter("n", r.approvalNumber())
                    .setParameter("uc", r.budgetUnitCode()).setParameter("un", r.budgetUnitName())
                    .setParameter("pn", r.projectName()).setParameter("a", r.amount())
                    .setParameter("d", Json.write(json, r.document()))
                    .setParameter("t", r.targets()).setParameter("q", r.quantifiedTargets()).executeUpdate();
        }
    }

    /** Every version of a year without its rows, newest first. */
    public List<PublishedVersion> versions(int budgetYear) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select version, title, published_by, published_at from publication_version"
                + " where budget_year = :y order by version desc").setParameter("y", budgetYear).getResultList();
        return rows.stream().map(r -> new PublishedVersion(budgetYear, ((Number) r[0]).intValue(), (String) r[1], (String) r[2],
                SqlValues.offsetDateTime(r[3]), List.of())).toList();
    }

    /** {@code documents}: false leaves each row's document out (null), for the summary, which does not show it. */
    public Optional<PublishedVersion> latest(int budgetYear, boolean documents) {
        int latest = latestVersionNumber(budgetYear);
        return latest == 0 ? Optional.empty() : version(budgetYear, latest, documents);
    }

    public Optional<PublishedVersion> version(int budgetYear, int version, boolean documents) {
        @SuppressWarnings("unchecked")
        List<Object[]> head = em.createNativeQuery("select title, published_by, published_at from publication_version"
                + " where budget_year = :y and version = :v").setParameter("y", budgetYear).setParameter("v", version).getResultList();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<PublishedVersion.Row> result = rows(budgetYear, version, null, documents);
        Object[] h = head.get(0);
        return Optional.of(new PublishedVersion(budgetYear, version, (String) h[0], (String) h[1], SqlValues.offsetDateTime(h[2]), result));
    }

    /** One project's row of a version, with its document. */
    public Optional<PublishedVersion.Row> row(int budgetYear, int version, UUID projectId) {
        return rows(budgetYear, version, projectId, true).stream().findFirst();
    }

    private List<PublishedVersion.Row> rows(int budgetYear, int version, UUID projectId, boolean documents) {
        var query = em.createNativeQuery("select position, project_id, revision, approval_number, budget_unit_code,"
                + " budget_unit_name, project_name, amount, " + (documents ? "document" : "null") + ", targets, quantified_targets"
                + " from publication_version_row where budget_year = :y and version = :v"
                + (projectId == null ? "" : " and project_id = :i") + " order by position")
                .setParameter("y", budgetYear).setParameter("v", version);
        if (projectId != null) {
            query.setParameter("i", projectId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<PublishedVersion.Row> result = new ArrayList<>();
        for (Object[] r : rows) {
            result.add(new PublishedVersion.Row(((Number) r[0]).intValue(), (UUID) r[1], ((Number) r[2]).intValue(), (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (BigDecimal) r[7],
                    r[8] == null ? null : Json.read(json, (String) r[8], ProjectDocument.class),
                    r[9] == null ? null : ((Number) r[9]).intValue(), r[10] == null ? null : ((Number) r[10]).intValue()));
        }
        return result;
    }
}
