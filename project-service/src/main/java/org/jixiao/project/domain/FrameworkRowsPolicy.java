package org.jixiao.project.domain;

import java.util.ArrayList;
import java.util.List;
import org.jixiao.common.contract.Framework;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Violation;

/** At submission, every row's 一级/二级 must be a node of the framework in force for the budget year. */
public final class FrameworkRowsPolicy {
    private FrameworkRowsPolicy() {
    }

    public static List<Violation> check(ProjectDocument d, Framework framework) {
        List<Violation> v = new ArrayList<>();
        if (d.indicators() == null) {
            return v;
        }
        for (int i = 0; i < d.indicators().size(); i++) {
            ProjectDocument.IndicatorRow r = d.indicators().get(i);
            if (r != null && r.level1() != null && r.level2() != null && framework.resolve(r.level1(), r.level2()).isEmpty()) {
                v.add(new Violation("/indicators/" + i + "/level2", "「" + r.level1() + " / " + r.level2()
                        + "」 is not a node of the " + d.budgetYear() + " indicator framework " + framework.code()
                        + " (" + framework.name() + ")"));
            }
        }
        return v;
    }

    /** 三级指标 names used more than once: flagged to the department, not refused. */
    public static List<Violation> duplicates(ProjectDocument d) {
        List<Violation> v = new ArrayList<>();
        if (d.indicators() == null) {
            return v;
        }
        java.util.Map<String, Integer> first = new java.util.HashMap<>();
        for (int i = 0; i < d.indicators().size(); i++) {
            ProjectDocument.IndicatorRow r = d.indicators().get(i);
            if (r == null || r.name() == null) {
                continue;
            }
            Integer earlier = first.putIfAbsent(r.name().strip(), i);
            if (earlier != null) {
                v.add(new Violation("/indicators/" + i + "/name", "三级指标「" + r.name() + "」 repeats row " + earlier));
            }
        }
        return v;
    }
}
