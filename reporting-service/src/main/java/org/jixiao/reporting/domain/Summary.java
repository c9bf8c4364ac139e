package org.jixiao.reporting.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * 绩效目标情况表 as plain values, in the bureau's order and numbered from 1; the renderers lay it out,
 * the use case fills it, and neither knows the other. {@code totalRow}: whether the 合计 row is drawn —
 * a published list reproduces the bureau's printed table, which has none.
 */
public record Summary(String title, String unit, int budgetYear, List<Row> rows, BigDecimal total, boolean totalRow) {

    public Summary(String title, String unit, int budgetYear, List<Row> rows, BigDecimal total) {
        this(title, unit, budgetYear, rows, total, true);
    }

    public record Row(int seq, String budgetUnitCode, String budgetUnitName, UUID projectId, String projectName,
            BigDecimal amount) {
    }
}
