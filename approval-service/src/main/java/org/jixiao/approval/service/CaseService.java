package org.jixiao.approval.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jixiao.approval.domain.AssignmentPolicy;
import org.jixiao.approval.domain.CaseComment;
import org.jixiao.approval.domain.CaseKind;
import org.jixiao.approval.domain.CaseStatus;
import org.jixiao.approval.domain.Checks;
import org.jixiao.approval.domain.Decision;
import org.jixiao.approval.domain.DecisionPolicy;
import org.jixiao.approval.domain.Grade;
import org.jixiao.approval.domain.HistoryEntry;
import org.jixiao.approval.domain.HistoryEntry.Action;
import org.jixiao.approval.domain.ReviewCase;
import org.jixiao.approval.domain.ReviewRoute;
import org.jixiao.approval.domain.StageDecision;
import org.jixiao.approval.repository.CommentRepository;
import org.jixiao.approval.repository.FindingsRepository;
import org.jixiao.approval.repository.GradingRuleRepository;
import org.jixiao.approval.repository.HistoryRepository;
import org.jixiao.approval.repository.ReportRepository;
import org.jixiao.approval.repository.ReviewCaseRepository;
import org.jixiao.approval.repository.RouteRepository;
import org.jixiao.approval.repository.StageDecisionRepository;
import org.jixiao.common.contract.DocumentDiff;
import org.jixiao.common.contract.FieldChange;
import org.jixiao.common.contract.Json;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.IndicatorCheckCompleted;
import org.jixiao.common.events.MonitoringAssessed;
import org.jixiao.common.events.MonitoringReviewed;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.ProjectReturned;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.Outbox;

/** The finance bureau's review: cases open from events, reviewers decide, decisions leave as events. */
@ApplicationScoped
public class CaseService {
    private static final Logger LOG = Logger.getLogger(CaseService.class);

    private final ReviewCaseRepository cases;
    private final HistoryRepository history;
    private final CommentRepository comments;
    private final FindingsRepository findings;
    private final RouteRepository routes;
    private final StageDecisionRepository stageDecisions;
    private final GradingRuleRepository gradingRules;
    private final ReportRepository reports;
    private final DashboardSignals signals;
    private final Outbox outbox;
    private final ObjectMapper json;

    public CaseService(ReviewCaseRepository cases, HistoryRepository history, CommentRepository comments,
            FindingsRepository findings, RouteRepository routes, StageDecisionRepository stageDecisions,
            GradingRuleRepository gradingRules, ReportRepository reports, DashboardSignals signals, Outbox outbox,
            ObjectMapper json) {
        this.reports = reports;
        this.signals = signals;
        this.cases = cases;
        this.history = history;
        this.comments = comments;
        this.findings = findings;
        this.routes = routes;
        this.stageDecisions = stageDecisions;
        this.gradingRules = gradingRules;
        this.outbox = outbox;
        this.json = json;
    }

    /** Opens the case of a submitted (or amended) revision; a second event for the same revision opens nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(EventEnvelope event, ProjectSubmitted submitted) {
        if (cases.findByProjectRevision(event.projectId(), event.revision()).isPresent()) {
            LOG.infof("case for %s revision %d already open", event.projectId(), event.revision());
            return;
        }
        ProjectDocument doc = submitted.project();
        boolean amendment = EventTypes.PROJECT_AMENDED.equals(event.eventType());
        List<FieldChange> changes = submitted.changes();
        if (changes == null) {
            changes = cases.previous(event.projectId(), event.revision())
                    .map(prev -> DocumentDiff.between(read(prev.snapshot()), doc)).orElse(null);
        }
        ReviewRoute route = routes.routeFor(doc.budgetYear());
        ReviewCase reviewCase = ReviewCase.open(new ReviewCase.Opening(event.projectId(), event.revision(),
                amendment ? CaseKind.AMENDMENT : CaseKind.SUBMISSION, doc.budgetYear(), doc.departmentCode(),
                doc.departmentName(), doc.name(), doc.funding() == null ? null : new BigDecimal(doc.funding()),
                doc.indicators() == null ? 0 : doc.indicators().size(), write(doc), submitted.amendmentReason(),
                changes == null ? null : write(changes), event.occurredAt()), route);
        cases.persist(reviewCase);
        record(reviewCase, event.actor(), Action.OPENED, null, CaseStatus.OPEN,
                (amendment ? "调整 amendment" : "申报 submission") + " of revision " + event.revision());
        signals.caseOpened(reviewCase);
    }

    /**
     * Opens the case of an assessed monitoring report (MONITORING) or self-evaluation (SELF_EVALUATION) with
     * the report, its assessment and score; an assessment of a report revision that has its case already (a
     * redelivery, or indicator-service assessing it again) opens nothing and returns that case.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReviewCase openReport(EventEnvelope event, MonitoringAssessed assessed) {
        var existing = cases.findReport(event.projectId(), assessed.period(), assessed.reportRevision());
        if (existing.isPresent()) {
            LOG.infof("case for %s report %s revision %d already open", event.projectId(), assessed.period(),
                    assessed.reportRevision());
            return existing.get();
        }
        MonitoringAssessed.Subject project = assessed.project();
        CaseKind kind = CaseKind.ofReport(assessed.finalReport());
        int rows = assessed.assessment().rows() == null ? 0 : assessed.assessment().rows().stream()
                .mapToInt(r -> r.index() + 1).max().orElse(0);
        ReviewCase reviewCase = ReviewCase.openReport(new ReviewCase.ReportOpening(event.projectId(), event.revision(),
                assessed.period(), assessed.reportRevision(), assessed.finalReport(), project.budgetYear(),
                project.departmentCode(), project.departmentName(), project.name(), decimal(project.funding()), rows,
                event.occurredAt()), ReviewRoute.forReports(project.budgetYear(), kind));
        cases.persist(reviewCase);
        cases.flush();
        reports.save(reviewCase.id(), new ReportRepository.Stored(assessed.asOf(), assessed.finalReport(),
                decimal(assessed.spent()), write(assessed.indicators() == null ? List.of() : assessed.indicators()),
                assessed.measures(), assessed.submittedBy(), assessed.assessment().overall(),
                write(assessed.assessment()), assessed.score() == null ? null : write(assessed.score()),
                assessed.scoreUnavailable()));
        record(reviewCase, event.actor(), Action.OPENED, null, CaseStatus.OPEN, (assessed.finalReport()
                ? "自评 self-evaluation " : "绩效监控 monitoring report ") + assessed.period() + " revision "
                + assessed.reportRevision() + ", " + assessed.assessment().overall()
                + (assessed.score() == null ? "" : ", score " + assessed.score().total() + " " + assessed.score().grade()));
        signals.caseOpened(reviewCase);
        return reviewCase;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void findingsArrived(EventEnvelope event, IndicatorCheckCompleted check) {
        findings.save(event.projectId(), event.revision(), write(check.findings()), check.hasErrors(),
                check.preview() == null ? null : write(check.preview()), check.previewUnavailable());
        cases.findByProjectRevision(event.projectId(), event.revision()).ifPresent(c -> record(c, event.actor(),
                Action.FINDINGS_RECEIVED, c.status(), c.status(), check.findings().size() + " finding(s)"
                        + (check.hasErrors() ? ", with ERRORs" : "")));
    }

    @Transactional
    public ReviewCase claim(UUID caseId, Actor actor) {
        ReviewCase c = CaseAccess.visible(cases, caseId, actor);
        AssignmentPolicy.checkClaim(c, routeFor(c), actor, stageDecisions.forCase(c.id()));
        if (c.assignee() == null) {
            c.claim(actor.name());
            record(c, actor.name(), Action.CLAIMED, c.status(), c.status(), null);
            cases.flush();
        }
        return c;
    }

    /** An admin hands the current stage of a case to a named reviewer. */
    @Transactional
    public ReviewCase assign(UUID caseId, String reviewer, Actor actor) {
        ReviewCase c = CaseAccess.visible(cases, caseId, actor);
        AssignmentPolicy.checkAssign(c, reviewer, routeFor(c), stageDecisions.forCase(c.id()));
        String before = c.assignee();
        c.claim(reviewer);
        record(c, actor.name(), Action.ASSIGNED, c.status(), c.status(),
                (before == null ? "" : before + " → ") + reviewer);
        cases.flush();
        return c;
    }

    @Transactional
    public ReviewCase decide(UUID caseId, Decision decision, Actor actor) {
        ReviewCase c = CaseAccess.visible(cases, caseId, actor);
        ReviewRoute route = routeFor(c);
        boolean report = c.kind().isReport();
        // a report's case is not about the declaration's findings
        Checks checks = report ? Checks.CLEAN
                : findings.find(c.projectId(), c.revision()).map(f -> Checks.of(f.hasErrors())).orElse(Checks.PENDING);
        DecisionPolicy.Verdict verdict = DecisionPolicy.check(c, decision, actor, new DecisionPolicy.Context(route,
                gradingRules.rulesFor(c.budgetYear()), checks, stageDecisions.forCase(c.id())));
        boolean checksOverridden = checks != Checks.CLEAN;
        boolean stageOverridden = !verdict.stageOverrides().isEmpty();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String stage = c.stageName();
        Grade grade = decision.grade();
        ProjectDocument doc = report ? null : read(c.snapshot());
        Map<Integer, String> rowNames = report ? reportRowNames(c) : null;
        List<ProjectReturned.ReviewComment> anchored = new ArrayList<>();
        if (stageOverridden) {
            record(c, actor.name(), Action.OVERRIDDEN, CaseStatus.OPEN, CaseStatus.OPEN, "审核环节限制 (stage restriction): "
                    + String.join("; ", verdict.stageOverrides()) + ". 理由: " + decision.overrideReason());
        }
        if (decision.comment() != null && !decision.comment().isBlank()) {
            comments.persist(new CaseComment(c.id(), stage, null, null, null, decision.comment(), actor.name(), now));
        }
        for (Decision.Comment dc : decision.commentsOrEmpty()) {
            String rowName = dc.indicatorIndex() == null ? null
                    : report ? rowNames.get(dc.indicatorIndex()) : doc.indicators().get(dc.indicatorIndex()).name();
            comments.persist(new CaseComment(c.id(), stage, dc.field(), dc.indicatorIndex(), rowName, dc.text(),
                    actor.name(), now));
            anchored.add(new ProjectReturned.ReviewComment(dc.field(), dc.indicatorIndex(), rowName, dc.text()));
            record(c, actor.name(), Action.COMMENTED, c.status(), c.status(), anchor(dc, rowName) + dc.text());
        }
        stageDecisions.persist(new StageDecision(c.id(), c.stageIndex(), stage, decision.action(), actor.name(), grade, now));
        switch (decision.action()) {
            case PASS -> {
                // recorded at the stage it decides, with that stage's grade, before the case moves on
                String next = route.stage(c.stageIndex() + 1).name();
                record(c, actor.name(), Action.PASSED, CaseStatus.OPEN, CaseStatus.OPEN,
                        stage + " → " + next + graded(grade), grade);
                c.pass(route, now);
            }
            case APPROVE -> {
                String number = cases.nextApprovalNumber(c.budgetYear());
                if (checksOverridden) {
                    record(c, actor.name(), Action.OVERRIDDEN, CaseStatus.OPEN, CaseStatus.OPEN,
                            (checks == Checks.PENDING ? "自动审核结果未到 (checks pending): " : "") + decision.overrideReason());
                }
                c.approve(actor.name(), grade, number,
                        checksOverridden || stageOverridden ? decision.overrideReason() : null, now);
                record(c, actor.name(), Action.APPROVED, CaseStatus.OPEN, CaseStatus.APPROVED, "批复 " + number
                        + graded(grade), grade);
                outbox.publish(Topics.REVIEWS, EventTypes.PROJECT_APPROVED, c.projectId(), c.revision(), actor.name(),
                        new ProjectApproved(number, actor.name(), now, grade == null ? null : grade.name(), doc));
            }
            case ACKNOWLEDGE -> {
                c.acknowledge(actor.name(), now);
                record(c, actor.name(), Action.ACKNOWLEDGED, CaseStatus.OPEN, CaseStatus.ACKNOWLEDGED,
                        "确认 " + c.period() + " revision " + c.reportRevision());
                publishReviewed(c, "ACKNOWLEDGED", decision.comment(), anchored, actor, now);
            }
            case RETURN -> {
                if (report) {
                    c.returnToDepartment(actor.name(), null, false, now);
                    record(c, actor.name(), Action.RETURNED, CaseStatus.OPEN, CaseStatus.RETURNED, decision.comment());
                    publishReviewed(c, "RETURNED", decision.comment(), anchored, actor, now);
                    break;
                }
                c.returnToDepartment(actor.name(), grade, verdict.refusedForBudget(), now);
                String detail = decision.comment();
                if (verdict.refusedForBudget()) {
                    detail = "等级 " + grade + ": 不得纳入预算 (refused for the budget)"
                            + (detail == null || detail.isBlank() ? "" : ". " + detail);
                } else if (grade != null) {
                    detail = "等级 " + grade + (detail == null || detail.isBlank() ? "" : ". " + detail);
                }
                record(c, actor.name(), Action.RETURNED, CaseStatus.OPEN, CaseStatus.RETURNED, detail, grade);
                outbox.publish(Topics.REVIEWS, EventTypes.PROJECT_RETURNED, c.projectId(), c.revision(), actor.name(),
                        new ProjectReturned(actor.name(), now, stage, decision.comment(), anchored));
            }
        }
        // Flush now: a concurrent decision on the same case fails here with 409, not at commit.
        cases.flush();
        signals.caseDecided(c);
        return c;
    }

    /** Declarations follow their year's configured route; reports their single review stage. */
    private ReviewRoute routeFor(ReviewCase c) {
        return c.kind().isReport() ? ReviewRoute.forReports(c.budgetYear(), c.kind()) : routes.routeFor(c.budgetYear());
    }

    /** The names of a report's rows, from its assessment, for anchored comments. */
    private Map<Integer, String> reportRowNames(ReviewCase c) {
        Map<Integer, String> names = new HashMap<>();
        reports.find(c.id()).map(r -> Json.read(json, r.assessmentJson(), MonitoringAssessed.Assessment.class))
                .filter(a -> a.rows() != null)
                .ifPresent(a -> a.rows().forEach(r -> names.put(r.index(), r.name())));
        return names;
    }

    /** MonitoringReviewed: project-service marks the report acknowledged, or makes it editable again. */
    private void publishReviewed(ReviewCase c, String outcome, String comment,
            List<ProjectReturned.ReviewComment> anchored, Actor actor, OffsetDateTime now) {
        outbox.publish(Topics.REVIEWS, EventTypes.MONITORING_REVIEWED, c.projectId(), c.revision(), actor.name(),
                new MonitoringReviewed(c.period(), c.reportRevision(), c.kind().name(), outcome, actor.name(), now,
                        comment == null || comment.isBlank() ? null : comment, anchored));
    }

    private static BigDecimal decimal(String value) {
        return value == null || value.isBlank() ? null : new BigDecimal(value);
    }

    private void record(ReviewCase c, String actor, Action action, CaseStatus from, CaseStatus to, String detail) {
        record(c, actor, action, from, to, detail, null);
    }

    private void record(ReviewCase c, String actor, Action action, CaseStatus from, CaseStatus to, String detail,
            Grade grade) {
        history.persist(new HistoryEntry(c.id(), OffsetDateTime.now(ZoneOffset.UTC), actor == null ? "system" : actor,
                action, c.stageName(), from == null ? null : from.name(), to == null ? null : to.name(), detail, grade));
    }

    private static String graded(Grade grade) {
        return grade == null ? "" : ", 等级 " + grade;
    }

    private static String anchor(Decision.Comment c, String rowName) {
        if (c.indicatorIndex() != null) {
            return "[指标 #" + c.indicatorIndex() + " " + rowName + "] ";
        }
        return c.field() == null ? "" : "[" + c.field() + "] ";
    }

    ProjectDocument read(String snapshot) {
        return Json.read(json, snapshot, ProjectDocument.class);
    }

    String write(Object value) {
        return Json.write(json, value);
    }
}
