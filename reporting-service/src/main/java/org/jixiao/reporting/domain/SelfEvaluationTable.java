package org.jixiao.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * 项目支出绩效自评表 of one project and budget year, from its final report (period YYYY-12) and the score
 * indicator-service gave it: the budget block with the 预算执行率 part, per indicator row its 分值, actual,
 * completion and 得分 (一级 = the part, merged like the other tables), the parts with their scores, 总分 and
 * 自评等级, and the caps that bit. Without a score ({@code scoreUnavailable} says why) the rows carry the
 * actuals only.
 */
public record SelfEvaluationTable(String region, UUID projectId, String projectName, String departmentCode,
        String departmentName, int budgetYear, LocalDate asOf, int reportRevision, Budget budget, List<Part> parts,
        List<Row> rows, BigDecimal total, String grade, List<Cap> caps, String scoreUnavailable) {

    public SelfEvaluationTable {
        parts = List.copyOf(parts);
        rows = List.copyOf(rows);
        caps = List.copyOf(caps);
    }

    /** The part that scores budget execution rather than indicator rows. */
    public static final String BUDGET_PART = "预算执行率";

    /** Amounts in 元; the rate as a fraction. */
    public record Budget(BigDecimal funding, BigDecimal spent, BigDecimal executionRate) {
    }

    /** 预算执行率 or a 一级指标 group, with its weight (分值) and score (得分). */
    public record Part(String name, BigDecimal weight, BigDecimal score) {
    }

    /**
     * @param completion 0–1; {@code basis} MEASURED, STATED (the department's completion), DEADLINE or ASSUMED
     * @param justification the department's reason for a stated completion, or its note
     */
    public record Row(int index, String level1, String level2, String name, String target, String actual,
            BigDecimal weight, BigDecimal completion, BigDecimal score, boolean subjective, String basis,
            String justification) {
    }

    /** Execution rate below {@code executionRateBelow} (a fraction) caps the total at {@code maxTotal}. */
    public record Cap(BigDecimal executionRateBelow, BigDecimal maxTotal, BigDecimal totalBefore) {
    }

    public String title() {
        return region + "项目支出绩效自评表";
    }

    public String department() {
        return departmentCode + "-" + (departmentName == null ? "" : departmentName);
    }

    public boolean scored() {
        return scoreUnavailable == null && total != null;
    }

    /** The 预算执行率 part, when the score has one. */
    public Part budgetPart() {
        return parts.stream().filter(p -> BUDGET_PART.equals(p.name())).findFirst().orElse(null);
    }

    public MergedLevels levels() {
        return new MergedLevels(rows.stream().map(Row::level1).toList(), rows.stream().map(Row::level2).toList());
    }
}
