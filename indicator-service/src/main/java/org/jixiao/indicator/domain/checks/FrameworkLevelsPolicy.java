package org.jixiao.indicator.domain.checks;

import java.util.ArrayList;
import java.util.List;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.contract.Framework;

/** Every row's 一级/二级 must be a node of the year's framework, and every required 一级 must appear. */
public final class FrameworkLevelsPolicy implements CheckPolicy {
    public static final String LEVEL_NOT_IN_FRAMEWORK = "LEVEL_NOT_IN_FRAMEWORK";
    public static final String REQUIRED_LEVEL1_MISSING = "REQUIRED_LEVEL1_MISSING";

    @Override
    public List<Finding> check(ProjectDocument project, Framework framework) {
        List<Finding> findings = new ArrayList<>();
        List<ProjectDocument.IndicatorRow> rows = project.indicators() == null ? List.of() : project.indicators();
        for (int i = 0; i < rows.size(); i++) {
            ProjectDocument.IndicatorRow r = rows.get(i);
            if (framework.resolve(r.level1(), r.level2()).isEmpty()) {
                findings.add(Findings.error(LEVEL_NOT_IN_FRAMEWORK, i,
                        "第" + (i + 1) + "行「" + r.level1() + " / " + r.level2() + "」不属于" + project.budgetYear()
                                + "年度指标体系「" + framework.name() + "」",
                        "row " + i + " (" + r.level1() + " / " + r.level2() + ") is not a node of the "
                                + project.budgetYear() + " framework " + framework.code()));
            }
        }
        for (Framework.Level1 required : framework.level1()) {
            if (required.required() && rows.stream().noneMatch(r -> framework.level1Named(r.level1())
                    .map(l -> l.name().equals(required.name())).orElse(false))) {
                findings.add(Findings.error(REQUIRED_LEVEL1_MISSING, null,
                        "缺少一级指标「" + required.name() + "」", "required level-1 category " + required.name() + " is missing"));
            }
        }
        return findings;
    }
}
