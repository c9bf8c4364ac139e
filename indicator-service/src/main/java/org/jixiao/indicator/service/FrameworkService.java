package org.jixiao.indicator.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import org.jboss.logging.Logger;
import org.jixiao.common.contract.Framework;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.FrameworkPublished;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.Outbox;
import org.jixiao.indicator.domain.FrameworkPresets;
import org.jixiao.indicator.repository.FrameworkAssignmentRepository;
import org.jixiao.indicator.repository.FrameworkPublicationRepository;

/**
 * 指标体系: which framework each budget year uses, and its publication on {@code jixiao.frameworks} so
 * that project-service validates a year's rows by the same framework the checks use.
 */
@ApplicationScoped
public class FrameworkService {
    private static final Logger LOG = Logger.getLogger(FrameworkService.class);
    static final String SERVICE_ACTOR = "indicator-service";

    private final FrameworkAssignmentRepository assignments;
    private final FrameworkPublicationRepository publications;
    private final Outbox outbox;

    public FrameworkService(FrameworkAssignmentRepository assignments, FrameworkPublicationRepository publications,
            Outbox outbox) {
        this.assignments = assignments;
        this.publications = publications;
        this.outbox = outbox;
    }

    public List<Framework> all() {
        return FrameworkPresets.ALL;
    }

    /** The framework in force for a budget year: classic unless an admin chose another. */
    @Transactional
    public Framework frameworkFor(int budgetYear) {
        String code = assignments.codeFor(budgetYear).orElse(FrameworkPresets.CLASSIC);
        return FrameworkPresets.byCode(code).orElse(FrameworkPresets.CLASSIC_FRAMEWORK);
    }

    /** Chooses a year's framework and publishes it when it changed. */
    @Transactional
    public Framework assign(int budgetYear, String code, Actor actor) {
        Framework framework = FrameworkPresets.require(code);
        assignments.assign(budgetYear, code, actor.name());
        if (publications.recordIfChanged(Integer.toString(budgetYear), framework.code(), framework.version())) {
            outbox.publishKeyed(Topics.FRAMEWORKS, "framework-" + budgetYear, EventTypes.FRAMEWORK_PUBLISHED,
                    actor.name(), new FrameworkPublished(budgetYear, framework));
        }
        return framework;
    }

    /**
     * Publishes the default (classic) framework once per version at start, so that consumers know it
     * before any admin chooses a year's framework.
     */
    @Transactional
    void publishDefault(@Observes StartupEvent event) {
        Framework framework = FrameworkPresets.CLASSIC_FRAMEWORK;
        if (publications.recordIfChanged("default", framework.code(), framework.version())) {
            outbox.publishKeyed(Topics.FRAMEWORKS, "framework-default", EventTypes.FRAMEWORK_PUBLISHED,
                    SERVICE_ACTOR, new FrameworkPublished(null, framework));
            LOG.infof("published the default framework %s v%d", framework.code(), framework.version());
        }
    }
}
