package org.jixiao.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * 项目支出绩效运行监控表 of one project and period, as the HTML, PDF and XLSX renderers all lay it out: the
 * project, the budget block (年度预算, 执行数, 执行率, 时间进度, 状态), then per approved indicator row the
 * target, 执行情况, 全年预计, its status, 偏差原因 and 完成可能性 (一级/二级 merged over consecutive rows), and
 * the 纠偏措施.
 */
public record MonitoringTable(String region, UUID projectId, String projectName, String departmentCode,
        String departmentName, int budgetYear, String period, LocalDate asOf, int reportRevision, boolean finalReport,
        String overall, Budget budget, List<Row> rows, String measures) {

    public MonitoringTable {
        rows = List.copyOf(rows);
    }

    /** Amounts in 元; rates as fractions (0.3000 = 30%). */
    public record Budget(BigDecimal funding, BigDecimal spent, BigDecimal executionRate, BigDecimal timeProgress,
            BigDecimal lagPoints, String status) {
    }

    /**
     * @param actual 执行情况, {@code forecast} 全年预计: as the department stated them, in the target's unit
     * @param flags e.g. TARGET_TOO_LOW
     */
    public record Row(int index, String level1, String level2, String name, String target, String actual,
            String forecast, String status, List<String> flags, String deviationCause, String note, String likelihood) {
        public Row {
            flags = flags == null ? List.of() : List.copyOf(flags);
        }
    }

    public String title() {
        return region + "项目支出绩效运行监控表";
    }

    /** 主管部门及代码, as the 项目支出绩效目标表 prints it. */
    public String department() {
        return departmentCode + "-" + (departmentName == null ? "" : departmentName);
    }

    /** The months the report covers, counted from January as monitoring rounds are (1—7月 reported in August). */
    public String periodText() {
        int month = Integer.parseInt(period.substring(5));
        String months = month == 1 ? "1月" : "1—" + month + "月";
        return period.substring(0, 4) + "年" + months + "（截至" + asOf + "）";
    }

    public MergedLevels levels() {
        return new MergedLevels(rows.stream().map(Row::level1).toList(), rows.stream().map(Row::level2).toList());
    }
}
