package org.jixiao.project.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Violation;
import org.jixiao.project.domain.MonitoringInput.Line;
import org.jixiao.project.domain.ReportLine.DeviationCause;
import org.jixiao.project.domain.ReportLine.Likelihood;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of a monitoring report and of the year-end self-evaluation, without a server. */
class MonitoringReportPolicyTest {
    static final int YEAR = 2025;
    static final int ROWS = 9;

    static Line line(int index) {
        return new Line(index, "6000", "6900", Likelihood.LIKELY, DeviationCause.FUNDING, "说明", null, null);
    }

    static MonitoringInput july(List<Line> lines) {
        return new MonitoringInput("2025-07", "2025-07-31", "3000000.00", false, lines, "纠偏措施");
    }

    static List<String> pointers(MonitoringInput in) {
        return MonitoringReportPolicy.checkDraft(in, YEAR, ROWS).stream().map(Violation::pointer).toList();
    }

    @Test
    void shouldAcceptTheIssuesJulyReport() {
        MonitoringContent c = MonitoringReportPolicy.accept(july(List.of(line(0), line(1))), YEAR, ROWS);
        assertThat(c.period().toString()).isEqualTo("2025-07");
        assertThat(c.asOf()).isEqualTo(LocalDate.of(2025, 7, 31));
        assertThat(c.spent().toPlainString()).isEqualTo("3000000.00");
        assertThat(c.finalReport()).isFalse();
        assertThat(c.lines()).extracting(ReportLine::index).containsExactly(0, 1);
        assertThat(c.lines().get(0).forecast()).isEqualTo("6900");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-7", "2025-13", "2025-00", "25-07", "2025/07", "2025-07-01"})
    void shouldRefuseAPeriodThatIsNotAMonth(String period) {
        assertThat(pointers(new MonitoringInput(period, null, null, null, null, null))).containsExactly("/period");
        assertThatThrownBy(() -> MonitoringReportPolicy.period(period)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("invalid-period");
    }

    @Test
    void shouldRefuseAPeriodOutsideTheBudgetYear() {
        assertThat(MonitoringReportPolicy.checkDraft(new MonitoringInput("2026-01", null, null, null, null, null), YEAR, ROWS))
                .containsExactly(new Violation("/period", "period must be a month of the project's budget year 2025"));
    }

    @Test
    void shouldRequireThePeriod() {
        assertThat(pointers(new MonitoringInput(null, "2025-07-31", null, false, null, null))).containsExactly("/period");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-06-30", "2025-08-01", "2024-07-31", "2025-07-32", "31.07.2025", "2025-7-31"})
    void shouldRefuseAnAsOfOutsideThePeriodsMonthOrNotADate(String asOf) {
        assertThat(pointers(new MonitoringInput("2025-07", asOf, null, false, null, null))).containsExactly("/asOf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-07-01", "2025-07-31", "2025-07-15"})
    void shouldAcceptEveryDayOfThePeriodAsAsOf(String asOf) {
        assertThat(pointers(new MonitoringInput("2025-07", asOf, null, false, null, null))).isEmpty();
    }

    @Test
    void shouldTakeThePeriodsLastDayWhenAsOfIsLeftOut() {
        assertThat(MonitoringReportPolicy.accept(new MonitoringInput("2025-02", null, null, null, null, null), YEAR, ROWS)
                .asOf()).isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void shouldMakeOnlyTheDecemberReportFinalAndTheDecemberReportAlwaysFinal() {
        assertThat(pointers(new MonitoringInput("2025-07", null, null, true, null, null))).containsExactly("/final");
        assertThat(pointers(new MonitoringInput("2025-12", null, null, false, null, null))).containsExactly("/final");
        assertThat(pointers(new MonitoringInput("2025-12", null, null, true, null, null))).isEmpty();
        assertThat(MonitoringReportPolicy.accept(new MonitoringInput("2025-12", null, null, null, null, null), YEAR, ROWS)
                .finalReport()).isTrue();
        assertThat(MonitoringReportPolicy.accept(new MonitoringInput("2025-06", null, null, null, null, null), YEAR, ROWS)
                .finalReport()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0.01", "3,000,000", "3000000.001", "1e6", "三百万", "12345678901234567"})
    void shouldRefuseASpentThatIsNotYuanWithAtMostTwoDecimalsOrIsNegative(String spent) {
        assertThat(pointers(new MonitoringInput("2025-07", null, spent, false, null, null))).containsExactly("/spent");
    }

    @Test
    void shouldSayANegativeSpentMustBeZeroOrMore() {
        assertThat(MonitoringReportPolicy.checkDraft(new MonitoringInput("2025-07", null, "-5", false, null, null), YEAR, ROWS))
                .containsExactly(new Violation("/spent", "执行金额 spent must be 0 or more"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.5", "3000000", "3000000.1", "999999999999999.99"})
    void shouldAcceptASpentOfZeroOrMoreAndKeepTwoPlaces(String spent) {
        MonitoringContent c = MonitoringReportPolicy.accept(new MonitoringInput("2025-07", null, spent, false, null, null), YEAR, ROWS);
        assertThat(c.spent().scale()).isEqualTo(2);
        assertThat(c.spent().compareTo(new java.math.BigDecimal(spent))).isZero();
    }

    @Test
    void shouldRejectIndexOutsideTheApprovedRowsAndRowsReportedTwice() {
        List<Violation> v = MonitoringReportPolicy.checkDraft(july(List.of(line(0), line(ROWS), line(-1), line(0),
                new Line(null, null, null, null, null, null, null, null))), YEAR, ROWS);
        assertThat(v).containsExactly(
                new Violation("/indicators/1/index", "the approved revision has no indicator row 9 (its rows are 0 to 8)"),
                new Violation("/indicators/2/index", "the approved revision has no indicator row -1 (its rows are 0 to 8)"),
                new Violation("/indicators/3/index", "row 0 is already reported at /indicators/0"),
                new Violation("/indicators/4/index", "index (the indicator row of the approved revision) is required"));
    }

    @Test
    void shouldPointAtALineThatIsNotAnObject() {
        assertThat(pointers(july(java.util.Arrays.asList(line(0), null)))).containsExactly("/indicators/1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6,000", "6000人", "96%", "６０００", "+5", "1e3", "2025-02-30", "2025年7月完成", ".5"})
    void shouldRefuseAFigureThatIsNeitherAPlainDecimalNorADate(String value) {
        MonitoringInput in = july(List.of(new Line(0, value, value, null, null, null, null, null)));
        assertThat(pointers(in)).containsExactly("/indicators/0/actual", "/indicators/0/forecast");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6000", "-3", "0.95", "2025-06-30", "已推动学前教育发展", "及时拨付", "全年正常运转"})
    void shouldAcceptDecimalsDatesAndTextsOfQualitativeRows(String value) {
        assertThat(pointers(july(List.of(new Line(0, value, value, Likelihood.CERTAIN, null, null, null, null))))).isEmpty();
    }

    @Test
    void shouldRejectCompletionOnNonFinalReport() {
        MonitoringInput in = july(List.of(new Line(6, "已推动", null, null, null, null, "0.8", "幼儿园运转正常")));
        assertThat(MonitoringReportPolicy.checkDraft(in, YEAR, ROWS)).containsExactly(new Violation("/indicators/0/completion",
                "完成度 completion belongs to the year-end self-evaluation (final report of period YYYY-12) only"));
    }

    @Test
    void shouldRequireAJustificationForACompletionAndACompletionForAJustification() {
        MonitoringInput in = new MonitoringInput("2025-12", "2025-12-31", "4515600", true, List.of(
                new Line(6, "已推动", null, null, null, null, "0.8", null),
                new Line(7, "已保障", null, null, null, null, null, "理由"),
                new Line(8, "95", null, null, null, null, "1", "满意度调查")), null);
        assertThat(pointers(in)).containsExactly("/indicators/0/justification", "/indicators/1/justification");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "-0.1", "80%", "0.8.1", ".8", "2"})
    void shouldRefuseACompletionOutsideZeroToOne(String completion) {
        MonitoringInput in = new MonitoringInput("2025-12", null, null, true,
                List.of(new Line(6, null, null, null, null, null, completion, "理由")), null);
        assertThat(pointers(in)).containsExactly("/indicators/0/completion");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "0.8", "1.00", "0.333"})
    void shouldAcceptACompletionFromZeroToOneOnTheFinalReport(String completion) {
        MonitoringInput in = new MonitoringInput("2025-12", null, null, true,
                List.of(new Line(6, null, null, null, null, null, completion, "理由")), null);
        assertThat(pointers(in)).isEmpty();
    }

    @Test
    void shouldLimitTextsByCharactersNotBytes() {
        String measures = "纠".repeat(20_000);
        String note = "说".repeat(2_000);
        assertThat(pointers(new MonitoringInput("2025-07", null, null, false,
                List.of(new Line(0, null, null, null, null, note, null, null)), measures))).isEmpty();
        assertThat(pointers(new MonitoringInput("2025-07", null, null, false, List.of(new Line(0, "文".repeat(2_001), null,
                null, null, note + "x", null, null)), measures + "x")))
                .containsExactly("/measures", "/indicators/0/actual", "/indicators/0/note");
    }

    @Test
    void shouldKeepBlankOptionalTextsAsAbsent() {
        MonitoringContent c = MonitoringReportPolicy.accept(new MonitoringInput("2025-07", " ", "", null,
                List.of(new Line(0, "", " ", null, null, "", null, "")), " "), YEAR, ROWS);
        assertThat(c.asOf()).isEqualTo(LocalDate.of(2025, 7, 31));
        assertThat(c.spent()).isNull();
        assertThat(c.measures()).isNull();
        ReportLine l = c.lines().get(0);
        assertThat(l.actual()).isNull();
        assertThat(l.forecast()).isNull();
        assertThat(l.note()).isNull();
        assertThat(l.justification()).isNull();
    }

    @Test
    void shouldRequireSpentAndARowToSubmitButNotToSaveADraft() {
        MonitoringInput draft = new MonitoringInput("2025-07", null, null, null, List.of(), null);
        assertThat(MonitoringReportPolicy.checkDraft(draft, YEAR, ROWS)).isEmpty();
        assertThat(MonitoringReportPolicy.checkSubmission(draft, YEAR, ROWS)).extracting(Violation::pointer)
                .containsExactly("/spent", "/indicators");
        assertThatThrownBy(() -> MonitoringReportPolicy.acceptForSubmission(draft, YEAR, ROWS))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("invalid-monitoring-report"));
    }

    @Test
    void shouldCheckASavedReportAgainAsItWasAccepted() {
        MonitoringContent c = MonitoringReportPolicy.accept(july(List.of(line(0), line(8))), YEAR, ROWS);
        assertThat(MonitoringReportPolicy.checkSubmission(MonitoringReportPolicy.asInput(c), YEAR, ROWS)).isEmpty();
        // an amendment approved since may have fewer rows: the saved lines are checked against it
        assertThat(MonitoringReportPolicy.checkSubmission(MonitoringReportPolicy.asInput(c), YEAR, 5))
                .extracting(Violation::pointer).containsExactly("/indicators/1/index");
    }

    @Test
    void shouldOpenAReturnedReportForEditingAndCountItsNextSubmissionAsRevisionTwo() {
        MonitoringReport r = MonitoringReport.start(UUID.randomUUID(),
                MonitoringReportPolicy.accept(july(List.of(line(1))), YEAR, ROWS), 1, "教育局");
        assertThat(r.status()).isEqualTo(MonitoringStatus.DRAFT);
        assertThat(r.reportRevision()).isZero();
        r.submit(1, "教育局");
        assertThat(r.reportRevision()).isEqualTo(1);
        assertThatThrownBy(() -> r.replaceContent(r.content(), 1, "教育局")).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("not-editable"));
        assertThat(r.acknowledge(2, "张审核", OffsetDateTime.now())).as("another revision").isFalse();
        assertThat(r.returnForRevision(1, "张审核", OffsetDateTime.now())).isTrue();
        assertThat(r.returnForRevision(1, "张审核", OffsetDateTime.now())).as("a duplicate").isFalse();
        assertThat(r.status()).isEqualTo(MonitoringStatus.RETURNED);
        r.replaceContent(r.content(), 1, "教育局");
        r.submit(1, "教育局");
        assertThat(r.reportRevision()).isEqualTo(2);
        assertThat(r.acknowledge(1, "张审核", OffsetDateTime.now())).as("a stale answer").isFalse();
        assertThat(r.acknowledge(2, "张审核", OffsetDateTime.now())).isTrue();
        assertThat(r.status()).isEqualTo(MonitoringStatus.ACKNOWLEDGED);
        assertThatThrownBy(() -> r.submit(1, "教育局")).isInstanceOf(DomainException.class);
    }
}
