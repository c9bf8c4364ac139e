package org.jixiao.indicator.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Violation;
import org.jixiao.indicator.domain.evaluation.Scorecard;
import org.jixiao.indicator.domain.evaluation.Scoring;
import org.jixiao.indicator.domain.evaluation.ScoringPolicy;
import org.jixiao.indicator.domain.target.TargetParser;
import org.jixiao.indicator.repository.YearPolicyRepository;

/** 自评 scoring of a table, with or without actuals (the review-time preview), by the year's policy. */
@ApplicationScoped
public class EvaluationService {
    private static final Logger LOG = Logger.getLogger(EvaluationService.class);

    private final FrameworkService frameworks;
    private final YearPolicyRepository policies;
    private final Scoring scoring = new Scoring(new TargetParser());

    public EvaluationService(FrameworkService frameworks, YearPolicyRepository policies) {
        this.frameworks = frameworks;
        this.policies = policies;
    }

    @Transactional
    public Scorecard score(ProjectDocument document, BigDecimal spent, List<Scoring.Entry> entries) {
        if (document == null || document.budgetYear() == null) {
            throw DomainException.invalid("budget-year-required", null, "the document's budgetYear decides the framework"
                    + " and the scoring policy", List.of(new Violation("/document/budgetYear", "required")));
        }
        if (spent != null && spent.signum() < 0) {
            throw DomainException.invalid("invalid-spent", null, "spent is an amount in yuan, zero or more",
                    List.of(new Violation("/spent", "negative")));
        }
        return scoring.score(document, frameworks.levelsFor(document.budgetYear()), policyFor(document.budgetYear()),
                spent, entries);
    }

    /** A score, or why there is none: what an event carries instead of a problem response. */
    public record Outcome(Scorecard scorecard, String unavailable) {
    }

    /**
     * Scores a table that arrived by event, where a table that cannot be scored (no weights for the year's
     * framework, a row without the completion it needs) must not stop what travels with the score. The
     * refusal is caught here, inside the transactional method: escaping it would mark the caller's
     * transaction for rollback.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome attempt(ProjectDocument document, BigDecimal spent, List<Scoring.Entry> entries) {
        try {
            return new Outcome(scoring.score(document, frameworks.levelsFor(document.budgetYear()),
                    policyFor(document.budgetYear()), spent, entries), null);
        } catch (DomainException e) {
            LOG.infof("no score for %s (%d): %s", document.name(), document.budgetYear(), e.getMessage());
            return new Outcome(null, e.code() + ": " + e.getMessage() + e.violations().stream()
                    .map(v -> " (" + v.pointer() + ": " + v.message() + ")").collect(Collectors.joining()));
        }
    }

    @Transactional
    public ScoringPolicy policyFor(int budgetYear) {
        return policies.forYear(budgetYear, YearPolicyRepository.SCORING, ScoringPolicy.class).orElseGet(ScoringPolicy::classic);
    }

    /** Stores a year's policy when it weighs every level-1 group of the year's framework and 100 points in all. */
    @Transactional
    public ScoringPolicy setPolicy(int budgetYear, ScoringPolicy policy, Actor actor) {
        List<Violation> problems = policy.violations();
        if (!problems.isEmpty()) {
            throw DomainException.invalid("invalid-scoring-policy", null, "the scoring policy cannot be used", problems);
        }
        policy.mismatchWith(frameworks.frameworkFor(budgetYear)).ifPresent(why -> {
            throw DomainException.invalid("invalid-scoring-policy", null, why + " (budget year " + budgetYear + ")",
                    List.of(new Violation("/groupWeights", why)));
        });
        policies.put(budgetYear, YearPolicyRepository.SCORING, policy, actor.name());
        LOG.infof("%s set the %d scoring policy", actor.name(), budgetYear);
        return policy;
    }
}
