package org.jixiao.indicator.service;

import org.jixiao.common.contract.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.FrameworkPublished;
import org.jixiao.common.events.IndicatorCheckCompleted;
import org.jixiao.common.events.IndicatorCheckCompleted.Finding;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.Outbox;
import org.jixiao.common.rest.ProblemException;
import org.jixiao.common.contract.Framework;
import org.jixiao.indicator.domain.FrameworkPresets;
import org.jixiao.indicator.domain.checks.CheckEngine;
import org.jixiao.indicator.repository.CheckRunRepository;
import org.jixiao.indicator.repository.FrameworkAssignmentRepository;
import org.jixiao.indicator.repository.FrameworkPublicationRepository;

/** The automated pre-review, on demand (REST) and for every submitted revision (events). */
@ApplicationScoped
public class CheckService {
    private static final Logger LOG = Logger.getLogger(CheckService.class);

    private final FrameworkAssignmentRepository assignments;
    private final CheckRunRepository runs;
    private final FrameworkPublicationRepository publications;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final CheckEngine engine = CheckEngine.standard();
    private final org.jixiao.indicator.domain.target.TargetParser parser = new org.jixiao.indicator.domain.target.TargetParser();

    public CheckService(FrameworkAssignmentRepository assignments, CheckRunRepository runs,
            FrameworkPublicationRepository publications, Outbox outbox, ObjectMapper json) {
        this.assignments = assignments;
        this.runs = runs;
        this.publications = publications;
        this.outbox = outbox;
        this.json = json;
    }

    @Transactional
    public List<Finding> check(ProjectDocument project) {
        if (project.budgetYear() == null) {
            throw ProblemException.badRequest("budget-year-required", "budgetYear decides which framework applies");
        }
        return engine.run(project, frameworkFor(project.budgetYear()));
    }

    @Transactional
    public Framework frameworkFor(int budgetYear) {
        String code = assignments.codeFor(budgetYear).orElse(FrameworkPresets.CLASSIC);
        return FrameworkPresets.byCode(code).orElse(FrameworkPresets.CLASSIC_FRAMEWORK);
    }

    /** Chooses a year's framework and publishes it, so project-service validates that year's rows by it. */
    @Transactional
    public Framework assign(int budgetYear, String code, String actor) {
        Framework framework = FrameworkPresets.byCode(code).orElseThrow(() -> ProblemException.badRequest(
                "unknown-framework", "framework " + code + " does not exist; known: " + FrameworkPresets.ALL.stream()
                        .map(Framework::code).toList()));
        assignments.assign(budgetYear, code, actor);
        if (publications.recordIfChanged(Integer.toString(budgetYear), framework.code(), framework.version())) {
            outbox.publishKeyed(Topics.FRAMEWORKS, "framework-" + budgetYear, EventTypes.FRAMEWORK_PUBLISHED, actor,
                    new FrameworkPublished(budgetYear, framework));
        }
        return framework;
    }

    /** The default (classic) framework, published once per version so that consumers know it too. */
    @Transactional
    public void publishDefault() {
        Framework framework = FrameworkPresets.CLASSIC_FRAMEWORK;
        if (publications.recordIfChanged("default", framework.code(), framework.version())) {
            outbox.publishKeyed(Topics.FRAMEWORKS, "framework-default", EventTypes.FRAMEWORK_PUBLISHED,
                    "indicator-service", new FrameworkPublished(null, framework));
            LOG.infof("published the default framework %s v%d", framework.code(), framework.version());
        }
    }

    /** Checks a submitted revision and publishes the result once per revision, however often it arrives. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checkSubmitted(EventEnvelope event, ProjectDocument project) {
        Framework framework = frameworkFor(project.budgetYear());
        List<Finding> findings = engine.run(project, framework);
        if (!runs.recordFirst(event.projectId(), event.revision(), framework.code(), write(findings))) {
            LOG.infof("revision %d of %s was checked already", event.revision(), event.projectId());
            return;
        }
        List<ProjectDocument.IndicatorRow> rows = project.indicators() == null ? List.of() : project.indicators();
        int quantified = (int) rows.stream().filter(r -> parser.parse(r.target(), project.budgetYear()).quantified()).count();
        outbox.publish(Topics.INDICATOR_CHECKS, EventTypes.INDICATOR_CHECK_COMPLETED, event.projectId(),
                event.revision(), "indicator-service", new IndicatorCheckCompleted(findings, rows.size(), quantified));
    }

    private String write(Object value) {
        return Json.write(json, value);
    }
}
