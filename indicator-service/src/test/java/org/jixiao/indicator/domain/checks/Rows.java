package org.jixiao.indicator.domain.checks;

import java.util.List;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.contract.ProjectDocument.IndicatorRow;

/** Small declarations for the policy tests: only the fields the policies read are set. */
final class Rows {
    private Rows() {
    }

    static IndicatorRow row(String level1, String level2, String name, String target) {
        return new IndicatorRow(level1, level2, name, target, null, null);
    }

    static ProjectDocument declaration(int budgetYear, IndicatorRow... rows) {
        return new ProjectDocument("T-1", budgetYear, "测试项目", "034", null, null, null, null, null, null, null, null,
                null, null, null, "100000", List.of(rows));
    }

    /** One row under each required 一级 of the classic framework. */
    static IndicatorRow[] classicMinimum() {
        return new IndicatorRow[] {
            row("产出指标", "数量指标", "培训人次", "≥200人次"),
            row("效益指标", "社会效益指标", "技能提升", "提升"),
            row("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%")
        };
    }
}
