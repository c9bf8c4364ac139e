package org.jixiao.indicator.domain.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.indicator.domain.checks.Finding.Severity;
import org.jixiao.common.test.SeedFixtures;
import org.jixiao.indicator.domain.FrameworkPresets;
import org.junit.jupiter.api.Test;

class CheckEngineTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final CheckEngine engine = CheckEngine.standard();

    static ProjectDocument seed(String ref) throws Exception {
        return JSON.treeToValue(SeedFixtures.project(ref), ProjectDocument.class);
    }

    List<Finding> run(ProjectDocument doc) {
        return engine.run(doc, FrameworkPresets.CLASSIC_FRAMEWORK);
    }

    static Finding only(List<Finding> findings, String code) {
        List<Finding> matching = findings.stream().filter(f -> f.code().equals(code)).toList();
        assertThat(matching).as(code + " in " + findings).hasSize(1);
        return matching.get(0);
    }

    @Test
    void shouldReconcilePreschoolFundingFromChildrenTimesTheYearlyRate() throws Exception {
        Finding f = only(run(seed("JC-CQ-2025-002")), "COST_RECONCILED");
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.messageZh()).contains("7526人 × 600元/人/年 = 4515600元").contains("项目资金4515600元");
    }

    @Test
    void shouldReconcileCareSubsidyFromPeopleTimesTheMonthlyRateTimesTwelve() throws Exception {
        Finding f = only(run(seed("JC-CQ-2025-014")), "COST_RECONCILED");
        assertThat(f.messageZh()).contains("2900人 × 109元/人/月 × 12 = 3793200元");
    }

    @Test
    void shouldReconcileTheEnterpriseAwardFromThreeCountsAndTheRateNamedInTheIndicator() throws Exception {
        Finding f = only(run(seed("JC-CQ-2025-023")), "COST_RECONCILED");
        assertThat(f.messageZh()).contains("(5+12+6)家 × 200000元/家 = 4600000元");
    }

    @Test
    void shouldReportAGapWithTheArithmeticWhenTheCountsDoNotAddUp() throws Exception {
        ObjectNode doc = (ObjectNode) SeedFixtures.project("JC-CQ-2025-014");
        doc.put("funding", "3800000");
        Finding f = only(run(JSON.treeToValue(doc, ProjectDocument.class)), "COST_GAP");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.messageZh()).contains("2900人 × 109元/人/月 × 12 = 3793200元").contains("差额6800元");
    }

    @Test
    void shouldNotGuessWhenSeveralRatesShareOneCount() throws Exception {
        // 城乡义务教育: 720 / 6000 / 940 元/生/年 against one count of 50087人
        assertThat(run(seed("JC-CQ-2025-001"))).noneMatch(f -> f.code().startsWith("COST_"));
    }

    @Test
    void shouldWarnWhenACostCapIsBelowTheFundingNamingBothAmounts() throws Exception {
        // 职中免学费 caps two cost rows (≤12750元, ≤281000元) below its 594,250元
        List<Finding> caps = run(seed("JC-CQ-2025-003")).stream().filter(f -> f.code().equals("COST_CAP_BELOW_FUNDING")).toList();
        assertThat(caps).extracting(Finding::indicatorIndex).containsExactly(17, 18);
        assertThat(caps).allMatch(f -> f.severity() == Severity.WARNING);
        assertThat(caps.get(1).messageZh()).contains("281,000.00元").contains("594,250.00元");
    }

    @Test
    void shouldFlagUnmeasurableOutputsLowSatisfactionAndDeadlinesOutsideTheYear() throws Exception {
        ObjectNode doc = (ObjectNode) SeedFixtures.project("JC-CQ-2025-002");
        ArrayNode rows = (ArrayNode) doc.get("indicators");
        ((ObjectNode) rows.get(0)).put("target", "提升");
        ((ObjectNode) rows.get(8)).put("target", "≥70%");
        ((ObjectNode) rows.get(3)).put("target", "2024年6月底前");
        List<Finding> findings = run(JSON.treeToValue(doc, ProjectDocument.class));
        assertThat(only(findings, "UNMEASURABLE_TARGET").indicatorIndex()).isEqualTo(0);
        assertThat(only(findings, "SATISFACTION_BELOW_80").indicatorIndex()).isEqualTo(8);
        assertThat(only(findings, "DEADLINE_OUTSIDE_BUDGET_YEAR").indicatorIndex()).isEqualTo(3);
        assertThat(only(findings, "QUANTIFIED_SHARE").messageEn()).isEqualTo("6 of 9 targets are quantified (67%)");
    }

    @Test
    void shouldFindNoErrorInAnySeedProjectUnderTheClassicFrameworkButTheOneWithoutBenefitAndSatisfaction() throws Exception {
        for (var p : SeedFixtures.projects()) {
            List<Finding> errors = run(JSON.treeToValue(p, ProjectDocument.class)).stream()
                    .filter(f -> f.severity() == Severity.ERROR).toList();
            if (p.get("externalRef").asText().equals("JC-CQ-2025-003")) {
                assertThat(errors).extracting(Finding::code).containsOnly("REQUIRED_LEVEL1_MISSING");
            } else {
                assertThat(errors).as(p.get("externalRef").asText()).isEmpty();
            }
        }
    }
}
