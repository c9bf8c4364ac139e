package org.jixiao.project.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.jixiao.common.contract.Json;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Violation;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.MonitoringLine;
import org.jixiao.common.events.MonitoringReported;
import org.jixiao.common.events.MonitoringReviewed;
import org.jixiao.common.events.ProjectReturned;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.Outbox;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;
import org.jixiao.project.domain.MonitoringComment;
import org.jixiao.project.domain.MonitoringContent;
import org.jixiao.project.domain.MonitoringInput;
import org.jixiao.project.domain.MonitoringReport;
import org.jixiao.project.domain.MonitoringReportPolicy;
import org.jixiao.project.domain.MonitoringRevision;
import org.jixiao.project.domain.MonitoringStatus;
import org.jixiao.project.domain.Project;
import org.jixiao.project.domain.ReportLine;
import org.jixiao.project.repository.MonitoringCommentRepository;
import org.jixiao.project.repository.MonitoringReportRepository;
import org.jixiao.project.repository.MonitoringRevisionRepository;
import org.jixiao.project.repository.ProjectRepository;
import org.jixiao.project.repository.ProjectRevisionRepository;

/**
 * 双监控 and 自评 on the department's side: monitoring reports per (project, period) on the approved revision,
 * their submission (MonitoringReported, carrying the approved revision in full) and the bureau's answer
 * (MonitoringReviewed). Each public method is one transaction.
 */
@ApplicationScoped
public class MonitoringService {
    private static final Logger LOG = Logger.getLogger(MonitoringService.class);
    private static final String PERIOD_INDEX = "monitoring_report_period";

    private final ProjectRepository projects;
    private final ProjectRevisionRepository projectRevisions;
    private final MonitoringReportRepository reports;
    private final MonitoringRevisionRepository revisions;
    private final MonitoringCommentRepository comments;
    private final Outbox outbox;
    private final ObjectMapper json;

    public MonitoringService(ProjectRepository projects, ProjectRevisionRepository projectRevisions,
            MonitoringReportRepository reports, MonitoringRevisionRepository revisions,
            MonitoringCommentRepository comments, Outbox outbox, ObjectMapper json) {
        this.projects = projects;
        this.projectRevisions = projectRevisions;
        this.reports = reports;
        this.revisions = revisions;
        this.comments = comments;
        this.outbox = outbox;
        this.json = json;
    }

    /**
     * A report as a use case answers it: the entity (its version, read after the commit, is the ETag), its lines
     * and the bureau's comments, both read inside the transaction.
     */
    public record MonitoringDetails(MonitoringReport report, List<ReportLine> lines, List<MonitoringComment> comments) {
    }

    /** A frozen submission and its content as it left. */
    public record SubmittedRevision(MonitoringRevision revision, FrozenReport report) {
    }

    /** The content of a submission as it is frozen (JSON in monitoring_report_revision). */
    public record FrozenReport(String period, int reportRevision, int approvedRevision, LocalDate asOf, String spent,
            @JsonProperty("final") boolean finalReport, List<MonitoringLine> indicators, String measures,
            String submittedBy, OffsetDateTime submittedAt) {
    }

    /** A new DRAFT; 409 when the project has no approved revision or the period already has a report. */
    @Transactional
    public MonitoringDetails create(UUID projectId, MonitoringInput input, Actor actor) {
        Project project = lockVisible(projectId, actor);
        Approved approved = approved(project);
        MonitoringContent content = MonitoringReportPolicy.accept(input, project.budgetYear(), approved.rows());
        String period = content.period().toString();
        Optional<MonitoringReport> existing = reports.find(projectId, period);
        if (existing.isPresent()) {
            throw alreadyExists(projectId, period, existing.get().status());
        }
        MonitoringReport report = MonitoringReport.start(projectId, content, approved.revision(), actor.name());
        reports.persist(report);
        flush(projectId, period);
        return details(report);
    }

    /** Replaces the content of a DRAFT or RETURNED report; {@code expectedVersion} is the client's ETag. */
    @Transactional
    public MonitoringDetails replace(UUID projectId, String periodText, long expectedVersion, MonitoringInput input,
            Actor actor) {
        String period = MonitoringReportPolicy.period(periodText).toString();
        Project project = lockVisible(projectId, actor);
        Approved approved = approved(project);
        MonitoringReport report = lockReport(projectId, period);
        requireVersion(report, expectedVersion);
        report.requireEditable();
        if (input.period() != null && !input.period().equals(period)) {
            throw DomainException.invalid("immutable-field", "Invalid monitoring report", "the body's period "
                    + input.period() + " is not the period " + period + " of this report; a report's period cannot change",
                    List.of(new Violation("/period", "must be " + period + " or left out")));
        }
        MonitoringInput withPeriod = new MonitoringInput(period, input.asOf(), input.spent(), input.finalReport(),
                input.indicators(), input.measures());
        MonitoringContent content = MonitoringReportPolicy.accept(withPeriod, project.budgetYear(), approved.rows());
        report.replaceContent(content, approved.revision(), actor.name());
        reports.flush();
        return details(report);
    }

    @Transactional
    public MonitoringDetails get(UUID projectId, String periodText, Actor actor) {
        String period = MonitoringReportPolicy.period(periodText).toString();
        requireVisible(projectId, actor);
        return details(reports.find(projectId, period).orElseThrow(() -> notFound(projectId, period)));
    }

    @Transactional
    public Page<MonitoringReport> list(UUID projectId, MonitoringStatus status, PageRequest page, Actor actor) {
        requireVisible(projectId, actor);
        return reports.page(projectId, status, page);
    }

    /** The frozen submissions of a report, oldest first. */
    @Transactional
    public List<SubmittedRevision> revisions(UUID projectId, String periodText, Actor actor) {
        String period = MonitoringReportPolicy.period(periodText).toString();
        requireVisible(projectId, actor);
        MonitoringReport report = reports.find(projectId, period).orElseThrow(() -> notFound(projectId, period));
        return revisions.listFor(report.id()).stream()
                .map(r -> new SubmittedRevision(r, Json.read(json, r.content(), FrozenReport.class))).toList();
    }

    /**
     * Freezes the next revision of the report against the approved revision in force now (checked once more:
     * an amendment approved since the draft was saved may have other rows) and announces it as
     * MonitoringReported, keyed by the project so that it stays in order with the project's other events.
     * {@code ifMatch} (null without If-Match) must be current when given.
     */
    @Transactional
    public MonitoringDetails submit(UUID projectId, String periodText, Long ifMatch, Actor actor) {
        String period = MonitoringReportPolicy.period(periodText).toString();
        Project project = lockVisible(projectId, actor);
        Approved approved = approved(project);
        MonitoringReport report = lockReport(projectId, period);
        if (ifMatch != null) {
            requireVersion(report, ifMatch);
        }
        if (!report.status().editable()) {
            throw DomainException.conflict("not-submittable", "a " + report.status() + " report cannot be submitted;"
                    + " only a DRAFT or RETURNED one can");
        }
        MonitoringContent content = MonitoringReportPolicy.acceptForSubmission(
                MonitoringReportPolicy.asInput(report.content()), project.budgetYear(), approved.rows());
        report.submit(approved.revision(), actor.name());
        List<MonitoringLine> lines = content.lines().stream().map(MonitoringService::line).toList();
        String spent = content.spent().toPlainString();
        FrozenReport frozen = new FrozenReport(period, report.reportRevision(), approved.revision(), content.asOf(), spent,
                content.finalReport(), lines, content.measures(), actor.name(), report.submittedAt());
        revisions.persist(new MonitoringRevision(report.id(), report.reportRevision(), approved.revision(),
                Json.write(json, frozen), actor.name(), report.submittedAt()));
        outbox.publish(Topics.PROJECTS, EventTypes.MONITORING_REPORTED, projectId, approved.revision(), actor.name(),
                new MonitoringReported(period, report.reportRevision(), content.asOf(), spent, content.finalReport(),
                        lines, content.measures(), actor.name(), report.submittedAt(), approved.revision(),
                        approved.document()));
        reports.flush();
        return details(report);
    }

    /**
     * The bureau's answer to a submitted report (from approval-service). It applies only to the revision
     * waiting for it: a duplicate, or an answer to an older revision, changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewed(UUID projectId, MonitoringReviewed decision) {
        if (projectId == null || decision.period() == null) {
            LOG.warnf("MonitoringReviewed without project or period ignored");
            return;
        }
        MonitoringReport report = reports.lock(projectId, decision.period()).orElse(null);
        if (report == null) {
            LOG.warnf("review of unknown monitoring report %s %s ignored", projectId, decision.period());
            return;
        }
        OffsetDateTime at = decision.reviewedAt() != null ? decision.reviewedAt() : OffsetDateTime.now(ZoneOffset.UTC);
        MonitoringStatus outcome;
        boolean applied;
        if ("ACKNOWLEDGED".equals(decision.outcome())) {
            outcome = MonitoringStatus.ACKNOWLEDGED;
            applied = report.acknowledge(decision.reportRevision(), decision.reviewedBy(), at);
        } else if ("RETURNED".equals(decision.outcome())) {
            outcome = MonitoringStatus.RETURNED;
            applied = report.returnForRevision(decision.reportRevision(), decision.reviewedBy(), at);
        } else {
            LOG.warnf("review of %s %s with outcome %s ignored", projectId, decision.period(), decision.outcome());
            return;
        }
        if (!applied) {
            LOG.warnf("review (%s) of %s %s revision %d ignored: the report is %s at revision %d", decision.outcome(),
                    projectId, decision.period(), decision.reportRevision(), report.status(), report.reportRevision());
            return;
        }
        revisions.find(report.id(), decision.reportRevision())
                .ifPresent(r -> r.reviewed(outcome, decision.reviewedBy(), at));
        if (outcome == MonitoringStatus.RETURNED) {
            String author = decision.reviewedBy() == null ? "" : decision.reviewedBy();
            if (decision.comment() != null && !decision.comment().isBlank()) {
                comments.persist(new MonitoringComment(report.id(), decision.reportRevision(), null, null, null,
                        decision.comment(), author, at));
            }
            if (decision.comments() != null) {
                for (ProjectReturned.ReviewComment c : decision.comments()) {
                    if (c != null && c.text() != null) {
                        comments.persist(new MonitoringComment(report.id(), decision.reportRevision(), c.field(),
                                c.indicatorIndex(), c.indicatorName(), c.text(), author, at));
                    }
                }
            }
        }
    }

    /** The approved revision a report is about: the latest approved one, whatever amendment is in progress. */
    private record Approved(int revision, ProjectDocument document) {
        int rows() {
            return document.indicators() == null ? 0 : document.indicators().size();
        }
    }

    private Approved approved(Project project) {
        if (project.approvedRevision() == null) {
            throw DomainException.conflict("not-approved", "project " + project.id() + " has no approved revision ("
                    + project.status() + "): monitoring reports follow the targets the bureau approved");
        }
        int revision = project.approvedRevision();
        ProjectDocument document = projectRevisions.find(project.id(), revision)
                .map(r -> Json.read(json, r.document(), ProjectDocument.class))
                .orElseThrow(() -> new IllegalStateException("approved revision " + revision + " of " + project.id() + " is missing"));
        return new Approved(revision, document);
    }

    private static MonitoringLine line(ReportLine l) {
        return new MonitoringLine(l.index(), l.actual(), l.forecast(),
                l.likelihood() == null ? null : l.likelihood().name(),
                l.deviationCause() == null ? null : l.deviationCause().name(), l.note(), l.completion(),
                l.justification());
    }

    private MonitoringDetails details(MonitoringReport report) {
        return new MonitoringDetails(report, report.lines(), comments.listFor(report.id()));
    }

    /** Two first reports of one period at once queue on the project's lock; the unique index is the last word. */
    private void flush(UUID projectId, String period) {
        try {
            reports.flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException c && c.getConstraintName() != null
                        && c.getConstraintName().contains(PERIOD_INDEX)) {
                    throw alreadyExists(projectId, period, null);
                }
            }
            throw e;
        }
    }

    private static DomainException alreadyExists(UUID projectId, String period, MonitoringStatus status) {
        return DomainException.conflict("monitoring-report-exists", "project " + projectId + " already has a report of"
                + " period " + period + (status == null ? "" : " (" + status + ")") + "; one report per period: change it with"
                + " PUT /api/v1/projects/" + projectId + "/monitoring/" + period);
    }

    private static DomainException notFound(UUID projectId, String period) {
        return DomainException.notFound("monitoring report", period + " of project " + projectId);
    }

    private MonitoringReport lockReport(UUID projectId, String period) {
        return reports.lock(projectId, period).orElseThrow(() -> notFound(projectId, period));
    }

    private Project lockVisible(UUID id, Actor actor) {
        return projects.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(p -> p.isVisibleTo(actor))
                .orElseThrow(() -> DomainException.notFound("project", id));
    }

    private void requireVisible(UUID id, Actor actor) {
        projects.findByIdOptional(id).filter(p -> p.isVisibleTo(actor))
                .orElseThrow(() -> DomainException.notFound("project", id));
    }

    private static void requireVersion(MonitoringReport report, long expectedVersion) {
        if (report.version() != expectedVersion) {
            throw new DomainException(DomainException.Kind.PRECONDITION_FAILED, "stale-etag", null,
                    "the report changed since you read it (your ETag is version " + expectedVersion + ", current is "
                            + report.version() + "); read it again and reapply your change", List.of());
        }
    }
}
