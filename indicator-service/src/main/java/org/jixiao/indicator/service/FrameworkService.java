package org.jixiao.indicator.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.jboss.logging.Logger;
import org.jixiao.common.contract.Framework;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.FrameworkPublished;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.Outbox;
import org.jixiao.common.domain.DomainException;
import org.jixiao.indicator.domain.FrameworkPresets;
import org.jixiao.indicator.domain.FrameworkVariants;
import org.jixiao.indicator.domain.FrameworkVariants.Variant;
import org.jixiao.indicator.repository.FrameworkAliasRepository;
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
    private final FrameworkAliasRepository aliases;

    public FrameworkService(FrameworkAssignmentRepository assignments, FrameworkPublicationRepository publications,
            Outbox outbox, FrameworkAliasRepository aliases) {
        this.assignments = assignments;
        this.publications = publications;
        this.outbox = outbox;
        this.aliases = aliases;
    }

    /** The year's framework with the variant placements the checks accept: the known families and the year's aliases. */
    @Transactional
    public FrameworkVariants levelsFor(int budgetYear) {
        return FrameworkVariants.withAliases(frameworkFor(budgetYear), aliases.forYear(budgetYear));
    }

    @Transactional
    public List<Variant> aliases(int budgetYear) {
        return aliases.forYear(budgetYear);
    }

    /**
     * Adds a printed variant for a year. It must land on a node of the year's framework: an alias to
     * nowhere would turn an ERROR into silence.
     */
    @Transactional
    public List<Variant> addAlias(int budgetYear, String level1, String level2, String toLevel1, String toLevel2, Actor actor) {
        Framework framework = frameworkFor(budgetYear);
        boolean lands = toLevel2 != null ? framework.resolve(toLevel1, toLevel2).isPresent()
                : framework.level1Named(toLevel1).isPresent();
        if (!lands) {
            throw DomainException.invalid("alias-target-not-in-framework", toLevel1 + (toLevel2 == null ? "" : " / " + toLevel2)
                    + " is not a node of the " + budgetYear + " framework " + framework.code());
        }
        aliases.put(budgetYear, new Variant(FrameworkAliasRepository.familyOf(budgetYear), level1, level2, toLevel1, toLevel2,
                List.of()), actor.name());
        publishIfChanged(budgetYear, actor.name());
        return aliases.forYear(budgetYear);
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

    /** Chooses a year's framework and publishes it, with the year's next publication revision, when it changed. */
    @Transactional
    public Framework assign(int budgetYear, String code, Actor actor) {
        Framework framework = FrameworkPresets.require(code);
        assignments.assign(budgetYear, code, actor.name());
        publishIfChanged(budgetYear, actor.name());
        return framework;
    }

    /**
     * Publishes the year's framework with the placements its checks accept, when that changed, with the year's
     * next publication revision.
     */
    private void publishIfChanged(int budgetYear, String actor) {
        Framework published = levelsFor(budgetYear).published();
        publications.recordIfChanged(Integer.toString(budgetYear), published.code(), published.version(),
                fingerprint(published)).ifPresent(revision -> outbox.publishKeyed(Topics.FRAMEWORKS,
                        "framework-" + budgetYear, EventTypes.FRAMEWORK_PUBLISHED, actor,
                        new FrameworkPublished(budgetYear, published, revision)));
    }

    /** Records print their components in order, so equal content gives an equal fingerprint in any JVM. */
    static String fingerprint(Framework framework) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(framework.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /**
     * Publishes the default (classic) framework once per version at start, so that consumers know it
     * before any admin chooses a year's framework.
     */
    @Transactional
    void publishDefault(@Observes StartupEvent event) {
        Framework framework = FrameworkVariants.of(FrameworkPresets.CLASSIC_FRAMEWORK).published();
        publications.recordIfChanged("default", framework.code(), framework.version(), fingerprint(framework))
                .ifPresent(revision -> {
                    outbox.publishKeyed(Topics.FRAMEWORKS, "framework-default", EventTypes.FRAMEWORK_PUBLISHED,
                            SERVICE_ACTOR, new FrameworkPublished(null, framework, revision));
                    LOG.infof("published the default framework %s v%d (revision %d)", framework.code(),
                            framework.version(), revision);
                });
    }
}
