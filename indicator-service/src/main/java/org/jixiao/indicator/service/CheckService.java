package org.jixiao.indicator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.IndicatorCheckCompleted;
import org.jixiao.common.events.IndicatorCheckCompleted.Finding;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.Outbox;
import org.jixiao.common.rest.ProblemException;
import org.jixiao.indicator.domain.Framework;
import org.jixiao.indicator.domain.FrameworkPresets;
import org.jixiao.indicator.domain.checks.CheckEngine;
import org.jixiao.indicator.repository.CheckRunRepository;
import org.jixiao.indicator.repository.FrameworkAssignmentRepository;

/** The automated pre-review, on demand (REST) and for every submitted revision (events). */
@ApplicationScoped
public class CheckService {
    private static final Logger LOG = Logger.getLogger(CheckService.class);

    private final FrameworkAssignmentRepository assignments;
    private final CheckRunRepository runs;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final CheckEngine engine = CheckEngine.standard();

    public CheckService(FrameworkAssignmentRepository assignments, CheckRunRepository runs, Outbox outbox,
            ObjectMapper json) {
        this.assignments = assignments;
        this.runs = runs;
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

    @Transactional
    public Framework assign(int budgetYear, String code, String actor) {
        Framework framework = FrameworkPresets.byCode(code).orElseThrow(() -> ProblemException.badRequest(
                "unknown-framework", "framework " + code + " does not exist; known: " + FrameworkPresets.ALL.stream()
                        .map(Framework::code).toList()));
        assignments.assign(budgetYear, code, actor);
        return framework;
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
        outbox.publish(Topics.INDICATOR_CHECKS, EventTypes.INDICATOR_CHECK_COMPLETED, event.projectId(),
                event.revision(), "indicator-service", new IndicatorCheckCompleted(findings));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
