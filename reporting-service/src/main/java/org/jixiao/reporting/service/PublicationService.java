package org.jixiao.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.reporting.domain.Coverage;
import org.jixiao.reporting.domain.ProjectTable;
import org.jixiao.reporting.domain.PublicationDraft;
import org.jixiao.reporting.domain.PublicationRules;
import org.jixiao.reporting.domain.PublishedVersion;
import org.jixiao.reporting.domain.ReportProject;
import org.jixiao.reporting.repository.PublicationRepository;
import org.jixiao.reporting.repository.ReportProjectRepository;
import org.jixiao.reporting.repository.ReportQueries;
import org.jixiao.reporting.repository.RevisionStore;

/**
 * 绩效目标公开: the bureau lists approved projects in its order under its names, and publishes the list as a
 * numbered, frozen version; the public reads only published versions.
 */
@ApplicationScoped
public class PublicationService {
    public static final String UNIT = "元";

    private final PublicationRepository publications;
    private final ReportProjectRepository projects;
    private final RevisionStore revisions;
    private final ReportQueries queries;
    private final String region;

    public PublicationService(PublicationRepository publications, ReportProjectRepository projects, RevisionStore revisions,
            ReportQueries queries, @ConfigProperty(name = "jixiao.report.region") String region) {
        this.publications = publications;
        this.projects = projects;
        this.queries = queries;
        this.revisions = revisions;
        this.region = region;
    }

    /** A draft row as the bureau sees it: the name it will print, the table's own, and what the project is now. */
    public record DraftRow(int seq, UUID projectId, String projectName, boolean renamed, String tableName,
            String budgetUnitCode, String budgetUnitName, BigDecimal amount, Integer approvedRevision, String status) {
    }

    /** A row of a published version, and whether the project changed since (amended, re-approved). */
    public record PublishedRow(PublishedVersion.Row row, int currentLatestRevision, Integer currentApprovedRevision,
            boolean changedSincePublished) {
    }

    public record Overview(int budgetYear, String title, String updatedBy, OffsetDateTime updatedAt, List<DraftRow> draft,
            List<PublishedVersion> versions, PublishedVersion latest, List<PublishedRow> latestRows, Coverage coverage) {
    }

    @Transactional
    public Overview replaceDraft(int budgetYear, String title, List<PublicationDraft.Listed> rows, Actor actor) {
        List<PublicationDraft.Listed> listed = PublicationRules.normalized(title, rows);
        publications.lockDraft(budgetYear);
        PublicationRules.requireApproved(budgetYear, listed, known(listed));
        publications.saveDraft(new PublicationDraft(budgetYear, title, listed, actor.name(), now()));
        return overview(budgetYear);
    }

    /** Freezes the current list: each project's approved revision, its document and the summary columns as they are now. */
    @Transactional
    public PublishedVersion publish(int budgetYear, Actor actor) {
        PublicationDraft draft = publications.lockDraft(budgetYear)
                .orElseThrow(() -> DomainException.notFound("publication list of", budgetYear));
        if (draft.rows().isEmpty()) {
            throw DomainException.conflict("empty-publication", "the publication list of " + budgetYear + " is empty");
        }
        Map<UUID, ReportProject> known = known(draft.rows());
        PublicationRules.requireApproved(budgetYear, draft.rows(), known);
        List<PublishedVersion.Row> rows = new ArrayList<>();
        int seq = 1;
        for (PublicationDraft.Listed l : draft.rows()) {
            ReportProject p = known.get(l.projectId());
            int revision = p.approvedRevision();
            ProjectDocument document = revisions.document(p.projectId(), revision)
                    .orElseThrow(() -> DomainException.conflict("document-missing", "the approved document of " + p.projectId()
                            + " is not in the read model; rebuild it first"));
            Optional<int[]> quantified = revisions.quantified(p.projectId(), revision);
            BigDecimal amount = p.funding() == null ? BigDecimal.ZERO.setScale(2)
                    : p.funding().scale() < 2 ? p.funding().setScale(2) : p.funding();
            rows.add(new PublishedVersion.Row(seq++, p.projectId(), revision, p.approvalNumber(), p.budgetUnitCode(),
                    p.budgetUnitName(), l.projectName() != null ? l.projectName() : p.projectName(), amount, document,
                    quantified.map(q -> q[0]).orElse(null), quantified.map(q -> q[1]).orElse(null)));
        }
        PublishedVersion version = new PublishedVersion(budgetYear, publications.latestVersionNumber(budgetYear) + 1,
                draft.title(), actor.name(), now(), rows);
        publications.saveVersion(version);
        return version;
    }

    @Transactional
    public Overview overview(int budgetYear) {
        Optional<PublicationDraft> draft = publications.draft(budgetYear);
        List<PublishedVersion> versions = publications.versions(budgetYear);
        if (draft.isEmpty() && versions.isEmpty()) {
            throw DomainException.notFound("publication list of", budgetYear);
        }
        List<DraftRow> draftRows = new ArrayList<>();
        if (draft.isPresent()) {
            Map<UUID, ReportProject> known = known(draft.get().rows());
            int seq = 1;
            for (PublicationDraft.Listed l : draft.get().rows()) {
                ReportProject p = known.get(l.projectId());
                String tableName = p == null ? null : p.projectName();
                draftRows.add(new DraftRow(seq++, l.projectId(), l.projectName() != null ? l.projectName() : tableName,
                        l.projectName() != null && !l.projectName().equals(tableName), tableName,
                        p == null ? null : p.budgetUnitCode(), p == null ? null : p.budgetUnitName(),
                        p == null ? null : p.funding(), p == null ? null : p.approvedRevision(),
                        p == null ? null : p.status().name()));
            }
        }
        PublishedVersion latest = publications.latest(budgetYear, true).orElse(null);
        List<PublishedRow> latestRows = new ArrayList<>();
        if (latest != null) {
            for (PublishedVersion.Row r : latest.rows()) {
                ReportProject now = projects.findByIdOptional(r.projectId()).orElse(null);
                int latestRevision = now == null ? r.revision() : now.latestRevision();
                Integer approved = now == null ? null : now.approvedRevision();
                latestRows.add(new PublishedRow(r, latestRevision, approved,
                        latestRevision != r.revision() || approved == null || approved != r.revision()));
            }
        }
        // counted and summed in SQL: a year has tens of thousands of approved projects
        Object[] c = queries.coverage(budgetYear, latest == null ? null : latest.version());
        Coverage coverage = Coverage.of(((Number) c[0]).intValue(), (BigDecimal) c[1], ((Number) c[2]).intValue(), (BigDecimal) c[3]);
        return new Overview(budgetYear, draft.map(PublicationDraft::title).orElse(null), draft.map(PublicationDraft::updatedBy).orElse(null),
                draft.map(PublicationDraft::updatedAt).orElse(null), draftRows, versions, latest, latestRows, coverage);
    }

    /** A published version (the latest when null) with its rows' summary columns only, for the summary table. */
    @Transactional
    public PublishedVersion summaryOf(int budgetYear, Integer version) {
        return version(budgetYear, version, false);
    }

    /** A published version with its frozen documents, or 404 — never the draft. */
    @Transactional
    public PublishedVersion version(int budgetYear, Integer version) {
        return version(budgetYear, version, true);
    }

    private PublishedVersion version(int budgetYear, Integer version, boolean documents) {
        Optional<PublishedVersion> v = version == null ? publications.latest(budgetYear, documents)
                : publications.version(budgetYear, version, documents);
        return v.orElseThrow(() -> DomainException.notFound("published version of", budgetYear + (version == null ? "" : " #" + version)));
    }

    /** The table of a project as the latest version froze it; 404 for any project that version does not list. */
    @Transactional
    public PublishedProject publishedProject(int budgetYear, UUID projectId) {
        PublishedVersion v = version(budgetYear, null, false);
        PublishedVersion.Row row = publications.row(budgetYear, v.version(), projectId)
                .orElseThrow(() -> DomainException.notFound("published project", projectId));
        return new PublishedProject(v, row, new ProjectTable(region, row.document(), row.revision(), row.approvalNumber()));
    }

    public record PublishedProject(PublishedVersion version, PublishedVersion.Row row, ProjectTable table) {
    }

    private Map<UUID, ReportProject> known(List<PublicationDraft.Listed> rows) {
        Map<UUID, ReportProject> known = new HashMap<>();
        List<UUID> ids = rows.stream().map(PublicationDraft.Listed::projectId).toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            projects.list("projectId in ?1", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .forEach(p -> known.put(p.projectId(), p));
        }
        return known;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
