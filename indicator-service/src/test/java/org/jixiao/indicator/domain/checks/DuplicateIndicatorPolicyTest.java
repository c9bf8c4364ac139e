package org.jixiao.indicator.domain.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jixiao.indicator.domain.checks.Rows.declaration;
import static org.jixiao.indicator.domain.checks.Rows.row;

import java.util.List;
import org.jixiao.indicator.domain.FrameworkPresets;
import org.jixiao.indicator.domain.checks.Finding.Severity;
import org.junit.jupiter.api.Test;

class DuplicateIndicatorPolicyTest {
    final DuplicateIndicatorPolicy policy = new DuplicateIndicatorPolicy();

    @Test
    void shouldWarnAtTheRepeatingRowNamingTheFirstEvenWhenOnlyWhiteSpaceDiffers() {
        var doc = declaration(2025, row("产出指标", "数量指标", "培训人次", "≥200人次"),
                row("产出指标", "质量指标", "合格率", "≥95%"),
                row("产出指标", "数量指标", "培训 人次", "≥300人次"));
        List<Finding> findings = policy.check(doc, FrameworkPresets.CLASSIC_FRAMEWORK);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(DuplicateIndicatorPolicy.DUPLICATE_INDICATOR);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.indicatorIndex()).isEqualTo(2);
            assertThat(f.messageZh()).isEqualTo("第3行三级指标「培训 人次」与第1行重复");
        });
    }

    @Test
    void shouldFindNothingInADeclarationOfDistinctIndicators() {
        assertThat(policy.check(declaration(2025, Rows.classicMinimum()), FrameworkPresets.CLASSIC_FRAMEWORK)).isEmpty();
    }
}
