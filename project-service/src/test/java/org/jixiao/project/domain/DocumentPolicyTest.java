package org.jixiao.project.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jixiao.project.domain.Documents.repeat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.contract.ProjectDocument.IndicatorRow;
import org.jixiao.common.domain.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The interchange contract's rules: what a draft, a submission and an imported document must satisfy. */
class DocumentPolicyTest {

    static List<String> pointers(List<Violation> violations) {
        return violations.stream().map(Violation::pointer).toList();
    }

    @Test
    void shouldAcceptADraftWithOnlyYearNameAndDepartment() {
        assertThat(DocumentPolicy.checkDraft(Documents.builder().draftOnly().build())).isEmpty();
    }

    @Test
    void shouldAcceptACompleteDocumentAsDraftSubmissionAndImport() {
        ProjectDocument d = Documents.complete();
        assertThat(DocumentPolicy.checkDraft(d)).isEmpty();
        assertThat(DocumentPolicy.checkSubmission(d)).isEmpty();
        assertThat(DocumentPolicy.checkInterchange(d)).isEmpty();
    }

    @Test
    void shouldRequireYearNameAndDepartmentEvenOfADraft() {
        ProjectDocument d = Documents.builder().draftOnly().budgetYear(null).name(" ").departmentCode(null).build();
        assertThat(DocumentPolicy.checkDraft(d)).containsExactly(
                new Violation("/budgetYear", "预算年度 budgetYear is required"),
                new Violation("/name", "项目名称 name is required"),
                new Violation("/departmentCode", "主管部门代码 departmentCode is required"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1999, 2101})
    void shouldRefuseABudgetYearOutside2000To2100(int year) {
        assertThat(DocumentPolicy.checkDraft(Documents.builder().budgetYear(year).build()))
                .containsExactly(new Violation("/budgetYear", "budgetYear must be between 2000 and 2100"));
    }

    @ParameterizedTest
    @ValueSource(ints = {2000, 2100})
    void shouldAcceptTheFirstAndLastBudgetYear(int year) {
        assertThat(DocumentPolicy.checkDraft(Documents.builder().budgetYear(year).build())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"34", "0340", "a34", ""})
    void shouldRefuseADepartmentCodeThatIsNotThreeDigits(String code) {
        assertThat(DocumentPolicy.checkDraft(Documents.builder().departmentCode(code).build()))
                .containsExactly(new Violation("/departmentCode", "departmentCode must be three digits, e.g. 034"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"03400", "0340011", "03400a"})
    void shouldRefuseABudgetUnitCodeThatIsNotSixDigits(String code) {
        assertThat(DocumentPolicy.checkDraft(Documents.builder().budgetUnitCode(code).build())).containsExactly(
                new Violation("/budgetUnitCode", "预算单位代码 budgetUnitCode must be six digits, e.g. 034001"));
    }

    @Test
    void shouldRefuseAnEmptyExternalRefButAcceptNone() {
        assertThat(DocumentPolicy.checkDraft(Documents.builder().externalRef("").build()))
                .containsExactly(new Violation("/externalRef", "externalRef must not be empty when given"));
        assertThat(DocumentPolicy.checkDraft(Documents.builder().externalRef(null).build())).isEmpty();
    }

    @Test
    void shouldHoldEachFieldToItsContractLength() {
        ProjectDocument d = Documents.builder().externalRef(repeat("R", 65)).name(repeat("名", 201))
                .departmentName(repeat("部", 101)).attribute(repeat("属", 51)).implementingUnit(repeat("单", 101))
                .build();
        assertThat(DocumentPolicy.checkDraft(d)).containsExactly(
                new Violation("/name", "at most 200 characters"),
                new Violation("/externalRef", "at most 64 characters"),
                new Violation("/departmentName", "at most 100 characters"),
                new Violation("/attribute", "at most 50 characters"),
                new Violation("/implementingUnit", "at most 100 characters"));
        ProjectDocument atTheLimit = Documents.builder().externalRef(repeat("R", 64)).name(repeat("名", 200))
                .departmentName(repeat("部", 100)).attribute(repeat("属", 50)).implementingUnit(repeat("单", 100))
                .build();
        assertThat(DocumentPolicy.checkDraft(atTheLimit)).isEmpty();
    }

    @Test
    void shouldCountLongTextsInCharactersNotInUtf16Units() {
        // 𠀀 is outside the BMP: 20,000 of them are 40,000 UTF-16 units but 20,000 characters
        assertThat(DocumentPolicy.checkDraft(Documents.builder().overview(repeat("𠀀", 20_000)).build())).isEmpty();
        assertThat(DocumentPolicy.checkDraft(Documents.builder().annualGoal(repeat("字", 20_001)).build()))
                .containsExactly(new Violation("/annualGoal", "at most 20000 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5831922.19", "42726082", "0.5", "999999999999999.99"})
    void shouldAcceptFundingAsYuanWithAtMostTwoDecimals(String funding) {
        assertThat(DocumentPolicy.checkDraft(Documents.builder().funding(funding).build())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,000.5", "1.234", "-5", "1e6", ".5", "5.", "1234567890123456", "￥100", ""})
    void shouldRefuseFundingThatIsNotADecimalOfYuan(String funding) {
        assertThat(DocumentPolicy.checkDraft(Documents.builder().funding(funding).build())).containsExactly(
                new Violation("/funding",
                        "项目资金 funding must be yuan as a decimal string with at most two decimals, e.g. \"5831922.19\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "000"})
    void shouldRefuseFundingThatIsNotPositive(String funding) {
        assertThat(DocumentPolicy.checkDraft(Documents.builder().funding(funding).build()))
                .containsExactly(new Violation("/funding", "项目资金 funding must be positive"));
    }

    @Test
    void shouldAcceptAtMost200IndicatorRows() {
        assertThat(DocumentPolicy.checkSubmission(Documents.builder().indicators(Documents.rows(200)).build())).isEmpty();
        assertThat(DocumentPolicy.checkDraft(Documents.builder().indicators(Documents.rows(201)).build()))
                .containsExactly(new Violation("/indicators", "at most 200 indicator rows"));
    }

    @Test
    void shouldPointAtEveryBrokenPartOfAnIndicatorRow() {
        List<IndicatorRow> rows = new ArrayList<>(Documents.rows(1));
        rows.add(new IndicatorRow(null, repeat("二", 31), " ", repeat("值", 2001), repeat("依", 21), repeat("注", 2001)));
        assertThat(DocumentPolicy.checkDraft(Documents.builder().indicators(rows).build())).containsExactly(
                new Violation("/indicators/1/level1", "一级指标 level1 is required"),
                new Violation("/indicators/1/level2", "at most 30 characters"),
                new Violation("/indicators/1/name", "三级指标 name is required"),
                new Violation("/indicators/1/target", "at most 2000 characters"),
                new Violation("/indicators/1/valueBasis", "at most 20 characters"),
                new Violation("/indicators/1/note", "at most 2000 characters"));
    }

    @Test
    void shouldRefuseAnIndicatorRowThatIsNotAnObject() {
        List<IndicatorRow> rows = Arrays.asList(Documents.row("产出指标", "数量指标", "发放教材数量"), null);
        assertThat(DocumentPolicy.checkDraft(Documents.builder().indicators(rows).build()))
                .containsExactly(new Violation("/indicators/1", "indicator row must be an object"));
    }

    @Test
    void shouldListEveryMissingPartOfASubmissionAtOnce() {
        assertThat(pointers(DocumentPolicy.checkSubmission(Documents.builder().draftOnly().build()))).containsExactly(
                "/departmentName", "/attribute", "/overview", "/annualGoal", "/funding", "/indicators");
    }

    @Test
    void shouldRequireAtLeastOneIndicatorRowForASubmission() {
        assertThat(DocumentPolicy.checkSubmission(Documents.builder().indicators(List.of()).build()))
                .containsExactly(new Violation("/indicators", "at least one 绩效指标 indicator row is required"));
    }

    @Test
    void shouldReportAFieldThatIsTooLongOnlyOnceOnSubmission() {
        assertThat(DocumentPolicy.checkSubmission(Documents.builder().departmentName(repeat("部", 101)).build()))
                .containsExactly(new Violation("/departmentName", "at most 100 characters"));
    }

    @Test
    void shouldRequireTheExternalRefOfAnImportedDocument() {
        assertThat(DocumentPolicy.checkInterchange(Documents.builder().externalRef(null).build())).containsExactly(
                new Violation("/externalRef", "an imported document needs its externalRef (the idempotency key)"));
    }

    @Test
    void shouldImportADocumentWithoutOverviewOrAnnualGoalThatCouldNotYetBeSubmitted() {
        ProjectDocument d = Documents.builder().overview(null).annualGoal(null).build();
        assertThat(DocumentPolicy.checkInterchange(d)).isEmpty();
        assertThat(pointers(DocumentPolicy.checkSubmission(d))).containsExactly("/overview", "/annualGoal");
    }

    @Test
    void shouldRequireOfAnImportedDocumentWhatTheContractRequires() {
        assertThat(pointers(DocumentPolicy.checkInterchange(Documents.builder().draftOnly().build())))
                .containsExactly("/departmentName", "/attribute", "/funding", "/indicators", "/externalRef");
    }
}
