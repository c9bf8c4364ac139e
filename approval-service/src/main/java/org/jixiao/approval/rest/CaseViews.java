package org.jixiao.approval.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jixiao.approval.domain.ReviewCase;
import org.jixiao.approval.domain.ReviewRoute;
import org.jixiao.approval.domain.WorkingDays;
import org.jixiao.approval.repository.CommentRepository;
import org.jixiao.approval.repository.FindingsRepository;
import org.jixiao.approval.repository.ReviewCaseRepository;
import org.jixiao.approval.repository.RouteRepository;

/** Builds the case views the dashboard reads: age and overdue flag, findings, comments of every round. */
@ApplicationScoped
public class CaseViews {
    private final CommentRepository comments;
    private final FindingsRepository findings;
    private final ReviewCaseRepository cases;
    private final RouteRepository routes;

    public CaseViews(CommentRepository comments, FindingsRepository findings, ReviewCaseRepository cases,
            RouteRepository routes) {
        this.comments = comments;
        this.findings = findings;
        this.cases = cases;
        this.routes = routes;
    }

    @Transactional
    public CaseView detail(ReviewCase c) {
        List<ReviewCase> rounds = cases.forProject(c.projectId()).stream().filter(r -> r.revision() <= c.revision()).toList();
        Map<UUID, Integer> revisionOf = rounds.stream().collect(Collectors.toMap(ReviewCase::id, ReviewCase::revision));
        List<CaseView.Comment> all = comments.forCases(rounds.stream().map(ReviewCase::id).toList()).stream()
                .map(cc -> CaseView.Comment.of(cc, revisionOf.get(cc.caseId()))).toList();
        var stored = findings.find(c.projectId(), c.revision());
        return summary(c, OffsetDateTime.now(ZoneOffset.UTC)).withDetail(c.snapshot(),
                stored.map(FindingsRepository.Stored::findingsJson).orElse(null), c.changes(), all);
    }

    @Transactional
    public CaseView summary(ReviewCase c, OffsetDateTime now) {
        ReviewRoute.Stage stage = routes.routeFor(c.budgetYear()).stage(c.stageIndex());
        int days = WorkingDays.between(c.stageEnteredAt(), now);
        Boolean flagged = findings.find(c.projectId(), c.revision()).map(FindingsRepository.Stored::hasErrors).orElse(null);
        return CaseView.summary(c, days, days > stage.targetDays(), flagged);
    }

}
