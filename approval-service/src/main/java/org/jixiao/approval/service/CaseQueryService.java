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
import org.jixiao.approval.repository.CommentRepository;
import org.jixiao.approval.repository.FindingsRepository;
import org.jixiao.approval.repository.HistoryRepository;
import org.jixiao.approval.repository.ReportRepository;
import org.jixiao.approval.repository.ReviewCaseRepository;
import org.jixiao.approval.repository.StageDecisionRepository;
import org.jixiao.common.domain.Actor;
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
    private final CommentRepository comments;
    private final FindingsRepository findings;
    private final StageDecisionRepository stageDecisions;
    private final ReportRepository reports;

    public CaseQueryService(ReviewCaseRepository cases, HistoryRepository history, CommentRepository comments,
            FindingsRepository findings, StageDecisionRepository stageDecisions, ReportRepository reports) {
        this.reports = reports;
        this.stageDecisions = stageDecisions;
        this.cases = cases;
        this.history = history;
        this.comments = comments;
        this.findings = findings;
    }

    /** One page of the cases {@code filter} keeps; a department actor sees its own department's only. */
    @Transactional
    public Page<CaseSummary> list(CaseFilter filter, SortOrder order, PageRequest request, Actor actor) {
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
        return detail(CaseAccess.visible(cases, caseId, actor));
    }

    /** The full view of a case the caller already holds (e.g. just decided). */
    @Transactional
    public CaseDetail detail(ReviewCase c) {
        List<ReviewCase> rounds = cases.roundsUpTo(c);
        Map<UUID, Integer> revisionOf = rounds.stream().collect(Collectors.toMap(ReviewCase::id, ReviewCase::revision));
        List<CaseDetail.RoundComment> all = comments.forCases(rounds.stream().map(ReviewCase::id).toList()).stream()
                .map(cc -> new CaseDetail.RoundComment(revisionOf.get(cc.caseId()), cc)).toList();
        boolean report = c.kind().isReport();
        var stored = report ? Optional.<FindingsRepository.Stored>empty() : findings.find(c.projectId(), c.revision());
        CaseSummary summary = CaseSummary.of(c, OffsetDateTime.now(ZoneOffset.UTC),
                stored.map(FindingsRepository.Stored::hasErrors).orElse(null));
        return new CaseDetail(summary, stored.map(FindingsRepository.Stored::findingsJson).orElse(null), all,
                stageDecisions.forCase(c.id()), stored.map(FindingsRepository.Stored::previewJson).orElse(null),
                stored.map(FindingsRepository.Stored::previewUnavailable).orElse(null),
                report ? reports.find(c.id()).map(r -> new CaseDetail.Report(r.asOf(), r.finalReport(), r.spent(),
                        r.indicatorsJson(), r.measures(), r.submittedBy(), r.overall(), r.assessmentJson(), r.scoreJson(),
                        r.scoreUnavailable())).orElse(null) : null);
    }

    /** A case as lists show it, e.g. after a claim. */
    @Transactional
    public CaseSummary summary(ReviewCase c) {
        return CaseSummary.of(c, OffsetDateTime.now(ZoneOffset.UTC), c.kind().isReport() ? null
                : findings.find(c.projectId(), c.revision()).map(FindingsRepository.Stored::hasErrors).orElse(null));
    }

    /** The audit trail of a case the actor may see, oldest first. */
    @Transactional
    public List<HistoryEntry> history(UUID caseId, Actor actor) {
        CaseAccess.visible(cases, caseId, actor);
        return history.forCase(caseId);
    }
}
