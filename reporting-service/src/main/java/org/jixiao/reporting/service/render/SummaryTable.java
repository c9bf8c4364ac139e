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
        java.io.StringWriter w = new java.io.StringWriter();
        HtmlRows html = HtmlRows.start(w, s.title(), s.unit(), forPdf);
        s.rows().forEach(html::row);
        html.finish(s.totalRow(), s.total());
        return w.toString();
    }

    /** The HTML page written as its rows come, the 合计 row last: the same text as {@link #html}, a row in memory at a time. */
    public static final class HtmlRows {
        private final Writer w;

        private HtmlRows(Writer w) {
            this.w = w;
        }

        public static HtmlRows start(OutputStream out, String title, String unit) {
            return start(new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 8192), title, unit, false);
        }

        static HtmlRows start(Writer w, String title, String unit, boolean forPdf) {
            HtmlRows html = new HtmlRows(w);
            html.write(Html.pageStart(title, forPdf, false) + "<h1>" + Html.esc(title) + "</h1><p class=\"unit\">单位："
                    + Html.esc(unit) + "</p><table><colgroup><col style=\"width:8%\"/><col style=\"width:36%\"/>"
                    + "<col style=\"width:38%\"/><col style=\"width:18%\"/></colgroup><thead><tr><th>序号</th>"
                    + "<th>预算单位</th><th>项目名称</th><th class=\"num\">预算金额</th></tr></thead><tbody>");
            return html;
        }

        public void row(Summary.Row r) {
            write("<tr><td class=\"c\">" + r.seq() + "</td><td class=\"text\">"
                    + Html.esc(r.budgetUnitCode() + "-" + r.budgetUnitName()) + "</td><td class=\"text\">"
                    + Html.esc(r.projectName()) + "</td><td class=\"num\">" + r.amount().toPlainString() + "</td></tr>");
        }

        public void finish(boolean totalRow, java.math.BigDecimal total) {
            if (totalRow) {
                write("<tr class=\"total\"><td class=\"c\" colspan=\"3\">合计</td><td class=\"num\">"
                        + total.toPlainString() + "</td></tr>");
            }
            write("</tbody></table>" + Html.PAGE_END);
            try {
                w.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void write(String text) {
            try {
                w.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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
