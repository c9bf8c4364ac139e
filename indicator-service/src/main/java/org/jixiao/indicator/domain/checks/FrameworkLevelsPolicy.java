package org.jixiao.indicator.domain.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jixiao.common.contract.Framework;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.indicator.domain.FrameworkVariants;
import org.jixiao.indicator.domain.FrameworkVariants.Placement;

/**
 * Every row's 一级/二级 must be a node of the year's framework, and every required 一级 must appear. A
 * placement that is correct in another locality's or period's framework (满意度 under 效益指标) is mapped
 * onto the year's node and reported as LEVEL_MAPPED (INFO); only a level no known variant explains is an ERROR.
 */
public final class FrameworkLevelsPolicy implements CheckPolicy {
    public static final String LEVEL_NOT_IN_FRAMEWORK = "LEVEL_NOT_IN_FRAMEWORK";
    public static final String REQUIRED_LEVEL1_MISSING = "REQUIRED_LEVEL1_MISSING";
    public static final String LEVEL_MAPPED = "LEVEL_MAPPED";

    @Override
    public List<Finding> check(ProjectDocument project, FrameworkVariants levels) {
        Framework framework = levels.framework();
        List<Finding> findings = new ArrayList<>();
        List<ProjectDocument.IndicatorRow> rows = project.indicators() == null ? List.of() : project.indicators();
        List<String> covered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ProjectDocument.IndicatorRow r = rows.get(i);
            Optional<Placement> placement = levels.place(r.level1(), r.level2());
            if (placement.isEmpty()) {
                findings.add(Findings.error(LEVEL_NOT_IN_FRAMEWORK, i,
                        "第" + (i + 1) + "行「" + r.level1() + " / " + r.level2() + "」不属于" + project.budgetYear()
                                + "年度指标体系「" + framework.name() + "」",
                        "row " + i + " (" + r.level1() + " / " + r.level2() + ") is not a node of the "
                                + project.budgetYear() + " framework " + framework.code()));
                continue;
            }
            Placement p = placement.get();
            covered.add(p.node().level1());
            if (p.variant() != null) {
                String to = p.node().level1() + " / " + p.node().level2();
                findings.add(Findings.info(LEVEL_MAPPED, i,
                        "第" + (i + 1) + "行「" + r.level1() + " / " + r.level2() + "」按「" + p.variant().family() + "」对应为「"
                                + to + "」（" + framework.name() + "）",
                        "row " + i + " (" + r.level1() + " / " + r.level2() + ") mapped to " + to + " of framework "
                                + framework.code() + " as a known variant: " + p.variant().family()));
            }
        }
        for (Framework.Level1 required : framework.level1()) {
            if (required.required() && !covered.contains(required.name())) {
                findings.add(Findings.error(REQUIRED_LEVEL1_MISSING, null,
                        "缺少一级指标「" + required.name() + "」", "required level-1 category " + required.name() + " is missing"));
            }
        }
        return findings;
    }
}
