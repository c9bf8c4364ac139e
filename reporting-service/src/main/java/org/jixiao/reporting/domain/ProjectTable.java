package org.jixiao.reporting.service.render;

import java.util.List;
import org.jixiao.common.contract.ProjectDocument;

/**
 * 项目支出绩效目标表 laid out like the published document: the project rows, then the indicator block
 * with 一级/二级 cells merged over consecutive rows, then 实施单位 and 项目资金（元）.
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

    public String html() {
        return html(false);
    }

    public String html(boolean forPdf) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.esc(title())).append("</h1><p class=\"unit\">单位：元</p><table>")
                .append("<colgroup><col style=\"width:16%\"/><col style=\"width:14%\"/><col style=\"width:18%\"/>")
                .append("<col style=\"width:30%\"/><col style=\"width:22%\"/></colgroup><tbody>");
        for (String[] f : FIELDS) {
            b.append("<tr><td class=\"label\">").append(Html.esc(f[0])).append("</td><td class=\"text\" colspan=\"4\">")
                    .append(Html.esc(field(f[1]))).append("</td></tr>");
        }
        List<ProjectDocument.IndicatorRow> rows = rows();
        b.append("<tr><td class=\"label merged\" rowspan=\"").append(rows.size() + 1).append("\">绩效指标</td>")
                .append("<th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>");
        for (int i = 0; i < rows.size(); i++) {
            ProjectDocument.IndicatorRow r = rows.get(i);
            b.append("<tr>");
            if (starts(i, false)) {
                b.append("<td class=\"c merged\" rowspan=\"").append(span(i, false)).append("\">").append(Html.esc(r.level1())).append("</td>");
            }
            if (starts(i, true)) {
                b.append("<td class=\"c merged\" rowspan=\"").append(span(i, true)).append("\">").append(Html.esc(r.level2())).append("</td>");
            }
            b.append("<td class=\"text\">").append(Html.esc(r.name())).append("</td><td class=\"c\">")
                    .append(Html.esc(r.target())).append("</td></tr>");
        }
        b.append("<tr><td class=\"label\">实施单位</td><td class=\"text\" colspan=\"4\">")
                .append(Html.esc(project.implementingUnit())).append("</td></tr>")
                .append("<tr><td class=\"label\">项目资金（元）</td><td class=\"num\" colspan=\"4\">")
                .append(Html.esc(project.funding())).append("</td></tr></tbody></table>");
        return Html.page(title(), b.toString(), forPdf);
    }
}
