package org.jixiao.reporting.service.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jixiao.reporting.domain.MergedLevels;
import org.jixiao.reporting.domain.MonitoringStatus;
import org.jixiao.reporting.domain.MonitoringTable;
import org.jixiao.reporting.domain.MonitoringTerms;
import org.jixiao.reporting.domain.SelfEvaluationTable;
import org.jixiao.reporting.domain.YearViewRow;

/**
 * 项目支出绩效运行监控表, 项目支出绩效自评表 and the year view as XLSX, laid out like their HTML: amounts and points
 * as numbers with two places, rates as numbers formatted as percentages, statuses in words.
 */
public final class MonitoringXlsx {
    private static final String MONEY = "#,##0.00";
    private static final String POINTS = "0.00";
    private static final String PERCENT = "0.00%";
    private static final int LAST = 8;

    private MonitoringXlsx() {
    }

    public static void monitoring(MonitoringTable t, OutputStream out) {
        try {
            Workbook wb = new Workbook(out, "Jixiao", "1.0");
            Worksheet ws = wb.newWorksheet("绩效运行监控表");
            widths(ws);
            int r = title(ws, t.title(), "单位：元");
            r = head(ws, r, "项目名称", t.projectName());
            r = head(ws, r, "主管部门及代码", t.department());
            r = head(ws, r, "监控期间", t.periodText() + (t.reportRevision() > 1 ? "，第" + t.reportRevision() + "次提交" : ""));
            r = head(ws, r, "总体状态", MonitoringStatus.labelOf(t.overall()));
            MonitoringTable.Budget m = t.budget();
            ws.value(r, 0, "预算执行");
            ws.range(r, 0, r + 1, 1).merge();
            String[] budgetHead = {"年度预算（元）", null, "执行数（元）", null, "执行率", "时间进度", "状态"};
            for (int c = 0; c < budgetHead.length; c++) {
                if (budgetHead[c] != null) {
                    ws.value(r, c + 2, budgetHead[c]);
                }
            }
            ws.range(r, 2, r, 3).merge();
            ws.range(r, 4, r, 5).merge();
            r++;
            number(ws, r, 2, m.funding(), MONEY);
            ws.range(r, 2, r, 3).merge();
            number(ws, r, 4, m.spent(), MONEY);
            ws.range(r, 4, r, 5).merge();
            rate(ws, r, 6, m.executionRate());
            rate(ws, r, 7, m.timeProgress());
            ws.value(r, 8, MonitoringStatus.labelOf(m.status()));
            r++;
            String[] head = {"一级指标", "二级指标", "三级指标", "年度指标值", "执行情况", "全年预计", "状态", "偏差原因", "完成可能性"};
            for (int c = 0; c < head.length; c++) {
                ws.value(r, c, head[c]);
            }
            ws.range(r, 0, r, LAST).style().horizontalAlignment("center").set();
            r++;
            List<MonitoringTable.Row> rows = t.rows();
            MergedLevels levels = t.levels();
            for (int i = 0; i < rows.size(); i++, r++) {
                MonitoringTable.Row row = rows.get(i);
                levels(ws, levels, i, r, row.level1(), row.level2());
                ws.value(r, 2, row.name());
                ws.value(r, 3, row.target());
                ws.value(r, 4, row.actual());
                ws.value(r, 5, row.forecast());
                ws.value(r, 6, MonitoringTableHtml.status(row.status(), row.flags()));
                ws.value(r, 7, MonitoringTableHtml.cause(row));
                ws.value(r, 8, MonitoringTerms.likelihood(row.likelihood()));
            }
            r = head(ws, r, "纠偏措施", t.measures());
            ws.range(2, 0, r - 1, LAST).style().borderStyle("thin").wrapText(true).verticalAlignment("center").set();
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void selfEvaluation(SelfEvaluationTable t, OutputStream out) {
        try {
            Workbook wb = new Workbook(out, "Jixiao", "1.0");
            Worksheet ws = wb.newWorksheet("绩效自评表");
            widths(ws);
            int r = title(ws, t.title(), "（" + t.budgetYear() + "年度）　单位：元、分");
            r = head(ws, r, "项目名称", t.projectName());
            r = head(ws, r, "主管部门及代码", t.department());
            r = head(ws, r, "自评期间", t.budgetYear() + "年全年（截至" + t.asOf() + "）"
                    + (t.reportRevision() > 1 ? "，第" + t.reportRevision() + "次提交" : ""));
            SelfEvaluationTable.Budget m = t.budget();
            SelfEvaluationTable.Part budgetPart = t.budgetPart();
            ws.value(r, 0, "预算执行");
            ws.range(r, 0, r + 1, 1).merge();
            ws.value(r, 2, "年度预算（元）");
            ws.range(r, 2, r, 3).merge();
            ws.value(r, 4, "执行数（元）");
            ws.range(r, 4, r, 5).merge();
            ws.value(r, 6, "执行率");
            ws.value(r, 7, "分值");
            ws.value(r, 8, "得分");
            r++;
            number(ws, r, 2, m.funding(), MONEY);
            ws.range(r, 2, r, 3).merge();
            number(ws, r, 4, m.spent(), MONEY);
            ws.range(r, 4, r, 5).merge();
            rate(ws, r, 6, m.executionRate());
            if (budgetPart != null) {
                number(ws, r, 7, budgetPart.weight(), POINTS);
                number(ws, r, 8, budgetPart.score(), POINTS);
            }
            r++;
            String[] head = {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "完成率", "得分", "偏差原因及说明"};
            for (int c = 0; c < head.length; c++) {
                ws.value(r, c, head[c]);
            }
            ws.range(r, 0, r, LAST).style().horizontalAlignment("center").set();
            r++;
            List<SelfEvaluationTable.Row> rows = t.rows();
            MergedLevels levels = t.levels();
            for (int i = 0; i < rows.size(); i++, r++) {
                SelfEvaluationTable.Row row = rows.get(i);
                levels(ws, levels, i, r, row.level1(), row.level2());
                ws.value(r, 2, row.subjective() ? row.name() + "（定性）" : row.name());
                ws.value(r, 3, row.target());
                ws.value(r, 4, row.actual());
                number(ws, r, 5, row.weight(), POINTS);
                rate(ws, r, 6, row.completion());
                number(ws, r, 7, row.score(), POINTS);
                ws.value(r, 8, row.justification());
            }
            if (t.scored()) {
                for (SelfEvaluationTable.Part p : t.parts()) {
                    ws.value(r, 0, p.name());
                    ws.range(r, 0, r, 1).merge();
                    ws.value(r, 2, "分值");
                    number(ws, r, 3, p.weight(), POINTS);
                    ws.value(r, 4, "得分");
                    number(ws, r, 5, p.score(), POINTS);
                    r++;
                }
                ws.value(r, 0, "总分");
                ws.range(r, 0, r, 1).merge();
                number(ws, r, 2, t.total(), POINTS);
                ws.value(r, 3, "自评等级");
                ws.value(r, 4, t.grade());
                ws.range(r, 0, r, LAST).style().bold().set();
                r++;
                if (!t.caps().isEmpty()) {
                    r = head(ws, r, "封顶规则", MonitoringTableHtml.caps(t));
                }
            } else {
                r = head(ws, r, "总分", "未评分：" + Figures.text(t.scoreUnavailable()));
            }
            ws.range(2, 0, r - 1, LAST).style().borderStyle("thin").wrapText(true).verticalAlignment("center").set();
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The year view: one row per project, worst first, as the JSON lists it. */
    public static void yearView(String title, Iterable<YearViewRow> rows, OutputStream out) {
        try {
            Workbook wb = new Workbook(out, "Jixiao", "1.0");
            Worksheet ws = wb.newWorksheet("绩效运行监控");
            String[] head = {"项目名称", "主管部门", "监控期间", "截至日期", "总体状态", "年度预算（元）", "执行数（元）", "执行率",
                    "时间进度", "预算状态", "正常", "预警", "偏离", "无法判断", "自评得分", "自评等级"};
            int[] widths = {36, 26, 10, 12, 10, 16, 16, 10, 10, 10, 8, 8, 8, 10, 10, 10};
            for (int c = 0; c < widths.length; c++) {
                ws.width(c, widths[c]);
            }
            ws.value(0, 0, title);
            ws.range(0, 0, 0, head.length - 1).merge();
            ws.range(0, 0, 0, head.length - 1).style().horizontalAlignment("center").fontSize(14).set();
            for (int c = 0; c < head.length; c++) {
                ws.value(1, c, head[c]);
            }
            ws.range(1, 0, 1, head.length - 1).style().bold().horizontalAlignment("center").set();
            int r = 2;
            for (YearViewRow row : rows) {
                ws.value(r, 0, row.projectName());
                ws.value(r, 1, row.departmentCode() + "-" + Figures.text(row.departmentName()));
                ws.value(r, 2, row.period());
                ws.value(r, 3, String.valueOf(row.asOf()));
                ws.value(r, 4, MonitoringStatus.labelOf(row.overall()));
                number(ws, r, 5, row.funding(), MONEY);
                number(ws, r, 6, row.spent(), MONEY);
                rate(ws, r, 7, row.executionRate());
                rate(ws, r, 8, row.timeProgress());
                ws.value(r, 9, MonitoringStatus.labelOf(row.budgetStatus()));
                ws.value(r, 10, row.onTrackRows());
                ws.value(r, 11, row.atRiskRows());
                ws.value(r, 12, row.offTrackRows());
                ws.value(r, 13, row.notAssessableRows());
                number(ws, r, 14, row.scoreTotal(), POINTS);
                ws.value(r, 15, row.grade());
                if (r % 1000 == 0) {
                    ws.flush();
                }
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void widths(Worksheet ws) {
        int[] widths = {12, 14, 26, 16, 14, 14, 12, 26, 14};
        for (int c = 0; c < widths.length; c++) {
            ws.width(c, widths[c]);
        }
    }

    private static int title(Worksheet ws, String title, String unit) {
        ws.value(0, 0, title);
        ws.range(0, 0, 0, LAST).merge();
        ws.range(0, 0, 0, LAST).style().horizontalAlignment("center").fontSize(14).set();
        ws.value(1, 0, unit);
        ws.range(1, 0, 1, LAST).merge();
        ws.range(1, 0, 1, LAST).style().horizontalAlignment("right").set();
        return 2;
    }

    private static int head(Worksheet ws, int r, String label, String value) {
        ws.value(r, 0, label);
        ws.range(r, 0, r, 1).merge();
        ws.value(r, 2, value);
        ws.range(r, 2, r, LAST).merge();
        return r + 1;
    }

    private static void levels(Worksheet ws, MergedLevels levels, int i, int r, String level1, String level2) {
        if (levels.starts(i, false)) {
            ws.value(r, 0, level1);
            if (levels.span(i, false) > 1) {
                ws.range(r, 0, r + levels.span(i, false) - 1, 0).merge();
            }
        }
        if (levels.starts(i, true)) {
            ws.value(r, 1, level2);
            if (levels.span(i, true) > 1) {
                ws.range(r, 1, r + levels.span(i, true) - 1, 1).merge();
            }
        }
    }

    private static void number(Worksheet ws, int r, int c, BigDecimal v, String format) {
        if (v != null) {
            ws.value(r, c, Figures.cell(v));
            ws.style(r, c).format(format).horizontalAlignment("right").set();
        }
    }

    /** A fraction kept to four places, shown as a percentage with two. */
    private static void rate(Worksheet ws, int r, int c, BigDecimal fraction) {
        if (fraction != null) {
            ws.value(r, c, fraction.setScale(4, java.math.RoundingMode.HALF_UP));
            ws.style(r, c).format(PERCENT).horizontalAlignment("right").set();
        }
    }
}
