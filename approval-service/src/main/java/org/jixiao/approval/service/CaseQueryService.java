package org.jixiao.approval.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jixiao.approval.domain.CaseFilter;
import org.jixiao.approval.domain.HistoryEntry;
import org.jixiao.approval.domain.ReviewCase;
import org.jixiao.approval.repository.CaseDetailRepository;
import org.jixiao.approval.repository.FindingsRepository;
import org.jixiao.approval.repository.HistoryRepository;
import org.jixiao.approval.repository.ReportRepository;
import org.jixiao.approval.repository.ReviewCaseRepository;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;
import org.jixiao.common.query.SortOrder;

/** What reviewers and departments read about cases: lists, one case in full, its audit trail. */
@ApplicationScoped
public class CaseQueryService {
    /** The fields a case list can be sorted by. */
    public static final List<String> SORT_FIELDS = List.of("openedAt", "submittedAt", "stageEnteredAt", "funding",
            "projectName", "departmentCode", "decidedAt");

    private final ReviewCaseRepository cases;
    private final HistoryRepository history;
    private final FindingsRepository findings;
    private final CaseDetailRepository details;
    private final ReadOnlyReads readOnly;

    public CaseQueryService(ReviewCaseRepository cases, HistoryRepository history, FindingsRepository findings,
            CaseDetailRepository details, ReadOnlyReads readOnly) {
        this.cases = cases;
        this.history = history;
        this.findings = findings;
        this.details = details;
        this.readOnly = readOnly;
    }

    /** One page of the cases {@code filter} keeps; a department actor sees its own department's only. */
    @Transactional
    public Page<CaseSummary> list(CaseFilter filter, SortOrder order, PageRequest request, Actor actor) {
        readOnly.begin();
        CaseFilter effective = actor.restrictedToDepartment().map(filter::withDepartment).orElse(filter);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Page<ReviewCase> page = cases.page(effective, now, order, request);
        Map<FindingsRepository.Revision, Boolean> flags = findings.errorFlags(
                page.items().stream().map(ReviewCase::projectId).collect(Collectors.toSet()));
        // a report case is not about the declaration's findings: no flag
        return page.map(c -> CaseSummary.of(c, now, c.kind().isReport() ? null
                : flags.get(new FindingsRepository.Revision(c.projectId(), c.revision()))));
    }

    /** The open cases the actor holds, longest in their stage first. */
    @Transactional
    public Page<CaseSummary> heldBy(Actor actor, PageRequest request) {
        return list(CaseFilter.heldBy(actor.name()), SortOrder.ascending("stageEnteredAt"), request, actor);
    }

    @Transactional
    public CaseDetail detail(UUID caseId, Actor actor) {
        readOnly.begin();
        return detail(details.find(caseId).filter(row -> actor.mayAccessDepartment(row.reviewCase().departmentCode()))
                .orElseThrow(() -> DomainException.notFound("case", caseId)));
    }

    /** The full view of a case the caller already holds (e.g. just decided), as it is now committed. */
    @Transactional
    public CaseDetail detail(ReviewCase c) {
        readOnly.begin();
        return detail(details.find(c.id()).orElseThrow(() -> DomainException.notFound("case", c.id())));
    }

    private CaseDetail detail(CaseDetailRepository.CaseRow row) {
        ReviewCase c = row.reviewCase();
        CaseDetailRepository.Trail trail = details.trail(c);
        Optional<FindingsRepository.Stored> stored = Optional.ofNullable(row.findings());
        CaseSummary summary = CaseSummary.of(c, OffsetDateTime.now(ZoneOffset.UTC),
                stored.map(FindingsRepository.Stored::hasErrors).orElse(null));
        ReportRepository.Stored r = row.report();
        return new CaseDetail(summary, stored.map(FindingsRepository.Stored::findingsJson).orElse(null),
                trail.comments().stream().map(rc -> new CaseDetail.RoundComment(rc.revision(), rc.comment())).toList(),
                trail.decisions(), stored.map(FindingsRepository.Stored::previewJson).orElse(null),
                stored.map(FindingsRepository.Stored::previewUnavailable).orElse(null),
                r == null ? null : new CaseDetail.Report(r.asOf(), r.finalReport(), r.spent(), r.indicatorsJson(),
                        r.measures(), r.submittedBy(), r.overall(), r.assessmentJson(), r.scoreJson(),
                        r.scoreUnavailable()));
    }

    /** A case as lists show it, e.g. after a claim. */
    @Transactional
    public CaseSummary summary(ReviewCase c) {
        readOnly.begin();
        return CaseSummary.of(c, OffsetDateTime.now(ZoneOffset.UTC), c.kind().isReport() ? null
                : findings.find(c.projectId(), c.revision()).map(FindingsRepository.Stored::hasErrors).orElse(null));
    }

    /** The audit trail of a case the actor may see, oldest first. */
    @Transactional
    public List<HistoryEntry> history(UUID caseId, Actor actor) {
        readOnly.begin();
        CaseAccess.visible(cases, caseId, actor);
        return history.forCase(caseId);
    }
}
