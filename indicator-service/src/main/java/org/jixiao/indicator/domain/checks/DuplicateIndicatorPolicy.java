package org.jixiao.indicator.domain.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.contract.Framework;
import org.jixiao.indicator.domain.FrameworkVariants;

/** The same 三级指标 twice in one declaration is usually a copy-paste slip. */
public final class DuplicateIndicatorPolicy implements CheckPolicy {
    public static final String DUPLICATE_INDICATOR = "DUPLICATE_INDICATOR";

    @Override
    public List<Finding> check(ProjectDocument project, FrameworkVariants framework) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> first = new HashMap<>();
        List<ProjectDocument.IndicatorRow> rows = project.indicators() == null ? List.of() : project.indicators();
        for (int i = 0; i < rows.size(); i++) {
            String key = rows.get(i).name() == null ? "" : rows.get(i).name().replaceAll("\\s", "");
            Integer earlier = first.putIfAbsent(key, i);
            if (earlier != null) {
                findings.add(Findings.warning(DUPLICATE_INDICATOR, i,
                        "第" + (i + 1) + "行三级指标「" + rows.get(i).name() + "」与第" + (earlier + 1) + "行重复",
                        "row " + i + " repeats the indicator of row " + earlier + ": " + rows.get(i).name()));
            }
        }
        return findings;
    }
}
