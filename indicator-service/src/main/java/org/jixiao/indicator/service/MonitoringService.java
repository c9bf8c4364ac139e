package org.jixiao.indicator.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Violation;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.MonitoringAssessed;
import org.jixiao.common.events.MonitoringLine;
import org.jixiao.common.events.MonitoringReported;
import org.jixiao.common.events.Scoresheet;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.Outbox;
import org.jixiao.indicator.domain.evaluation.Scoring;
import org.jixiao.indicator.domain.monitoring.Assessment;
import org.jixiao.indicator.domain.monitoring.Assessor;
import org.jixiao.indicator.domain.monitoring.MonitoringPolicy;
import org.jixiao.indicator.domain.monitoring.MonitoringReport;
import org.jixiao.indicator.domain.target.TargetParser;
import org.jixiao.indicator.repository.MonitoringAssessmentRepository;
import org.jixiao.indicator.repository.YearPolicyRepository;

/** 双监控: a monitoring report assessed against the approved table, by the year's thresholds. */
@ApplicationScoped
public class MonitoringService {
    private static final Logger LOG = Logger.getLogger(MonitoringService.class);

    private static final Pattern PERIOD = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");
    private static final Pattern COMPLETION = Pattern.compile("0(\\.[0-9]+)?|1(\\.0+)?");

    private final YearPolicyRepository policies;
    private final EvaluationService evaluations;
    private final MonitoringAssessmentRepository assessments;
    private final Outbox outbox;
    private final Assessor assessor = new Assessor(new TargetParser());

    public MonitoringService(YearPolicyRepository policies, EvaluationService evaluations,
            MonitoringAssessmentRepository assessments, Outbox outbox) {
        this.policies = policies;
        this.evaluations = evaluations;
        this.assessments = assessments;
        this.outbox = outbox;
    }

    @Transactional
    public Assessment assess(ProjectDocument document, MonitoringReport report) {
        if (document == null || document.budgetYear() == null) {
            throw DomainException.invalid("budget-year-required", null, "the document's budgetYear decides the year's"
                    + " thresholds and time progress", List.of(new Violation("/document/budgetYear", "required")));
        }
        if (report.spent() != null && report.spent().signum() < 0) {
            throw DomainException.invalid("invalid-spent", null, "spent is an amount in yuan, zero or more",
                    List.of(new Violation("/report/spent", "negative")));
        }
        return assessor.assess(document, report, policyFor(document.budgetYear()));
    }

    /**
     * Assesses a submitted report (and scores a final one) against the approved revision it carries and
     * publishes MonitoringAssessed once per submission (project, period, report revision).
     *
     * @throws DomainException INVALID when the report cannot be assessed at all (no document, no budget year,
     *     lines naming rows the document does not have, figures the event could not carry): no retry changes it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assessReported(UUID eventId, UUID projectId, int revision, MonitoringReported reported) {
        ProjectDocument document = reported.project();
        BigDecimal spent = requireAssessable(reported);
        List<MonitoringLine> lines = reported.indicators() == null ? List.of() : reported.indicators();
        List<MonitoringReport.Line> reportLines = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            reportLines.add(line(lines.get(k), k, reported.finalReport()));
        }
        Assessment assessment = assessor.assess(document, new MonitoringReport(reported.period(), reported.asOf(), spent,
                reportLines), policyFor(document.budgetYear()), false);

        Scoresheet score = null;
        String scoreUnavailable = null;
        BigDecimal total = null;
        if (reported.finalReport()) {
            List<Scoring.Entry> entries = lines.stream().map(l -> new Scoring.Entry(l.index(), l.actual(),
                    l.completion() == null ? null : new BigDecimal(l.completion()))).toList();
            EvaluationService.Outcome outcome = evaluations.attempt(document, spent, entries);
            if (outcome.scorecard() != null) {
                score = Scoresheets.of(outcome.scorecard());
                total = outcome.scorecard().total();
            } else {
                scoreUnavailable = outcome.unavailable();
            }
        }
        if (!assessments.recordFirst(projectId, reported.period(), reported.reportRevision(), revision,
                assessment.overall().name(), total, eventId)) {
            LOG.infof("report %s revision %d of %s was assessed already", reported.period(), reported.reportRevision(),
                    projectId);
            return;
        }
        outbox.publish(Topics.INDICATOR_CHECKS, EventTypes.MONITORING_ASSESSED, projectId, revision,
                FrameworkService.SERVICE_ACTOR, new MonitoringAssessed(reported.period(), reported.reportRevision(),
                        reported.asOf(), reported.finalReport(), subject(document, reported.approvedRevision()),
                        money(spent), lines, reported.measures(), reported.submittedBy(),
                        toEvent(assessment, document), score, scoreUnavailable));
    }

    /** What the event must hold to be assessed and to be carried on; the spent amount, when given. */
    private static BigDecimal requireAssessable(MonitoringReported r) {
        List<Violation> problems = new ArrayList<>();
        ProjectDocument d = r.project();
        if (d == null) {
            problems.add(new Violation("/data/project", "the approved revision is missing"));
        } else {
            if (d.budgetYear() == null) {
                problems.add(new Violation("/data/project/budgetYear", "required: it decides the year's thresholds"));
            }
            if (d.name() == null || d.departmentCode() == null) {
                problems.add(new Violation("/data/project", "name and departmentCode are required"));
            }
        }
        if (r.period() == null || !PERIOD.matcher(r.period()).matches()) {
            problems.add(new Violation("/data/period", "YYYY-MM expected: " + r.period()));
        }
        if (r.asOf() == null) {
            problems.add(new Violation("/data/asOf", "required"));
        }
        if (r.reportRevision() < 1 || r.approvedRevision() < 1) {
            problems.add(new Violation("/data/reportRevision", "revisions count from 1"));
        }
        BigDecimal spent = null;
        if (r.spent() != null) {
            try {
                spent = new BigDecimal(r.spent().strip());
                if (spent.signum() < 0) {
                    problems.add(new Violation("/data/spent", "negative: " + r.spent()));
                }
            } catch (NumberFormatException e) {
                problems.add(new Violation("/data/spent", "not an amount: " + r.spent()));
            }
        }
        List<MonitoringLine> lines = r.indicators() == null ? List.of() : r.indicators();
        for (int k = 0; k < lines.size(); k++) {
            MonitoringLine l = lines.get(k);
            if (l != null && l.completion() != null && !COMPLETION.matcher(l.completion()).matches()) {
                problems.add(new Violation("/data/indicators/" + k + "/completion", "a share between 0 and 1: " + l.completion()));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid("unassessable-report", null, "the monitoring report cannot be assessed", problems);
        }
        return spent;
    }

    /**
     * A report line as the assessor reads it. On a final report the year is over: a row without a forecast is
     * assessed on its actual when that is a figure (ours).
     */
    private static MonitoringReport.Line line(MonitoringLine l, int position, boolean finalReport) {
        if (l == null) {
            // the assessor refuses a line that names no row
            return null;
        }
        String forecast = l.forecast() == null && finalReport && decimal(l.actual()) ? l.actual() : l.forecast();
        return new MonitoringReport.Line(l.index(), l.actual(), forecast,
                named(MonitoringReport.Likelihood.class, l.likelihood(), "/data/indicators/" + position + "/likelihood"),
                named(MonitoringReport.DeviationCause.class, l.deviationCause(), "/data/indicators/" + position + "/deviationCause"),
                l.note());
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name, String pointer) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("unassessable-report", null, "the monitoring report cannot be assessed",
                    List.of(new Violation(pointer, "unknown value " + name)));
        }
    }

    private static boolean decimal(String text) {
        if (text == null) {
            return false;
        }
        try {
            new BigDecimal(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static MonitoringAssessed.Subject subject(ProjectDocument d, int approvedRevision) {
        return new MonitoringAssessed.Subject(d.name(), d.departmentCode(), d.departmentName(), d.budgetYear(),
                money(amountOrNull(d.funding())), approvedRevision);
    }

    private static MonitoringAssessed.Assessment toEvent(Assessment a, ProjectDocument d) {
        List<ProjectDocument.IndicatorRow> rows = d.indicators();
        Assessment.Budget b = a.budget();
        return new MonitoringAssessed.Assessment(a.overall().name(), a.rows().stream().map(r -> {
            ProjectDocument.IndicatorRow row = rows.get(r.index());
            return new MonitoringAssessed.RowStatus(r.index(), row.level1(), row.level2(), r.name(), r.target(), r.kind(),
                    r.status().name(), r.reason(), r.flags());
        }).toList(), new MonitoringAssessed.Budget(money(b.funding()), money(b.spent()), places(b.executionRate(), 4),
                places(b.timeProgress(), 4), places(b.lagPoints(), 2), b.status().name()));
    }

    private static BigDecimal amountOrNull(String text) {
        return decimal(text) ? new BigDecimal(text.strip()) : null;
    }

    private static String money(BigDecimal amount) {
        return places(amount, 2);
    }

    private static String places(BigDecimal value, int places) {
        return value == null ? null : value.setScale(places, RoundingMode.HALF_UP).toPlainString();
    }

    @Transactional
    public MonitoringPolicy policyFor(int budgetYear) {
        return policies.forYear(budgetYear, YearPolicyRepository.MONITORING, MonitoringPolicy.class)
                .orElseGet(MonitoringPolicy::standard);
    }

    @Transactional
    public MonitoringPolicy setPolicy(int budgetYear, MonitoringPolicy policy, Actor actor) {
        List<Violation> problems = policy.violations();
        if (!problems.isEmpty()) {
            throw DomainException.invalid("invalid-monitoring-policy", null, "the monitoring thresholds cannot be used", problems);
        }
        policies.put(budgetYear, YearPolicyRepository.MONITORING, policy, actor.name());
        LOG.infof("%s set the %d monitoring thresholds", actor.name(), budgetYear);
        return policy;
    }
}
