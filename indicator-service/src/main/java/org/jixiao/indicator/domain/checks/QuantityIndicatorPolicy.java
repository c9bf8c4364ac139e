package org.jixiao.indicator.domain.checks;

import java.util.List;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.contract.Framework;
import org.jixiao.indicator.domain.FrameworkVariants;

/** Outputs must be counted: a declaration without any 数量指标 cannot be measured. */
public final class QuantityIndicatorPolicy implements CheckPolicy {
    public static final String NO_QUANTITY_INDICATOR = "NO_QUANTITY_INDICATOR";

    @Override
    public List<Finding> check(ProjectDocument project, FrameworkVariants framework) {
        boolean any = project.indicators() != null && project.indicators().stream()
                .anyMatch(r -> framework.resolve(r.level1(), r.level2()).map(n -> n.level2().equals("数量指标")).orElse(false));
        return any ? List.of() : List.of(Findings.error(NO_QUANTITY_INDICATOR, null, "没有数量指标",
                "no quantity indicator (数量指标)"));
    }
}
