package org.jixiao.reporting.domain;

import java.util.List;
import org.jixiao.common.contract.ProjectDocument;

/**
 * 项目支出绩效目标表 as the published form arranges it: the labelled project rows, then the indicator
 * block with 一级/二级 cells merged over consecutive rows, then 实施单位 and 项目资金（元）. The renderers
 * (HTML, PDF, XLSX) all draw this one arrangement.
 */
public record ProjectTable(String region, ProjectDocument project, int revision, String approvalNumber) {

    public static final List<String[]> FIELDS = List.of(
            new String[] {"项目名称", "name"},
            new String[] {"主管部门及代码", "department"},
            new String[] {"项目属性", "attribute"},
            new String[] {"项目概况", "overview"},
            new String[] {"立项依据", "basis"},
            new String[] {"项目设立必要性", "necessity"},
            new String[] {"保证项目实施的制度、措施", "safeguards"},
            new String[] {"项目实施计划", "implementationPlan"},
            new String[] {"年度目标", "annualGoal"});

    public String title() {
        return region + "预算部门（单位）项目支出绩效目标表";
    }

    public String field(String key) {
        ProjectDocument p = project;
        return switch (key) {
            case "name" -> p.name();
            case "department" -> p.departmentCode() + "-" + p.departmentName();
            case "attribute" -> p.attribute();
            case "overview" -> p.overview();
            case "basis" -> p.basis();
            case "necessity" -> p.necessity();
            case "safeguards" -> p.safeguards();
            case "implementationPlan" -> p.implementationPlan();
            case "annualGoal" -> p.annualGoal();
            default -> throw new IllegalArgumentException(key);
        };
    }

    public List<ProjectDocument.IndicatorRow> rows() {
        return project.indicators() == null ? List.of() : project.indicators();
    }

    /** How many rows from {@code i} on share the same 一级 (level 1) or also the same 二级 (level 2). */
    public int span(int i, boolean level2) {
        List<ProjectDocument.IndicatorRow> rows = rows();
        int n = 1;
        while (i + n < rows.size() && same(rows.get(i + n).level1(), rows.get(i).level1())
                && (!level2 || same(rows.get(i + n).level2(), rows.get(i).level2()))) {
            n++;
        }
        return n;
    }

    /** Whether row {@code i} starts a merged 一级 (or 二级) cell. */
    public boolean starts(int i, boolean level2) {
        if (i == 0) {
            return true;
        }
        ProjectDocument.IndicatorRow prev = rows().get(i - 1);
        ProjectDocument.IndicatorRow row = rows().get(i);
        return !same(prev.level1(), row.level1()) || (level2 && !same(prev.level2(), row.level2()));
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
