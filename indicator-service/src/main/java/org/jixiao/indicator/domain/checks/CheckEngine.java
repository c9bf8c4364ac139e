package org.jixiao.indicator.domain.checks;

import java.util.ArrayList;
import java.util.List;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.contract.Framework;
import org.jixiao.indicator.domain.FrameworkVariants;

/** Runs every pre-review policy over one declaration, in a stable order. */
public final class CheckEngine {
    private final List<CheckPolicy> policies;

    public CheckEngine(List<CheckPolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    public static CheckEngine standard() {
        return new CheckEngine(List.of(new FrameworkLevelsPolicy(), new QuantityIndicatorPolicy(),
                new DuplicateIndicatorPolicy(), new TargetPolicies.Measurability(), new TargetPolicies.Satisfaction(),
                new TargetPolicies.DeadlineInYear(), new TargetPolicies.CostCap(), new CostReconciliationPolicy()));
    }

    public List<Finding> run(ProjectDocument project, Framework framework) {
        return run(project, FrameworkVariants.of(framework));
    }

    public List<Finding> run(ProjectDocument project, FrameworkVariants levels) {
        List<Finding> findings = new ArrayList<>();
        for (CheckPolicy policy : policies) {
            findings.addAll(policy.check(project, levels));
        }
        return findings;
    }
}
