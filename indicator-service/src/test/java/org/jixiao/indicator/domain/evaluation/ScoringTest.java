package org.jixiao.indicator.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.test.SeedFixtures;
import org.jixiao.indicator.domain.FrameworkPresets;
import org.jixiao.indicator.domain.FrameworkVariants;
import org.jixiao.indicator.domain.target.TargetParser;
import org.junit.jupiter.api.Test;

/** 自评 scores worked out by hand, and the review-time preview. */
class ScoringTest {
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final FrameworkVariants CLASSIC = FrameworkVariants.of(FrameworkPresets.CLASSIC_FRAMEWORK);
    final Scoring scoring = new Scoring(new TargetParser());

    static ProjectDocument seed(String externalRef) {
        return JSON.convertValue(SeedFixtures.project(externalRef), ProjectDocument.class);
    }

    /**
     * 城区城乡义务教育生均公用经费 (JC-CQ-2025-001), funding 42,726,082; 产出 50 over 8 rows = 6.25 each,
     * 效益 30 over 2 = 15 each, 满意度 10 over 1.
     * <pre>
     * 预算执行率  38,453,473.80 / 42,726,082 = 0.9              × 10   = 9
     * 0 ≥62所      actual 60: 60/62 = 0.967741935483870967…    × 6.25 = 6.048387096774193548…
     * 1 ≥50087人   actual 50087: met                            × 6.25 = 6.25
     * 2 100%       actual 98: 1 − 2/100 = 0.98                   × 6.25 = 6.125
     * 3 及时       stated 1                                      × 6.25 = 6.25
     * 4 全年       stated 1                                      × 6.25 = 6.25
     * 5 720元/生/年  actual 720: met                             × 6.25 = 6.25
     * 6 6000元/生/年 actual 6000: met                            × 6.25 = 6.25
     * 7 940元/生/年  actual 987: 1 − 47/940 = 0.95                × 6.25 = 5.9375
     *   产出 = 49.360887096774193548…
     * 8 保障       stated 0.8                                    × 15   = 12
     * 9 维持       stated 1                                      × 15   = 15
     *   效益 = 27
     * 10 ≥90%      actual 85: 85/90 = 0.944444…                  × 10   = 9.444444…
     * total = 9 + 49.360887… + 27 + 9.444444… = 94.805331541218637… → 94.81, 优
     * with a cap "execution rate below 95% → at most 89": 89.00, 良
     * </pre>
     */
    static List<Scoring.Entry> workedEntries() {
        return List.of(new Scoring.Entry(0, "60", null), new Scoring.Entry(1, "50087", null),
                new Scoring.Entry(2, "98", null), new Scoring.Entry(3, null, BigDecimal.ONE),
                new Scoring.Entry(4, null, BigDecimal.ONE), new Scoring.Entry(5, "720", null),
                new Scoring.Entry(6, "6000", null), new Scoring.Entry(7, "987", null),
                new Scoring.Entry(8, null, new BigDecimal("0.8")), new Scoring.Entry(9, null, BigDecimal.ONE),
                new Scoring.Entry(10, "85", null));
    }

    @Test
    void shouldScoreTheWorkedExampleToTheFenOfAPointAsComputedByHand() {
        Scorecard s = scoring.score(seed("JC-CQ-2025-001"), CLASSIC, ScoringPolicy.classic(), new BigDecimal("38453473.80"),
                workedEntries());
        assertThat(s.total()).isEqualByComparingTo("94.81");
        assertThat(s.grade()).isEqualTo("优");
        assertThat(s.parts()).extracting(Scorecard.Part::part).containsExactly("预算执行率", "产出指标", "效益指标", "满意度指标");
        assertThat(s.parts()).extracting(p -> Scoring.display(p.score()).toPlainString())
                .containsExactly("9.00", "49.36", "27.00", "9.44");
        assertThat(s.parts().get(1).rows()).extracting(r -> Scoring.display(r.score()).toPlainString())
                .containsExactly("6.05", "6.25", "6.13", "6.25", "6.25", "6.25", "6.25", "5.94");
        assertThat(s.capsApplied()).isEmpty();
        assertThat(s.assumedMet()).isEmpty();
    }

    /**
     * The worked example above under two local caps: execution rate 38,453,473.80 / 42,726,082 = 0.9 is below
     * 0.95 (cap 89) but not below 0.6 (cap 69); the lowest cap whose threshold the rate is under applies, and it
     * bites because 94.805331… > 89: total 89.00, 良, listed with the 94.81 it replaced.
     */
    @Test
    void shouldCapTheTotalWhenTheExecutionRateIsBelowALocalRulesThreshold() {
        ScoringPolicy classic = ScoringPolicy.classic();
        ScoringPolicy capped = new ScoringPolicy(classic.executionWeight(), classic.groupWeights(), classic.grades(),
                List.of(new ScoringPolicy.Cap(new BigDecimal("0.95"), new BigDecimal(89)),
                        new ScoringPolicy.Cap(new BigDecimal("0.6"), new BigDecimal(69))));
        Scorecard s = scoring.score(seed("JC-CQ-2025-001"), CLASSIC, capped, new BigDecimal("38453473.80"), workedEntries());
        assertThat(s.total()).isEqualByComparingTo("89.00");
        assertThat(s.grade()).isEqualTo("良");
        assertThat(s.capsApplied()).singleElement().satisfies(c -> {
            assertThat(c.maxTotal()).isEqualByComparingTo("89");
            assertThat(Scoring.display(c.totalBefore())).isEqualByComparingTo("94.81");
        });
    }

    @Test
    void shouldScoreAFullyMetTable100EvenWhenAGroupsWeightDoesNotDivideEvenly() {
        // 产出 has 7 rows here: 50/7 = 7.142857… per row, whose displayed parts would add up to 49.98
        ProjectDocument d = seed("JC-CQ-2025-001");
        List<ProjectDocument.IndicatorRow> rows = new ArrayList<>(d.indicators());
        rows.remove(7);
        d = withRows(d, rows);
        Scorecard s = scoring.score(d, CLASSIC, ScoringPolicy.classic(), new BigDecimal(d.funding()), List.of());
        assertThat(s.total()).isEqualByComparingTo("100.00");
        assertThat(s.grade()).isEqualTo("优");
        assertThat(s.parts().get(1).rows()).extracting(r -> Scoring.display(r.weight()).toPlainString()).containsOnly("7.14");
    }

    @Test
    void shouldPreviewAtReviewTimeHowManyPointsRestOnJudgement() {
        Scorecard s = scoring.score(seed("JC-CQ-2025-001"), CLASSIC, ScoringPolicy.classic(), null, null);
        assertThat(s.total()).isEqualByComparingTo("100.00");
        assertThat(s.assumedMet()).contains(Scorecard.EXECUTION).hasSize(12);
        BigDecimal judged = s.parts().stream().flatMap(p -> p.rows().stream()).filter(Scorecard.RowScore::subjective)
                .map(Scorecard.RowScore::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(s.subjectivePoints()).isEqualByComparingTo(judged);
        // 保障 and 维持 (效益, 15 each) are judged; the quantified rows are not
        assertThat(s.parts().get(2).rows()).allMatch(Scorecard.RowScore::subjective);
        assertThat(s.parts().get(1).rows()).filteredOn(r -> r.index() <= 2 || r.index() >= 5).noneMatch(Scorecard.RowScore::subjective);
    }

    @Test
    void shouldCompleteEachOperatorAsTheRulesSay() {
        assertThat(completion("≤5天", "4")).isEqualByComparingTo("1");
        assertThat(completion("≤5天", "6")).isEqualByComparingTo("0.8");
        assertThat(completion("≤5天", "11")).isEqualByComparingTo("0");
        assertThat(completion("≥100人", "120")).isEqualByComparingTo("1");
        assertThat(completion("5元至22元", "10")).isEqualByComparingTo("1");
        assertThat(completion("5元至22元", "4")).isEqualByComparingTo("0.8");
        assertThat(completion("5元至22元", "33")).isEqualByComparingTo("0.5");
        assertThat(completion("≤0起", "0")).isEqualByComparingTo("1");
        assertThat(completion("≤0起", "1")).isEqualByComparingTo("0");
    }

    @Test
    void shouldAskForTheCompletionOfARowNoFigureMeasures() {
        List<Scoring.Entry> entries = List.of(new Scoring.Entry(8, "很好", null));
        assertThatThrownBy(() -> scoring.score(seed("JC-CQ-2025-001"), CLASSIC, ScoringPolicy.classic(), null, entries))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("completion-required");
                    assertThat(e.violations()).extracting(v -> v.pointer()).containsExactly("/indicators/8/completion");
                });
    }

    @Test
    void shouldRefuseToInventWeightsForAFrameworkWithCostAsALevel1Group() {
        ProjectDocument d = seed("JC-CQ-2025-001");
        assertThatThrownBy(() -> scoring.score(d, FrameworkVariants.of(FrameworkPresets.MOF_2021_FRAMEWORK),
                ScoringPolicy.classic(), null, null)).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("scoring-weights-not-configured"));
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        FrameworkPresets.MOF_2021_FRAMEWORK.level1().forEach(l -> weights.put(l.name(), BigDecimal.ZERO));
        assertThat(new ScoringPolicy(BigDecimal.TEN, weights, ScoringPolicy.classic().grades(), List.of()).violations())
                .extracting(v -> v.pointer()).containsExactly("/groupWeights");
    }

    private BigDecimal completion(String target, String actual) {
        ProjectDocument d = withRows(seed("JC-CQ-2025-001"), List.of(new ProjectDocument.IndicatorRow("产出指标", "数量指标",
                "x", target, null, null)));
        Scorecard s = scoring.score(d, CLASSIC, ScoringPolicy.classic(), null, List.of(new Scoring.Entry(0, actual, null)));
        assertThat(s.parts().get(1).rows().get(0).basis()).isEqualTo("MEASURED");
        return s.parts().get(1).rows().get(0).completion();
    }

    private static ProjectDocument withRows(ProjectDocument d, List<ProjectDocument.IndicatorRow> rows) {
        return new ProjectDocument(d.externalRef(), d.budgetYear(), d.name(), d.departmentCode(), d.departmentName(),
                d.budgetUnitCode(), d.budgetUnitName(), d.attribute(), d.overview(), d.basis(), d.necessity(),
                d.safeguards(), d.implementationPlan(), d.annualGoal(), d.implementingUnit(), d.funding(), rows);
    }
}
