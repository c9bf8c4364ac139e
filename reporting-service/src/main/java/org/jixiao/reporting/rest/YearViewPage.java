package org.jixiao.reporting.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jixiao.common.query.Page;
import org.jixiao.reporting.domain.YearViewRow;

/** One page of the 双监控 year view, in the shape of every paged answer ({@code items, page, size, total}). */
@Schema(name = "MonitoringYearView", description = "Every project's latest assessed monitoring report of a budget year, worst first")
public record YearViewPage(List<Item> items, int page, int size, long total) {

    static YearViewPage of(Page<YearViewRow> rows) {
        return new YearViewPage(rows.items().stream().map(Item::of).toList(), rows.page(), rows.size(), rows.total());
    }

    @Schema(name = "MonitoringYearViewItem", description = "A project's latest monitoring status (绩效运行监控); amounts in 元, rates as fractions")
    public record Item(UUID projectId, @Schema(description = "项目名称") String projectName,
            @Schema(description = "主管部门代码") String departmentCode, @Schema(description = "主管部门名称") String departmentName,
            @Schema(description = "the latest period of the year reported, YYYY-MM", example = "2025-07") String period,
            @Schema(description = "截至日期") LocalDate asOf, @Schema(description = "the report's submission of its period (1, 2, … after returns)") int reportRevision,
            @Schema(description = "the year-end self-evaluation (自评)") boolean finalReport,
            @Schema(description = "worst of rows and budget: OFF_TRACK 偏离, AT_RISK 预警, NOT_ASSESSABLE 无法判断, ON_TRACK 正常") String overall,
            @Schema(description = "年度预算（元）", example = "4515600.00") String funding,
            @Schema(description = "执行数（元）", example = "1354680.00") String spent,
            @Schema(description = "执行率 = spent / funding, a fraction", example = "0.3000") String executionRate,
            @Schema(description = "时间进度 = elapsed share of the year at asOf, a fraction", example = "0.5808") String timeProgress,
            @Schema(description = "time progress minus execution rate, percentage points", example = "28.08") String lagPoints,
            @Schema(description = "budget status (预算执行)") String budgetStatus,
            @Schema(description = "how many indicator rows are in each status") RowCounts rowCounts,
            @Schema(description = "自评 total, final reports only", example = "87.50") String scoreTotal,
            @Schema(description = "自评等级 优/良/中/差, final reports only") String grade) {

        static Item of(YearViewRow r) {
            return new Item(r.projectId(), r.projectName(), r.departmentCode(), r.departmentName(), r.period(), r.asOf(),
                    r.reportRevision(), r.finalReport(), r.overall(), money(r.funding()), money(r.spent()),
                    plain(r.executionRate()), plain(r.timeProgress()), plain(r.lagPoints()), r.budgetStatus(),
                    new RowCounts(r.onTrackRows(), r.atRiskRows(), r.offTrackRows(), r.notAssessableRows()),
                    money(r.scoreTotal()), r.grade());
        }
    }

    @Schema(name = "MonitoringRowCounts", description = "indicator rows per status")
    public record RowCounts(@Schema(description = "正常") int onTrack, @Schema(description = "预警") int atRisk,
            @Schema(description = "偏离") int offTrack, @Schema(description = "无法判断") int notAssessable) {
    }

    private static String money(java.math.BigDecimal v) {
        return v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(java.math.BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }
}
