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
    void shouldReportAGapWithTheArithmeticWhenExactCountsDoNotAddUp() throws Exception {
        ObjectNode doc = (ObjectNode) SeedFixtures.project("JC-CQ-2025-014");
        doc.put("funding", "3800000");
        ((ObjectNode) doc.get("indicators").get(0)).put("target", "2900人");
        Finding f = only(run(JSON.treeToValue(doc, ProjectDocument.class)), "COST_GAP");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.messageZh()).contains("2900人 × 109元/人/月 × 12 = 3793200元").contains("差额6800元");
    }

    @Test
    void shouldReconcileTheTwoBandsOf城乡低保金AndNameThe提标AsTheRest() throws Exception {
        Finding f = only(run(seed("JC-CQ-2025-013")), "COST_PARTIAL");
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.messageZh()).contains("1600人 × 740元/人/月 × 12 = 14208000元")
                .contains("900人 × 610元/人/月 × 12 = 6588000元").contains("合计20796000元")
                .contains("其余1116000元").contains("111.6万元");
    }

    @Test
    void shouldUseACountWrittenWithAnUpperBoundAsThePlannedQuantity() throws Exception {
        Finding f = only(run(seed("JC-CQ-2025-021")), "COST_RECONCILED");
        assertThat(f.messageZh()).contains("2500人 × 400元/人/年 = 1000000元");
    }

    @Test
    void shouldCallADifferenceWithinThePrintedPrecisionApproximateNotAGap() throws Exception {
        List<Finding> findings = run(seed("JC-CQ-2025-009"));
        assertThat(findings).noneMatch(f -> f.code().equals("COST_GAP"));
        Finding f = only(findings, "COST_APPROX");
        assertThat(f.severity()).isEqualTo(Severity.INFO);
        assertThat(f.messageZh()).contains("200271人 × 70元/人/年 = 14018970元").contains("相差1030元");
    }

    @Test
    void shouldNotPairAPerResidentRateWithPatientCountsItDoesNotName() throws Exception {
        // 基本公共卫生: 99元/人 applies to the 586,025 residents, who are no indicator
        assertThat(run(seed("JC-CQ-2025-006"))).noneMatch(f -> f.code().startsWith("COST_"));
    }

    @Test
    void shouldPairAPerStudentRateWithStudentsOnly() throws Exception {
        // 职中免学费: 231 students × 2500; the 19 劳务人员 are paid from it, not counted by it
        List<Finding> findings = run(seed("JC-CQ-2025-003"));
        assertThat(findings).noneMatch(f -> f.code().equals("COST_GAP"));
        assertThat(only(findings, "COST_PARTIAL").messageZh()).contains("231人 × 2500元/生/年 = 577500元").doesNotContain("19人");
    }

    @Test
    void shouldNotGuessWhenSeveralRatesShareOneCount() throws Exception {
        // 城乡义务教育: 720 / 6000 / 940 元/生/年 against one count of 50087人
        assertThat(run(seed("JC-CQ-2025-001"))).noneMatch(f -> f.code().startsWith("COST_"));
    }

    @Test
    void shouldNotHoldACapOnOneComponentAgainstTheWholeFunding() throws Exception {
        // 职中免学费: ≤12750元 (采购) and ≤281000元 (劳务费) are two of three cost rows; together 293,750 ≤ 594,250
        assertThat(run(seed("JC-CQ-2025-003"))).noneMatch(f -> f.code().startsWith("COST_CAP"));
    }

    @Test
    void shouldWarnWhenTheOnlyCostCapIsBelowTheFundingNamingBothAmounts() throws Exception {
        ObjectNode doc = (ObjectNode) SeedFixtures.project("JC-CQ-2025-029");
        ((ObjectNode) doc.get("indicators").get(3)).put("target", "≤2000万元");
        Finding f = only(run(JSON.treeToValue(doc, ProjectDocument.class)), "COST_CAP_BELOW_FUNDING");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.indicatorIndex()).isEqualTo(3);
        assertThat(f.messageZh()).contains("20,000,000.00元").contains("25,020,000.00元");
    }

    @Test
    void shouldMatchACapPrintedIn万元WithinItsPrecision() throws Exception {
        ObjectNode doc = (ObjectNode) SeedFixtures.project("JC-CQ-2025-029");
        doc.put("funding", "25018000");
        assertThat(only(run(JSON.treeToValue(doc, ProjectDocument.class)), "COST_CAP_MATCHES_FUNDING").severity())
                .isEqualTo(Severity.INFO);
    }

    @Test
    void shouldWarnWhenComponentCapsTogetherExceedTheFunding() throws Exception {
        ObjectNode doc = (ObjectNode) SeedFixtures.project("JC-CQ-2025-003");
        ((ObjectNode) doc.get("indicators").get(18)).put("target", "≤590000元");
        Finding f = only(run(JSON.treeToValue(doc, ProjectDocument.class)), "COST_CAP_ABOVE_FUNDING");
        assertThat(f.indicatorIndex()).isNull();
        assertThat(f.messageZh()).contains("602,750.00元").contains("594,250.00元");
    }

    @Test
    void shouldMultiplyAPerItemCapByItsCount() {
        var doc = Rows.declaration(2025, Rows.row("产出指标", "数量指标", "改造站点数", "20个"),
                Rows.row("产出指标", "成本指标", "每个站点改造费用", "≤6000元/个"),
                Rows.row("产出指标", "成本指标", "监理费", "≤5000元"),
                Rows.row("效益指标", "社会效益指标", "改善", "改善"), Rows.row("满意度指标", "服务对象满意度指标", "满意度", "≥90%"));
        // funding 100,000: 20 × 6000 + 5000 = 125,000 above it
        Finding f = only(run(doc), "COST_CAP_ABOVE_FUNDING");
        assertThat(f.messageZh()).contains("20个 × 6000元/个 = 120000元").contains("125,000.00元");
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

    @Test
    void shouldNotBlockAnotherLocalitysSatisfactionPlacementAndStillCheckItsTarget() throws Exception {
        ObjectNode doc = (ObjectNode) SeedFixtures.project("JC-CQ-2025-002");
        ObjectNode satisfaction = (ObjectNode) doc.get("indicators").get(8);
        satisfaction.put("level1", "效益指标").put("level2", "社会公众或服务对象满意度指标").put("target", "≥70%");
        List<Finding> findings = run(JSON.treeToValue(doc, ProjectDocument.class));
        assertThat(findings).noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(only(findings, "LEVEL_MAPPED").severity()).isEqualTo(Severity.INFO);
        assertThat(only(findings, "SATISFACTION_BELOW_80").indicatorIndex()).isEqualTo(8);
    }

    @Test
    void shouldReadEverySeedProjectUnderThe2015FrameworkWithMappingsButNoLevelErrors() throws Exception {
        for (var p : SeedFixtures.projects()) {
            List<Finding> findings = engine.run(JSON.treeToValue(p, ProjectDocument.class), FrameworkPresets.MOF_2015_FRAMEWORK);
            assertThat(findings).as(p.get("externalRef").asText()).noneMatch(f -> f.code().equals("LEVEL_NOT_IN_FRAMEWORK"));
        }
    }

    static ProjectDocument small(String funding, String overview, ProjectDocument.IndicatorRow... rows) {
        var doc = Rows.declaration(2025, rows);
        return new ProjectDocument(doc.externalRef(), doc.budgetYear(), doc.name(), doc.departmentCode(), null, null, null,
                null, overview, null, null, null, null, null, null, funding, doc.indicators());
    }

    @Test
    void shouldConvertMuToSquareMetresBeforeMultiplying() {
        var doc = small("400000", null, Rows.row("产出指标", "数量指标", "绿化面积", "30亩"),
                Rows.row("产出指标", "成本指标", "绿化单价", "20元/平方米"));
        assertThat(only(run(doc), "COST_RECONCILED").messageZh()).contains("20000㎡（30亩） × 20元/平方米 = 400000元");
    }

    @Test
    void shouldPairADayRateWithTheDaysOrPersonDaysTheTableStates() {
        var personDays = small("50000", null, Rows.row("产出指标", "数量指标", "培训人天数", "500人天"),
                Rows.row("产出指标", "成本指标", "伙食补助标准", "100元/人/天"));
        assertThat(only(run(personDays), "COST_RECONCILED").messageZh()).contains("500人天 × 100元/人/天 = 50000元");
        var days = small("200000", null, Rows.row("产出指标", "数量指标", "服务天数", "250天"),
                Rows.row("产出指标", "成本指标", "租车费用", "800元/天"));
        assertThat(only(run(days), "COST_RECONCILED").messageZh()).contains("250天 × 800元/天 = 200000元");
    }

    @Test
    void shouldNotMultiplyADayRateByDaysNobodyStated() {
        // 100 people × 100元/人/天 would need the number of days: nothing is paired, nothing is flagged
        var doc = small("300000", null, Rows.row("产出指标", "数量指标", "培训人数", "100人"),
                Rows.row("产出指标", "成本指标", "伙食补助标准", "100元/人/天"));
        assertThat(run(doc)).noneMatch(f -> f.code().startsWith("COST_"));
    }

    @Test
    void shouldAcceptADifferenceOfAFewPercentWhenAFigureIsPrintedWith约() {
        var doc = small("51000", null, Rows.row("产出指标", "数量指标", "培训人数", "约500人"),
                Rows.row("产出指标", "成本指标", "培训标准", "100元/人"));
        assertThat(only(run(doc), "COST_APPROX").messageZh()).contains("500人 × 100元/人 = 50000元").contains("相差1000元");
    }

    @Test
    void shouldTakeTieredStandardsAsMeasurable() throws Exception {
        // 城乡居民养老保险: 200元补贴35元、…; 60至 64周岁 191元、65周岁以上201元; 基础养老金的12个月
        assertThat(run(seed("JC-CQ-2025-018"))).noneMatch(f -> f.code().equals("UNMEASURABLE_TARGET"));
    }
}
