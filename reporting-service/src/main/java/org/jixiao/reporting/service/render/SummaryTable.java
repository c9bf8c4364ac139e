package org.jixiao.reporting.service.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.jixiao.reporting.domain.Summary;

/** 绩效目标情况表 as HTML (also the PDF's source) and CSV. */
public final class SummaryTable {
    private SummaryTable() {
    }

    public static String html(Summary s) {
        return html(s, false);
    }

    public static String html(Summary s, boolean forPdf) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(Html.esc(s.title())).append("</h1><p class=\"unit\">单位：").append(Html.esc(s.unit()))
                .append("</p><table><colgroup><col style=\"width:8%\"/><col style=\"width:36%\"/><col style=\"width:38%\"/>")
                .append("<col style=\"width:18%\"/></colgroup><thead><tr><th>序号</th><th>预算单位</th><th>项目名称</th>")
                .append("<th class=\"num\">预算金额</th></tr></thead><tbody>");
        for (Summary.Row r : s.rows()) {
            b.append("<tr><td class=\"c\">").append(r.seq()).append("</td><td class=\"text\">")
                    .append(Html.esc(r.budgetUnitCode() + "-" + r.budgetUnitName())).append("</td><td class=\"text\">")
                    .append(Html.esc(r.projectName())).append("</td><td class=\"num\">").append(r.amount().toPlainString())
                    .append("</td></tr>");
        }
        if (s.totalRow()) {
            b.append("<tr class=\"total\"><td class=\"c\" colspan=\"3\">合计</td><td class=\"num\">")
                    .append(s.total().toPlainString()).append("</td></tr>");
        }
        b.append("</tbody></table>");
        return Html.page(s.title(), b.toString(), forPdf);
    }

    /** UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly. */
    public static void csv(Summary s, OutputStream out) {
        CsvRows csv = CsvRows.start(out);
        s.rows().forEach(csv::row);
        csv.finish(s.totalRow(), s.total());
    }

    /** The CSV written as its rows come, the 合计 row last; the writer's buffer is all it holds. */
    public static final class CsvRows {
        private final Writer w;

        private CsvRows(Writer w) {
            this.w = w;
        }

        public static CsvRows start(OutputStream out) {
            try {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                w.write('\uFEFF');
                w.write("序号,预算单位代码,预算单位名称,项目名称,预算金额（元）\r\n");
                return new CsvRows(w);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void row(Summary.Row r) {
            try {
                w.write(r.seq() + "," + csv(r.budgetUnitCode()) + "," + csv(r.budgetUnitName()) + "," + csv(r.projectName())
                        + "," + r.amount().toPlainString() + "\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void finish(boolean totalRow, java.math.BigDecimal total) {
            try {
                if (totalRow) {
                    w.write("合计,,,," + total.toPlainString() + "\r\n");
                }
                w.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String csv(String v) {
        if (v == null) {
            return "";
        }
        boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
        String escaped = v.replace("\"", "\"\"");
        // a leading = + - @ would make a spreadsheet evaluate the cell; so would a tab or carriage return
        // before one, which spreadsheets skip
        if (!escaped.isEmpty() && "=+-@\t\r".indexOf(escaped.charAt(0)) >= 0) {
            escaped = "'" + escaped;
        }
        return quote ? "\"" + escaped + "\"" : escaped;
    }
}
