package org.jixiao.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jixiao.approval.domain.Cases.atLastStage;
import static org.jixiao.approval.domain.Cases.openCase;
import static org.jixiao.approval.domain.Cases.reviewer;

import java.util.List;
import org.jixiao.approval.domain.Decision.Action;
import org.jixiao.approval.domain.GradingRules.GradeRule;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.DomainException.Kind;
import org.junit.jupiter.api.Test;

/** 评审等级 by the rules of 财预〔2015〕88号, and a year that configures its own. */
class GradingRulesTest {
    static final ReviewRoute ROUTE = ReviewRoute.defaultFor(2026);
    static final GradingRules DEFAULT = GradingRules.defaultFor(2026);

    static Decision decision(Action action, Grade grade, String comment) {
        return new Decision(action, grade, comment, List.of(), null);
    }

    static void assertRefused(ReviewCase c, Decision d, GradingRules rules, Kind kind, String code) {
        assertThatThrownBy(() -> check(c, d, rules)).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e)
                .extracting(DomainException::kind, DomainException::code).containsExactly(kind, code));
    }

    static DecisionPolicy.Verdict check(ReviewCase c, Decision d, GradingRules rules) {
        return DecisionPolicy.check(c, d, reviewer("张审核"), new DecisionPolicy.Context(ROUTE, rules, Checks.CLEAN, List.of()));
    }

    @Test
    void shouldRefuseTheFinalApprovalWithoutAGrade() {
        assertThatThrownBy(() -> check(atLastStage(ROUTE), decision(Action.APPROVE, null, null), DEFAULT))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e)
                        .extracting(DomainException::kind, DomainException::code, DomainException::getMessage)
                        .containsExactly(Kind.INVALID, "grade-required",
                                "the final approval needs a grade (优, 良, 中 or 差; 财预〔2015〕88号)"));
    }

    @Test
    void shouldApproveATargetGraded优WithoutAComment() {
        assertThatCode(() -> check(atLastStage(ROUTE), decision(Action.APPROVE, Grade.优, null), DEFAULT)).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseToApproveATargetGraded良WithoutAComment() {
        assertRefused(atLastStage(ROUTE), decision(Action.APPROVE, Grade.良, " "), DEFAULT, Kind.INVALID, "grade-needs-comment");
    }

    @Test
    void shouldApproveATargetGraded良WithAnOverallOrAnAnchoredComment() {
        assertThatCode(() -> check(atLastStage(ROUTE), decision(Action.APPROVE, Grade.良, "时效指标可更具体"), DEFAULT))
                .doesNotThrowAnyException();
        Decision anchored = new Decision(Action.APPROVE, Grade.良, null,
                List.of(new Decision.Comment(null, 0, "数量指标可再细化")), null);
        assertThatCode(() -> check(atLastStage(ROUTE), anchored, DEFAULT)).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseToApproveATargetGraded中AsItMustBeRevisedAndResubmitted() {
        assertThatThrownBy(() -> check(atLastStage(ROUTE), decision(Action.APPROVE, Grade.中, "一般"), DEFAULT))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e)
                        .extracting(DomainException::kind, DomainException::code, DomainException::getMessage)
                        .containsExactly(Kind.CONFLICT, "grade-requires-return", "a target graded 中 must be revised and"
                                + " resubmitted (财预〔2015〕88号): RETURN it instead of APPROVE"));
    }

    @Test
    void shouldRefuseToPassATargetGraded中OnToTheNextStage() {
        assertRefused(openCase(ROUTE), decision(Action.PASS, Grade.中, null), DEFAULT, Kind.CONFLICT, "grade-requires-return");
    }

    @Test
    void shouldRefuseToApproveOrPassATargetGraded差() {
        assertRefused(atLastStage(ROUTE), decision(Action.APPROVE, Grade.差, null), DEFAULT, Kind.CONFLICT, "grade-too-low");
        assertRefused(openCase(ROUTE), decision(Action.PASS, Grade.差, null), DEFAULT, Kind.CONFLICT, "grade-too-low");
    }

    @Test
    void shouldReturnATargetGraded中WithoutRefusingItForTheBudget() {
        DecisionPolicy.Verdict verdict = check(atLastStage(ROUTE), decision(Action.RETURN, Grade.中, "指标需修改后重报"), DEFAULT);
        assertThat(verdict.refusedForBudget()).isFalse();
    }

    @Test
    void shouldRecordAReturnGraded差AsRefusedForTheBudget() {
        DecisionPolicy.Verdict verdict = check(openCase(ROUTE), decision(Action.RETURN, Grade.差, "目标与资金严重不匹配"), DEFAULT);
        assertThat(verdict.refusedForBudget()).isTrue();
        ReviewCase c = openCase(ROUTE);
        c.returnToDepartment("张审核", Grade.差, verdict.refusedForBudget(), Cases.MONDAY);
        assertThat(c.refusedForBudget()).isTrue();
        assertThat(c.grade()).isEqualTo(Grade.差);
    }

    @Test
    void shouldLetAStagePassWithAGradeOrWithout() {
        assertThatCode(() -> check(openCase(ROUTE), decision(Action.PASS, Grade.优, null), DEFAULT)).doesNotThrowAnyException();
        assertThatCode(() -> check(openCase(ROUTE), decision(Action.PASS, null, null), DEFAULT)).doesNotThrowAnyException();
        assertRefused(openCase(ROUTE), decision(Action.PASS, Grade.良, null), DEFAULT, Kind.INVALID, "grade-needs-comment");
    }

    @Test
    void shouldApplyTheRulesAYearConfigured() {
        // a year in which 中 may be approved with a comment and 良 needs none
        GradingRules lenient = new GradingRules(2027, List.of(new GradeRule(Grade.优, true, false, false),
                new GradeRule(Grade.良, true, false, false), new GradeRule(Grade.中, true, true, false),
                new GradeRule(Grade.差, false, false, true)));
        assertThatCode(() -> check(atLastStage(ROUTE), decision(Action.APPROVE, Grade.良, null), lenient)).doesNotThrowAnyException();
        assertThatCode(() -> check(atLastStage(ROUTE), decision(Action.APPROVE, Grade.中, "需加强过程监控"), lenient))
                .doesNotThrowAnyException();
        assertRefused(atLastStage(ROUTE), decision(Action.APPROVE, Grade.中, null), lenient, Kind.INVALID, "grade-needs-comment");
    }

    @Test
    void shouldRefuseRulesThatMissAGradeOrNameOneTwice() {
        assertThatThrownBy(() -> new GradingRules(2027, List.of(new GradeRule(Grade.优, true, false, false),
                new GradeRule(Grade.良, true, false, false), new GradeRule(Grade.中, false, false, false))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e)
                        .extracting(DomainException::kind, DomainException::code, DomainException::getMessage)
                        .containsExactly(Kind.INVALID, "grading-rules-incomplete",
                                "name each grade (优, 良, 中, 差) exactly once; 差 appears 0 time(s)"));
        assertThatThrownBy(() -> new GradingRules(2027, List.of(new GradeRule(Grade.优, true, false, false),
                new GradeRule(Grade.优, true, false, false), new GradeRule(Grade.良, true, false, false),
                new GradeRule(Grade.中, false, false, false), new GradeRule(Grade.差, false, false, true))))
                .hasMessageContaining("优 appears 2 time(s)");
    }

    @Test
    void shouldRefuseAGradeThatIsBothApprovableAndRefusedForTheBudget() {
        assertThatThrownBy(() -> new GradingRules(2027, List.of(new GradeRule(Grade.优, true, false, false),
                new GradeRule(Grade.良, true, false, false), new GradeRule(Grade.中, false, false, false),
                new GradeRule(Grade.差, true, false, true))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("grading-rule-contradiction"));
    }

    @Test
    void shouldRefuseRulesUnderWhichNoGradeCanBeApproved() {
        assertThatThrownBy(() -> new GradingRules(2027, List.of(new GradeRule(Grade.优, false, false, false),
                new GradeRule(Grade.良, false, false, false), new GradeRule(Grade.中, false, false, false),
                new GradeRule(Grade.差, false, false, true))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("grading-rules-approve-nothing"));
    }
}
