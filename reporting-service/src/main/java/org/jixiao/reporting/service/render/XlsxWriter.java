package org.jixiao.reporting.service.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.reporting.domain.ProjectTable;
import org.jixiao.reporting.domain.Summary;

/** The two tables as XLSX, laid out like the printed ones, amounts as numbers with two decimals. */
public final class XlsxWriter {
    private static final String MONEY = "#,##0.00";

    private XlsxWriter() {
    }

    public static void project(ProjectTable t, OutputStream out) {
        try {
            Workbook wb = new Workbook(out, "Jixiao", "1.0");
            Worksheet ws = wb.newWorksheet("项目支出绩效目标表");
            ws.width(0, 18);
            ws.width(1, 14);
            ws.width(2, 20);
            ws.width(3, 36);
            ws.width(4, 24);
            ws.value(0, 0, t.title());
            ws.range(0, 0, 0, 4).merge();
            ws.range(0, 0, 0, 4).style().horizontalAlignment("center").fontSize(14).set();
            ws.value(1, 0, "单位：元");
            ws.range(1, 0, 1, 4).merge();
            ws.range(1, 0, 1, 4).style().horizontalAlignment("right").set();
            int r = 2;
            for (String[] f : ProjectTable.FIELDS) {
                ws.value(r, 0, f[0]);
                ws.value(r, 1, t.field(f[1]));
                ws.range(r, 1, r, 4).merge();
                ws.range(r, 1, r, 4).style().wrapText(true).verticalAlignment("top").set();
                r++;
            }
            List<ProjectDocument.IndicatorRow> rows = t.rows();
            int header = r;
            ws.value(r, 0, "绩效指标");
            ws.value(r, 1, "一级指标");
            ws.value(r, 2, "二级指标");
            ws.value(r, 3, "三级指标");
            ws.value(r, 4, "指标值");
            r++;
            for (int i = 0; i < rows.size(); i++, r++) {
                ProjectDocument.IndicatorRow row = rows.get(i);
                if (t.starts(i, false)) {
                    ws.value(r, 1, row.level1());
                    if (t.span(i, false) > 1) {
                        ws.range(r, 1, r + t.span(i, false) - 1, 1).merge();
                    }
                }
                if (t.starts(i, true)) {
                    ws.value(r, 2, row.level2());
                    if (t.span(i, true) > 1) {
                        ws.range(r, 2, r + t.span(i, true) - 1, 2).merge();
                    }
                }
                ws.value(r, 3, row.name());
                ws.value(r, 4, row.target());
            }
            ws.range(header, 0, r - 1, 0).merge();
            ws.value(r, 0, "实施单位");
            ws.value(r, 1, t.project().implementingUnit());
            ws.range(r, 1, r, 4).merge();
            r++;
            ws.value(r, 0, "项目资金（元）");
            if (t.project().funding() != null) {
                ws.value(r, 1, new BigDecimal(t.project().funding()));
            }
            ws.range(r, 1, r, 4).merge();
            ws.style(r, 1).format(MONEY).horizontalAlignment("right").set();
            ws.range(2, 0, r, 4).style().borderStyle("thin").set();
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole table; {@link SummarySheet} writes one whose rows are still coming. */
    public static void summary(Summary s, OutputStream out) {
        SummarySheet sheet = SummarySheet.start(s.title(), s.unit(), out);
        s.rows().forEach(sheet::row);
        sheet.finish(s.totalRow(), s.total());
    }

    /**
     * 绩效目标情况表 written as its rows come, flushed every 1,000 rows: the heap holds a few rows whatever the year's
     * size. The 合计 row goes last, so the total may be summed while the rows pass.
     */
    public static final class SummarySheet {
        private final Workbook wb;
        private final Worksheet ws;
        private int r = 3;

        private SummarySheet(Workbook wb, Worksheet ws) {
            this.wb = wb;
            this.ws = ws;
        }

        public static SummarySheet start(String title, String unit, OutputStream out) {
            Workbook wb = new Workbook(out, "Jixiao", "1.0");
            Worksheet ws = wb.newWorksheet("绩效目标情况表");
            ws.width(0, 8);
            ws.width(1, 40);
            ws.width(2, 44);
            ws.width(3, 18);
            ws.value(0, 0, title);
            ws.range(0, 0, 0, 3).merge();
            ws.range(0, 0, 0, 3).style().horizontalAlignment("center").fontSize(14).set();
            ws.value(1, 0, "单位：" + unit);
            ws.range(1, 0, 1, 3).merge();
            ws.range(1, 0, 1, 3).style().horizontalAlignment("right").set();
            String[] head = {"序号", "预算单位", "项目名称", "预算金额"};
            for (int c = 0; c < head.length; c++) {
                ws.value(2, c, head[c]);
            }
            ws.range(2, 0, 2, 3).style().bold().horizontalAlignment("center").set();
            return new SummarySheet(wb, ws);
        }

        public void row(Summary.Row row) {
            ws.value(r, 0, row.seq());
            ws.value(r, 1, row.budgetUnitCode() + "-" + row.budgetUnitName());
            ws.value(r, 2, row.projectName());
            ws.value(r, 3, row.amount());
            ws.style(r, 3).format(MONEY).set();
            if (r % 1000 == 0) {
                try {
                    ws.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            r++;
        }

        public void finish(boolean totalRow, BigDecimal total) {
            if (totalRow) {
                ws.value(r, 0, "合计");
                ws.range(r, 0, r, 2).merge();
                ws.value(r, 3, total);
                ws.style(r, 3).format(MONEY).bold().set();
            }
            try {
                wb.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
