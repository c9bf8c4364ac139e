package org.jixiao.indicator.domain.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.test.SeedFixtures;
import org.jixiao.indicator.domain.monitoring.Assessment.Status;
import org.jixiao.indicator.domain.monitoring.MonitoringReport.Likelihood;
import org.jixiao.indicator.domain.monitoring.MonitoringReport.Line;
import org.jixiao.indicator.domain.target.TargetParser;
import org.junit.jupiter.api.Test;

/** 城区学前教育公用经费 (JC-CQ-2025-002, 4,515,600 元), its July report. */
class AssessorTest {
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    static final ProjectDocument PRESCHOOL = JSON.convertValue(SeedFixtures.project("JC-CQ-2025-002"), ProjectDocument.class);
    static final LocalDate END_OF_JULY = LocalDate.of(2025, 7, 31);
    final Assessor assessor = new Assessor(new TargetParser());

    Assessment july(String spent, Line... lines) {
        return assessor.assess(PRESCHOOL, new MonitoringReport("2025-07", END_OF_JULY, spent == null ? null : new BigDecimal(spent),
                List.of(lines)), MonitoringPolicy.standard());
    }

    static Line forecast(int index, String forecast) {
        return new Line(index, null, forecast, null, null, null);
    }

    @Test
    void shouldJudgeTheChildrenCountByItsForecastAgainst7526() {
        assertThat(july(null, forecast(1, "7600")).rows().get(1).status()).isEqualTo(Status.ON_TRACK);
        // 7000 is 7.0% short of 7526, within the 10% line
        assertThat(july(null, forecast(1, "7000")).rows().get(1).status()).isEqualTo(Status.AT_RISK);
        // 6700 is 11.0% short
        Assessment.RowStatus offTrack = july(null, forecast(1, "6700")).rows().get(1);
        assertThat(offTrack.status()).isEqualTo(Status.OFF_TRACK);
        assertThat(offTrack.reason()).contains("11%");
    }

    @Test
    void shouldPutTheBudgetAtRiskWhenExecutionLagsTheYearByMoreThan15Points() {
        // 1,354,680 / 4,515,600 = 30%; 31 July is day 212 of 365 = 58.08%: 28.08 points behind
        Assessment.Budget budget = july("1354680").budget();
        assertThat(budget.executionRate()).isEqualByComparingTo("0.3");
        assertThat(budget.lagPoints().setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("28.08");
        assertThat(budget.status()).isEqualTo(Status.AT_RISK);
        assertThat(july("800000").budget().status()).isEqualTo(Status.OFF_TRACK);
        assertThat(july("2400000").budget().status()).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void shouldFlagATargetTheForecastBeatsByMoreThanAThird() {
        // ≥33所 with 44 forecast: beaten by 33%
        assertThat(july(null, forecast(0, "44")).rows().get(0).flags()).containsExactly(Assessment.TARGET_TOO_LOW);
        assertThat(july(null, forecast(0, "42")).rows().get(0).flags()).isEmpty();
    }

    @Test
    void shouldReadQualitativeRowsFromTheStatedLikelihoodAndSayWhatIsMissingOtherwise() {
        Assessment a = july(null, new Line(6, null, null, Likelihood.LIKELY, null, null),
                new Line(7, null, null, Likelihood.UNLIKELY, MonitoringReport.DeviationCause.FUNDING, "经费未到位"),
                forecast(1, null));
        assertThat(a.rows().get(6).status()).isEqualTo(Status.AT_RISK);
        assertThat(a.rows().get(7).status()).isEqualTo(Status.OFF_TRACK);
        assertThat(a.rows().get(1).status()).isEqualTo(Status.NOT_ASSESSABLE);
        assertThat(a.rows().get(0).reason()).isEqualTo("not reported");
        assertThat(a.overall()).isEqualTo(Status.OFF_TRACK);
    }

    @Test
    void shouldCountADeadlinePassedWithoutCompletionAsOffTrack() {
        ProjectDocument d = new ProjectDocument(null, 2025, "x", null, null, null, null, null, null, null, null, null, null,
                null, null, "100", List.of(new ProjectDocument.IndicatorRow("产出指标", "时效指标", "完工时间", "2025年6月底前", null, null)));
        Assessment late = assessor.assess(d, new MonitoringReport("2025-07", END_OF_JULY, null,
                List.of(new Line(0, null, null, null, null, null))), MonitoringPolicy.standard());
        assertThat(late.rows().get(0).status()).isEqualTo(Status.OFF_TRACK);
        Assessment done = assessor.assess(d, new MonitoringReport("2025-07", END_OF_JULY, null,
                List.of(new Line(0, "2025-06-20", null, null, null, null))), MonitoringPolicy.standard());
        assertThat(done.rows().get(0).status()).isEqualTo(Status.ON_TRACK);
    }
}
