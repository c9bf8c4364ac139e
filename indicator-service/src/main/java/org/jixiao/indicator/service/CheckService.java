package org.jixiao.indicator.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jixiao.common.contract.Framework;
import org.jixiao.common.contract.Json;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.IndicatorCheckCompleted;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.Outbox;
import org.jixiao.indicator.domain.FrameworkVariants;
import org.jixiao.indicator.domain.checks.CheckEngine;
import org.jixiao.indicator.domain.checks.Finding;
import org.jixiao.indicator.domain.target.TargetMeaning;
import org.jixiao.indicator.domain.target.TargetParser;
import org.jixiao.indicator.repository.CheckRunRepository;

/** The automated pre-review, on demand (REST) and for every submitted revision (events). */
@ApplicationScoped
public class CheckService {
    private static final Logger LOG = Logger.getLogger(CheckService.class);

    private final FrameworkService frameworks;
    private final EvaluationService evaluations;
    private final CheckRunRepository runs;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final CheckEngine engine = CheckEngine.standard();
    private final TargetParser parser = new TargetParser();

    public CheckService(FrameworkService frameworks, EvaluationService evaluations, CheckRunRepository runs, Outbox outbox,
            ObjectMapper json) {
        this.frameworks = frameworks;
        this.evaluations = evaluations;
        this.runs = runs;
        this.outbox = outbox;
        this.json = json;
    }

    @Transactional
    public List<Finding> check(ProjectDocument project) {
        if (project.budgetYear() == null) {
            throw DomainException.invalid("budget-year-required", "budgetYear decides which framework applies");
        }
        if (project.indicators() != null && project.indicators().stream().anyMatch(java.util.Objects::isNull)) {
            throw DomainException.invalid("null-indicator", "an indicator row is null; send an object per row");
        }
        return engine.run(project, frameworks.levelsFor(project.budgetYear()));
    }

    /** Checks a submitted revision and publishes the result once per revision, however often it arrives. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checkSubmitted(UUID projectId, int revision, ProjectDocument project) {
        FrameworkVariants levels = frameworks.levelsFor(project.budgetYear());
        Framework framework = levels.framework();
        List<IndicatorCheckCompleted.Finding> findings = engine.run(project, levels).stream()
                .map(CheckService::toEvent).toList();
        if (!runs.recordFirst(projectId, revision, framework.code(), Json.write(json, findings))) {
            LOG.infof("revision %d of %s was checked already", revision, projectId);
            return;
        }
        List<ProjectDocument.IndicatorRow> rows = project.indicators() == null ? List.of() : project.indicators();
        List<IndicatorCheckCompleted.Reading> readings = new ArrayList<>();
        int quantified = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == null) {
                continue;
            }
            TargetMeaning m = parser.parse(rows.get(i).target(), project.budgetYear());
            quantified += m.quantified() ? 1 : 0;
            readings.add(reading(i, m));
        }
        // 自评预览: nothing measured yet, so every target counts as met; what the reviewer learns is how the points
        // are spread over the rows and how many rest on judgement
        EvaluationService.Outcome preview = evaluations.attempt(project, null, null);
        outbox.publish(Topics.INDICATOR_CHECKS, EventTypes.INDICATOR_CHECK_COMPLETED, projectId, revision,
                FrameworkService.SERVICE_ACTOR, new IndicatorCheckCompleted(findings, rows.size(), quantified, readings,
                        preview.scorecard() == null ? null : Scoresheets.of(preview.scorecard()), preview.unavailable()));
    }

    static IndicatorCheckCompleted.Reading reading(int index, TargetMeaning m) {
        return new IndicatorCheckCompleted.Reading(index, m.kind().name(), m.operator() == null ? null : m.operator().name(),
                m.value(), m.upperValue(), m.unit(), m.deadline() == null ? null : m.deadline().toString());
    }

    static IndicatorCheckCompleted.Finding toEvent(Finding f) {
        return new IndicatorCheckCompleted.Finding(f.code(),
                IndicatorCheckCompleted.Severity.valueOf(f.severity().name()), f.indicatorIndex(), f.messageZh(),
                f.messageEn());
    }
}
