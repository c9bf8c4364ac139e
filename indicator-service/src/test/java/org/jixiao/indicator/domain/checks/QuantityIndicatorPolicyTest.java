package org.jixiao.indicator.domain.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jixiao.indicator.domain.checks.Rows.declaration;
import static org.jixiao.indicator.domain.checks.Rows.row;

import org.jixiao.indicator.domain.FrameworkPresets;
import org.jixiao.indicator.domain.checks.Finding.Severity;
import org.junit.jupiter.api.Test;

class QuantityIndicatorPolicyTest {
    final QuantityIndicatorPolicy policy = new QuantityIndicatorPolicy();

    @Test
    void shouldRefuseADeclarationWhoseOutputsAreNotCounted() {
        var doc = declaration(2025, row("产出指标", "质量指标", "合格率", "≥95%"),
                row("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"));
        assertThat(policy.check(doc, FrameworkPresets.CLASSIC_FRAMEWORK)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(QuantityIndicatorPolicy.NO_QUANTITY_INDICATOR);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.indicatorIndex()).isNull();
        });
    }

    @Test
    void shouldCountAQuantityRowPrintedUnderAVariantName() {
        var doc = declaration(2025, row("项目完成指标", "数量", "培训人次", "≥200人次"));
        assertThat(policy.check(doc, FrameworkPresets.CLASSIC_FRAMEWORK)).isEmpty();
    }
}
