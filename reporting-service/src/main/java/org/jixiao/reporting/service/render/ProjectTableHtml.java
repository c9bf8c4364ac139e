package org.jixiao.reporting.service.render;

import java.util.List;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.reporting.domain.ProjectTable;

/** 项目支出绩效目标表 as XHTML: for browsers, and the source of the PDF. */
public final class ProjectTableHtml {
    private ProjectTableHtml() {
    }

    public static String html(ProjectTable t) {
        return html(t, false);
    }

    public static String html(ProjectTable t, boolean forPdf) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.esc(t.title())).append("</h1><p class=\"unit\">单位：元</p><table>")
                .append("<colgroup><col style=\"width:16%\"/><col style=\"width:14%\"/><col style=\"width:18%\"/>")
                .append("<col style=\"width:30%\"/><col style=\"width:22%\"/></colgroup><tbody>");
        for (String[] f : ProjectTable.FIELDS) {
            b.append("<tr><td class=\"label\">").append(Html.esc(f[0])).append("</td><td class=\"text\" colspan=\"4\">")
                    .append(Html.esc(t.field(f[1]))).append("</td></tr>");
        }
        List<ProjectDocument.IndicatorRow> rows = t.rows();
        b.append("<tr><td class=\"label merged\" rowspan=\"").append(rows.size() + 1).append("\">绩效指标</td>")
                .append("<th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>");
        for (int i = 0; i < rows.size(); i++) {
            ProjectDocument.IndicatorRow r = rows.get(i);
            b.append("<tr>");
            if (t.starts(i, false)) {
                b.append("<td class=\"c merged\" rowspan=\"").append(t.span(i, false)).append("\">").append(Html.esc(r.level1())).append("</td>");
            }
            if (t.starts(i, true)) {
                b.append("<td class=\"c merged\" rowspan=\"").append(t.span(i, true)).append("\">").append(Html.esc(r.level2())).append("</td>");
            }
            b.append("<td class=\"text\">").append(Html.esc(r.name())).append("</td><td class=\"c\">")
                    .append(Html.esc(r.target())).append("</td></tr>");
        }
        b.append("<tr><td class=\"label\">实施单位</td><td class=\"text\" colspan=\"4\">")
                .append(Html.esc(t.project().implementingUnit())).append("</td></tr>")
                .append("<tr><td class=\"label\">项目资金（元）</td><td class=\"num\" colspan=\"4\">")
                .append(Html.esc(t.project().funding())).append("</td></tr></tbody></table>");
        return Html.page(t.title(), b.toString(), forPdf);
    }
}
