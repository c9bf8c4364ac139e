package org.jixiao.reporting.service.render;

import java.util.List;
import java.util.stream.Collectors;
import org.jixiao.reporting.domain.MergedLevels;
import org.jixiao.reporting.domain.MonitoringStatus;
import org.jixiao.reporting.domain.MonitoringTable;
import org.jixiao.reporting.domain.MonitoringTerms;
import org.jixiao.reporting.domain.SelfEvaluationTable;

/** 项目支出绩效运行监控表 and 项目支出绩效自评表 as XHTML: for browsers, and the source of their PDFs (A4 landscape). */
public final class MonitoringTableHtml {
    /** Nine columns: 一级, 二级, 三级, 年度指标值, then five of the table's own. */
    private static final String COLUMNS = "<colgroup><col style=\"width:9%\"/><col style=\"width:10%\"/><col style=\"width:16%\"/>"
            + "<col style=\"width:11%\"/><col style=\"width:10%\"/><col style=\"width:10%\"/><col style=\"width:8%\"/>"
            + "<col style=\"width:16%\"/><col style=\"width:10%\"/></colgroup>";

    private MonitoringTableHtml() {
    }

    /** The printed status of a row: its word, and a flag such as 目标偏低 beside it. */
    static String status(String code, List<String> flags) {
        String word = MonitoringStatus.labelOf(code);
        return flags == null || flags.isEmpty() ? word
                : word + "（" + flags.stream().map(MonitoringTerms::flag).collect(Collectors.joining("、")) + "）";
    }

    /** 偏差原因: the coded cause and the department's note. */
    static String cause(MonitoringTable.Row r) {
        String cause = MonitoringTerms.cause(r.deviationCause());
        String note = Figures.text(r.note());
        return cause.isEmpty() ? note : note.isEmpty() ? cause : cause + "：" + note;
    }

    public static String monitoring(MonitoringTable t, boolean forPdf) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.esc(t.title())).append("</h1><p class=\"unit\">单位：元</p><table>").append(COLUMNS).append("<tbody>");
        head(b, "项目名称", t.projectName());
        head(b, "主管部门及代码", t.department());
        head(b, "监控期间", t.periodText() + (t.reportRevision() > 1 ? "，第" + t.reportRevision() + "次提交" : ""));
        head(b, "总体状态", MonitoringStatus.labelOf(t.overall()));
        MonitoringTable.Budget m = t.budget();
        b.append("<tr><td class=\"label merged\" colspan=\"2\" rowspan=\"2\">预算执行</td>")
                .append("<th colspan=\"2\">年度预算（元）</th><th colspan=\"2\">执行数（元）</th><th>执行率</th><th>时间进度</th><th>状态</th></tr>")
                .append("<tr><td class=\"num\" colspan=\"2\">").append(Figures.two(m.funding()))
                .append("</td><td class=\"num\" colspan=\"2\">").append(Figures.two(m.spent()))
                .append("</td><td class=\"num\">").append(Figures.percent(m.executionRate()))
                .append("</td><td class=\"num\">").append(Figures.percent(m.timeProgress()))
                .append("</td><td class=\"c\">").append(Html.esc(MonitoringStatus.labelOf(m.status()))).append("</td></tr>");
        b.append("<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>执行情况</th><th>全年预计</th>")
                .append("<th>状态</th><th>偏差原因</th><th>完成可能性</th></tr>");
        MergedLevels levels = t.levels();
        List<MonitoringTable.Row> rows = t.rows();
        for (int i = 0; i < rows.size(); i++) {
            MonitoringTable.Row r = rows.get(i);
            b.append("<tr>");
            levelCells(b, levels, i, r.level1(), r.level2());
            b.append("<td class=\"text\">").append(Html.esc(r.name())).append("</td><td class=\"c\">").append(Html.esc(r.target()))
                    .append("</td><td class=\"c\">").append(Html.esc(r.actual())).append("</td><td class=\"c\">").append(Html.esc(r.forecast()))
                    .append("</td><td class=\"c\">").append(Html.esc(status(r.status(), r.flags())))
                    .append("</td><td class=\"text\">").append(Html.esc(cause(r)))
                    .append("</td><td class=\"c\">").append(Html.esc(MonitoringTerms.likelihood(r.likelihood()))).append("</td></tr>");
        }
        head(b, "纠偏措施", t.measures());
        b.append("</tbody></table>");
        return Html.page(t.title(), b.toString(), forPdf, true);
    }

    public static String selfEvaluation(SelfEvaluationTable t, boolean forPdf) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.esc(t.title())).append("</h1><p class=\"unit\">（").append(t.budgetYear())
                .append("年度）　单位：元、分</p><table>").append(COLUMNS).append("<tbody>");
        head(b, "项目名称", t.projectName());
        head(b, "主管部门及代码", t.department());
        head(b, "自评期间", t.budgetYear() + "年全年（截至" + t.asOf() + "）" + (t.reportRevision() > 1 ? "，第" + t.reportRevision() + "次提交" : ""));
        SelfEvaluationTable.Budget m = t.budget();
        SelfEvaluationTable.Part budgetPart = t.budgetPart();
        b.append("<tr><td class=\"label merged\" colspan=\"2\" rowspan=\"2\">预算执行</td>")
                .append("<th colspan=\"2\">年度预算（元）</th><th colspan=\"2\">执行数（元）</th><th>执行率</th><th>分值</th><th>得分</th></tr>")
                .append("<tr><td class=\"num\" colspan=\"2\">").append(Figures.two(m.funding()))
                .append("</td><td class=\"num\" colspan=\"2\">").append(Figures.two(m.spent()))
                .append("</td><td class=\"num\">").append(Figures.percent(m.executionRate()))
                .append("</td><td class=\"num\">").append(budgetPart == null ? "" : Figures.two(budgetPart.weight()))
                .append("</td><td class=\"num\">").append(budgetPart == null ? "" : Figures.two(budgetPart.score())).append("</td></tr>");
        b.append("<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>分值</th>")
                .append("<th>完成率</th><th>得分</th><th>偏差原因及说明</th></tr>");
        MergedLevels levels = t.levels();
        List<SelfEvaluationTable.Row> rows = t.rows();
        for (int i = 0; i < rows.size(); i++) {
            SelfEvaluationTable.Row r = rows.get(i);
            b.append("<tr>");
            levelCells(b, levels, i, r.level1(), r.level2());
            b.append("<td class=\"text\">").append(Html.esc(r.name())).append(r.subjective() ? "<span class=\"small\">（定性）</span>" : "")
                    .append("</td><td class=\"c\">").append(Html.esc(r.target()))
                    .append("</td><td class=\"c\">").append(Html.esc(r.actual()))
                    .append("</td><td class=\"num\">").append(Figures.two(r.weight()))
                    .append("</td><td class=\"num\">").append(Figures.percent(r.completion()))
                    .append("</td><td class=\"num\">").append(Figures.two(r.score()))
                    .append("</td><td class=\"text\">").append(Html.esc(r.justification())).append("</td></tr>");
        }
        if (t.scored()) {
            for (SelfEvaluationTable.Part p : t.parts()) {
                b.append("<tr><td class=\"label\" colspan=\"2\">").append(Html.esc(p.name())).append("</td><td class=\"text\" colspan=\"3\">分值 ")
                        .append(Figures.two(p.weight())).append("</td><td class=\"num\" colspan=\"2\">得分</td><td class=\"num\" colspan=\"2\">")
                        .append(Figures.two(p.score())).append("</td></tr>");
            }
            b.append("<tr class=\"total\"><td class=\"label\" colspan=\"2\">总分</td><td class=\"num\" colspan=\"3\">")
                    .append(Figures.two(t.total())).append("</td><td class=\"c\" colspan=\"2\">自评等级</td><td class=\"c\" colspan=\"2\">")
                    .append(Html.esc(t.grade())).append("</td></tr>");
            if (!t.caps().isEmpty()) {
                head(b, "封顶规则", caps(t));
            }
        } else {
            head(b, "总分", "未评分：" + Figures.text(t.scoreUnavailable()));
        }
        b.append("</tbody></table>");
        return Html.page(t.title(), b.toString(), forPdf, true);
    }

    /** The caps that bit, in words: 执行率低于60.00%，总分不超过69.00（封顶前75.20）. */
    static String caps(SelfEvaluationTable t) {
        return t.caps().stream().map(c -> "执行率低于" + Figures.percent(c.executionRateBelow()) + "，总分不超过"
                + Figures.two(c.maxTotal()) + "（封顶前" + Figures.two(c.totalBefore()) + "）").collect(Collectors.joining("；"));
    }

    private static void head(StringBuilder b, String label, String value) {
        b.append("<tr><td class=\"label\" colspan=\"2\">").append(Html.esc(label)).append("</td><td class=\"text\" colspan=\"7\">")
                .append(Html.esc(value)).append("</td></tr>");
    }

    private static void levelCells(StringBuilder b, MergedLevels levels, int i, String level1, String level2) {
        if (levels.starts(i, false)) {
            b.append("<td class=\"c merged\" rowspan=\"").append(levels.span(i, false)).append("\">").append(Html.esc(level1)).append("</td>");
        }
        if (levels.starts(i, true)) {
            b.append("<td class=\"c merged\" rowspan=\"").append(levels.span(i, true)).append("\">").append(Html.esc(level2)).append("</td>");
        }
    }
}
