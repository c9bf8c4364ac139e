package org.jixiao.approval.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jixiao.approval.domain.GradingRules;
import org.jixiao.approval.repository.GradingRuleRepository;

/** 评审等级规则 per budget year: the default of 财预〔2015〕88号 until an admin configures the year. */
@ApplicationScoped
public class GradingRuleService {
    private final GradingRuleRepository rules;

    public GradingRuleService(GradingRuleRepository rules) {
        this.rules = rules;
    }

    /** The rules in force for the year, and whether an admin configured them. */
    public record InForce(GradingRules rules, boolean configured) {
    }

    @Transactional
    public InForce rulesFor(int budgetYear) {
        return rules.configured(budgetYear).map(r -> new InForce(r, true))
                .orElseGet(() -> new InForce(GradingRules.defaultFor(budgetYear), false));
    }

    /** Replaces the year's rules; decisions taken before keep the grades they were taken with. */
    @Transactional
    public InForce configure(GradingRules configured) {
        rules.replace(configured);
        return rulesFor(configured.budgetYear());
    }
}
