package org.jixiao.indicator.domain.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jixiao.indicator.domain.checks.Rows.declaration;
import static org.jixiao.indicator.domain.checks.Rows.row;

import java.util.List;
import org.jixiao.indicator.domain.FrameworkPresets;
import org.jixiao.indicator.domain.checks.Finding.Severity;
import org.junit.jupiter.api.Test;

class FrameworkLevelsPolicyTest {
    final FrameworkLevelsPolicy policy = new FrameworkLevelsPolicy();

    @Test
    void shouldAcceptPrintedVariantsOfTheFrameworksNodes() {
        var doc = declaration(2025, row("项目完成指标", "数量", "培训人次", "≥200人次"),
                row("效益指标", "社会效益", "技能提升", "提升"),
                row("满意度指标", "服务对象满意度", "学员满意度", "≥90%"));
        assertThat(policy.check(doc, FrameworkPresets.CLASSIC_FRAMEWORK)).isEmpty();
    }

    @Test
    void shouldFlagEveryRowOutsideTheYearsFrameworkAtItsIndex() {
        var doc = declaration(2026, row("产出指标", "数量指标", "培训人次", "≥200人次"),
                row("产出指标", "成本指标", "人均成本", "≤500元/人"),
                row("效益指标", "社会效益指标", "技能提升", "提升"),
                row("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"));
        List<Finding> findings = policy.check(doc, FrameworkPresets.MOF_2021_FRAMEWORK);
        List<Finding> rows = findings.stream()
                .filter(f -> f.code().equals(FrameworkLevelsPolicy.LEVEL_NOT_IN_FRAMEWORK)).toList();
        assertThat(rows).extracting(Finding::indicatorIndex).containsExactly(1);
        assertThat(rows.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(rows.get(0).messageEn()).isEqualTo("row 1 (产出指标 / 成本指标) is not a node of the 2026 framework mof-2021");
    }

    @Test
    void shouldReportEachRequiredLevel1ThatNoRowCoversOnceForTheWholeDeclaration() {
        var doc = declaration(2025, row("产出指标", "数量指标", "培训人次", "≥200人次"));
        List<Finding> findings = policy.check(doc, FrameworkPresets.CLASSIC_FRAMEWORK);
        assertThat(findings).extracting(Finding::code).containsOnly(FrameworkLevelsPolicy.REQUIRED_LEVEL1_MISSING);
        assertThat(findings).extracting(Finding::messageZh)
                .containsExactly("缺少一级指标「效益指标」", "缺少一级指标「满意度指标」");
        assertThat(findings).allMatch(f -> f.indicatorIndex() == null);
    }

    @Test
    void shouldMapSatisfactionPrintedUnderBenefitAsIn2015To2020WithAnInfoInsteadOfAnError() {
        var doc = declaration(2025, row("产出指标", "数量指标", "培训人次", "≥200人次"),
                row("效益指标", "社会效益指标", "技能提升", "提升"),
                row("效益指标", "社会公众或服务对象满意度指标", "学员满意度", "≥90%"));
        List<Finding> findings = policy.check(doc, FrameworkPresets.CLASSIC_FRAMEWORK);
        assertThat(findings).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(findings).extracting(Finding::code).containsExactly(FrameworkLevelsPolicy.LEVEL_MAPPED);
        assertThat(findings.get(0).severity()).isEqualTo(Severity.INFO);
        assertThat(findings.get(0).indicatorIndex()).isEqualTo(2);
        assertThat(findings.get(0).messageZh()).contains("满意度指标 / 服务对象满意度指标").contains("2015–2020");
    }

    @Test
    void shouldMapSatisfactionPrintedAtBothLevels() {
        var doc = declaration(2025, row("产出指标", "数量指标", "培训人次", "≥200人次"),
                row("效益指标", "社会效益指标", "技能提升", "提升"),
                row("满意度指标", "满意度指标", "学员满意度", "≥90%"));
        List<Finding> findings = policy.check(doc, FrameworkPresets.CLASSIC_FRAMEWORK);
        assertThat(findings).extracting(Finding::code).containsExactly(FrameworkLevelsPolicy.LEVEL_MAPPED);
        assertThat(findings.get(0).messageZh()).contains("满意度指标两级同名");
    }

    @Test
    void shouldMapALevel1SatisfactionIntoBenefitUnderThe2015Framework() {
        var doc = declaration(2019, classicMinimumRows());
        List<Finding> findings = policy.check(doc, FrameworkPresets.MOF_2015_FRAMEWORK);
        assertThat(findings).extracting(Finding::code).containsExactly(FrameworkLevelsPolicy.LEVEL_MAPPED);
    }

    @Test
    void shouldKeepAGenuinelyUnknownLevelAnError() {
        var doc = declaration(2025, row("产出指标", "数量指标", "培训人次", "≥200人次"),
                row("效益指标", "社会效益指标", "技能提升", "提升"),
                row("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"),
                row("影响指标", "长远影响", "示范", "提升"));
        assertThat(policy.check(doc, FrameworkPresets.CLASSIC_FRAMEWORK)).extracting(Finding::code)
                .containsExactly(FrameworkLevelsPolicy.LEVEL_NOT_IN_FRAMEWORK);
    }

    @Test
    void shouldAcceptAnAdminsAliasForTheYear() {
        var doc = declaration(2025, row("产出指标", "数量指标", "培训人次", "≥200人次"),
                row("效益指标", "社会效益指标", "技能提升", "提升"),
                row("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"),
                row("影响指标", "长远影响", "示范", "提升"));
        var alias = new org.jixiao.indicator.domain.FrameworkVariants.Variant("2025年度别名", "影响指标", null, "效益指标",
                "可持续影响指标", List.of());
        List<Finding> findings = policy.check(doc,
                org.jixiao.indicator.domain.FrameworkVariants.withAliases(FrameworkPresets.CLASSIC_FRAMEWORK, List.of(alias)));
        assertThat(findings).extracting(Finding::code).containsExactly(FrameworkLevelsPolicy.LEVEL_MAPPED);
    }

    static org.jixiao.common.contract.ProjectDocument.IndicatorRow[] classicMinimumRows() {
        return Rows.classicMinimum();
    }
}
