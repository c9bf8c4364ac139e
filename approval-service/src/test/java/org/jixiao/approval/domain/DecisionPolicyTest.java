package org.jixiao.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jixiao.approval.domain.Cases.MONDAY;
import static org.jixiao.approval.domain.Cases.admin;
import static org.jixiao.approval.domain.Cases.atLastStage;
import static org.jixiao.approval.domain.Cases.department;
import static org.jixiao.approval.domain.Cases.openCase;
import static org.jixiao.approval.domain.Cases.restricted;
import static org.jixiao.approval.domain.Cases.reviewer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jixiao.approval.domain.Decision.Action;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.DomainException.Kind;
import org.jixiao.common.domain.Roles;
import org.junit.jupiter.api.Test;

class DecisionPolicyTest {
    static final ReviewRoute ROUTE = ReviewRoute.defaultFor(2026);
    static final Actor ZHANG = reviewer("张审核");

    static Decision decision(Action action) {
        return new Decision(action, null, null, List.of(), null);
    }

    static Decision approve(Grade grade, String overrideReason) {
        return new Decision(Action.APPROVE, grade, null, List.of(), overrideReason);
    }

    static Decision returning(String comment, Decision.Comment... comments) {
        return new Decision(Action.RETURN, null, comment, List.of(comments), null);
    }

    static void assertRefused(ReviewCase c, Decision d, ReviewRoute route, Actor actor, Checks checks, Kind kind,
            String code) {
        assertThatThrownBy(() -> DecisionPolicy.check(c, d, route, actor, checks))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.code()).isEqualTo(code);
                });
    }

    static void assertAllowed(ReviewCase c, Decision d, ReviewRoute route, Actor actor, Checks checks) {
        assertThatCode(() -> DecisionPolicy.check(c, d, route, actor, checks)).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseADecisionWithoutAnAction() {
        assertRefused(openCase(ROUTE), decision(null), ROUTE, ZHANG, Checks.CLEAN, Kind.INVALID, "action-required");
    }

    @Test
    void shouldRefuseToDecideAnApprovedCaseAgain() {
        ReviewCase c = atLastStage(ROUTE);
        c.approve("李复审", Grade.优, "JX2026-000001", null, MONDAY);
        assertThatThrownBy(() -> DecisionPolicy.check(c, approve(null, null), ROUTE, ZHANG, Checks.CLEAN))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e)
                        .extracting(DomainException::kind, DomainException::code, DomainException::getMessage)
                        .containsExactly(Kind.CONFLICT, "case-closed",
                                "the case is already APPROVED; a decided case cannot be decided again"));
    }

    @Test
    void shouldRefuseToDecideAReturnedCaseAgain() {
        ReviewCase c = openCase(ROUTE);
        c.returnToDepartment("张审核", null, MONDAY);
        assertRefused(c, decision(Action.PASS), ROUTE, ZHANG, Checks.CLEAN, Kind.CONFLICT, "case-closed");
    }

    @Test
    void shouldRefuseADepartmentEvenOnAnUnrestrictedStage() {
        assertRefused(openCase(ROUTE), decision(Action.PASS), ROUTE, department("034"), Checks.CLEAN, Kind.FORBIDDEN,
                "stage-not-allowed");
    }

    @Test
    void shouldRefuseAReviewerWithoutTheStagesRequiredClaim() {
        ReviewRoute route = restricted();
        assertThatThrownBy(() -> DecisionPolicy.check(atLastStage(route), approve(null, null), route, ZHANG, Checks.CLEAN))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e)
                        .extracting(DomainException::kind, DomainException::code, DomainException::getMessage)
                        .containsExactly(Kind.FORBIDDEN, "stage-not-allowed",
                                "you may not decide at stage 绩效管理股复审 (restricted by the 2035 route)"));
    }

    @Test
    void shouldRefuseAReviewerTheStageDoesNotName() {
        ReviewRoute route = new ReviewRoute(2026, List.of(new ReviewRoute.Stage("初审", 5, Set.of("李复审"), null),
                new ReviewRoute.Stage("复审", 5, Set.of(), null)));
        assertRefused(openCase(route), decision(Action.PASS), route, ZHANG, Checks.CLEAN, Kind.FORBIDDEN, "stage-not-allowed");
        assertAllowed(openCase(route), decision(Action.PASS), route, reviewer("李复审"), Checks.CLEAN);
    }

    @Test
    void shouldLetAReviewerWithTheClaimApproveARestrictedStage() {
        ReviewRoute route = restricted();
        assertAllowed(atLastStage(route), approve(Grade.优, null), route, reviewer("赵复审", "office", "绩效管理股"), Checks.CLEAN);
    }

    @Test
    void shouldRefuseAnAdminDecidingARestrictedStageWithoutAReason() {
        ReviewRoute route = restricted();
        assertThatThrownBy(() -> DecisionPolicy.check(atLastStage(route), approve(Grade.优, null), route, admin(), Checks.CLEAN))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e)
                        .extracting(DomainException::kind, DomainException::code, DomainException::getMessage)
                        .containsExactly(Kind.INVALID, "override-reason-required", "you act outside the stage's restrictions"
                                + " (stage 绩效管理股复审 is restricted to token claim office=绩效管理股): give an overrideReason,"
                                + " which is recorded in the case history"));
        assertRefused(atLastStage(route), approve(Grade.优, " "), route, admin(), Checks.CLEAN, Kind.INVALID,
                "override-reason-required");
    }

    @Test
    void shouldLetAnAdminDecideARestrictedStageGivingAReasonAndNameTheRestrictionOverridden() {
        ReviewRoute route = restricted();
        DecisionPolicy.Verdict verdict = DecisionPolicy.check(atLastStage(route), approve(Grade.优, "复审人员休假，局长指定代审"),
                route, admin(), Checks.CLEAN);
        assertThat(verdict.stageOverrides()).containsExactly("stage 绩效管理股复审 is restricted to token claim office=绩效管理股");
    }

    @Test
    void shouldLetAnAdminDecideAnUnrestrictedStageWithoutAReason() {
        DecisionPolicy.Verdict verdict = DecisionPolicy.check(openCase(ROUTE), decision(Action.PASS), ROUTE, admin(), Checks.CLEAN);
        assertThat(verdict.stageOverrides()).isEmpty();
    }

    @Test
    void shouldLetAnAdminWhoCarriesTheStagesClaimDecideItWithoutAReason() {
        ReviewRoute route = restricted();
        Actor officeAdmin = new Actor("钱局长", Set.of(Roles.ADMIN), Map.of("office", "绩效管理股"));
        assertAllowed(atLastStage(route), approve(Grade.优, null), route, officeAdmin, Checks.CLEAN);
    }

    @Test
    void shouldRequireAReasonFromAnAdminDecidingACaseAssignedToAReviewer() {
        ReviewCase c = openCase(ROUTE);
        c.claim("李复审");
        assertRefused(c, decision(Action.PASS), ROUTE, admin(), Checks.CLEAN, Kind.INVALID, "override-reason-required");
        DecisionPolicy.Verdict verdict = DecisionPolicy.check(c, new Decision(Action.PASS, null, null, List.of(), "李复审病假"),
                ROUTE, admin(), Checks.CLEAN);
        assertThat(verdict.stageOverrides()).containsExactly("the case is assigned to 李复审");
    }

    @Test
    void shouldRefuseADecisionOnACaseAssignedToSomeoneElse() {
        ReviewCase c = openCase(ROUTE);
        c.claim("李复审");
        assertThatThrownBy(() -> DecisionPolicy.check(c, decision(Action.PASS), ROUTE, ZHANG, Checks.CLEAN))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e)
                        .extracting(DomainException::kind, DomainException::code, DomainException::getMessage)
                        .containsExactly(Kind.CONFLICT, "assigned-to-other", "the case is assigned to 李复审"));
    }

    @Test
    void shouldLetTheAssigneeDecide() {
        ReviewCase c = openCase(ROUTE);
        c.claim("张审核");
        assertAllowed(c, decision(Action.PASS), ROUTE, ZHANG, Checks.CLEAN);
    }

    @Test
    void shouldPassAnUnclaimedCaseOnBeforeTheLastStage() {
        assertAllowed(openCase(ROUTE), decision(Action.PASS), ROUTE, ZHANG, Checks.CLEAN);
    }

    @Test
    void shouldRefuseToPassAtTheLastStage() {
        assertRefused(atLastStage(ROUTE), decision(Action.PASS), ROUTE, ZHANG, Checks.CLEAN, Kind.CONFLICT,
                "pass-at-last-stage");
    }

    @Test
    void shouldRefuseToApproveBeforeTheLastStage() {
        assertThatThrownBy(() -> DecisionPolicy.check(openCase(ROUTE), approve(Grade.优, null), ROUTE, ZHANG, Checks.CLEAN))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e)
                        .extracting(DomainException::kind, DomainException::code, DomainException::getMessage)
                        .containsExactly(Kind.CONFLICT, "stage-skipped", "approval is decided at the last stage"
                                + " (绩效管理股复审); this case is at 业务股室初审: PASS it on"));
    }

    @Test
    void shouldRefuseToApproveATargetGraded差() {
        assertRefused(atLastStage(ROUTE), approve(Grade.差, null), ROUTE, ZHANG, Checks.CLEAN, Kind.CONFLICT, "grade-too-low");
    }

    @Test
    void shouldRefuseTheFinalApprovalWithoutAGrade() {
        assertRefused(atLastStage(ROUTE), approve(null, null), ROUTE, ZHANG, Checks.CLEAN, Kind.INVALID, "grade-required");
    }

    @Test
    void shouldApproveAtTheLastStageGraded优Or良WithAComment() {
        assertAllowed(atLastStage(ROUTE), approve(Grade.优, null), ROUTE, ZHANG, Checks.CLEAN);
        assertAllowed(atLastStage(ROUTE), new Decision(Action.APPROVE, Grade.良, "满意度指标可再细化", List.of(), null), ROUTE,
                ZHANG, Checks.CLEAN);
    }

    @Test
    void shouldRefuseToApproveErrorFindingsWithoutAnOverrideReason() {
        assertRefused(atLastStage(ROUTE), approve(Grade.优, null), ROUTE, ZHANG, Checks.ERRORS, Kind.CONFLICT, "override-required");
        assertRefused(atLastStage(ROUTE), approve(Grade.优, "  "), ROUTE, ZHANG, Checks.ERRORS, Kind.CONFLICT, "override-required");
    }

    @Test
    void shouldApproveErrorFindingsWithAnOverrideReason() {
        assertAllowed(atLastStage(ROUTE), approve(Grade.优, "数量指标在附件中已列明"), ROUTE, ZHANG, Checks.ERRORS);
    }

    @Test
    void shouldPassErrorFindingsOnWithoutAnOverrideReason() {
        assertAllowed(openCase(ROUTE), decision(Action.PASS), ROUTE, ZHANG, Checks.ERRORS);
    }

    @Test
    void shouldRefuseAReturnWithoutAComment() {
        assertRefused(openCase(ROUTE), returning(null), ROUTE, ZHANG, Checks.CLEAN, Kind.INVALID, "return-needs-comment");
        assertRefused(openCase(ROUTE), returning(" "), ROUTE, ZHANG, Checks.CLEAN, Kind.INVALID, "return-needs-comment");
    }

    @Test
    void shouldReturnWithAnOverallComment() {
        assertAllowed(openCase(ROUTE), returning("资金测算依据不足"), ROUTE, ZHANG, Checks.CLEAN);
    }

    @Test
    void shouldReturnWithOnlyAnAnchoredComment() {
        assertAllowed(openCase(ROUTE), returning(null, new Decision.Comment("funding", null, "资金测算依据不足")), ROUTE,
                ZHANG, Checks.CLEAN);
    }

    @Test
    void shouldReturnFromTheLastStage() {
        assertAllowed(atLastStage(ROUTE), returning("复审退回"), ROUTE, ZHANG, Checks.CLEAN);
    }

    @Test
    void shouldRefuseAnAnchoredCommentWithoutText() {
        Decision pass = new Decision(Action.PASS, null, null, List.of(new Decision.Comment("overview", null, " ")), null);
        assertRefused(openCase(ROUTE), pass, ROUTE, ZHANG, Checks.CLEAN, Kind.INVALID, "empty-comment");
        assertRefused(openCase(ROUTE), returning("退回", new Decision.Comment("overview", null, null)), ROUTE, ZHANG,
                Checks.CLEAN, Kind.INVALID, "empty-comment");
    }

    @Test
    void shouldRefuseACommentOnAnIndicatorRowTheDeclarationDoesNotHave() {
        assertThatThrownBy(() -> DecisionPolicy.check(openCase(ROUTE),
                returning(null, new Decision.Comment(null, Cases.INDICATORS, "请细化")), ROUTE, ZHANG, Checks.CLEAN))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e)
                        .extracting(DomainException::kind, DomainException::code, DomainException::getMessage)
                        .containsExactly(Kind.INVALID, "no-such-indicator",
                                "indicatorIndex 3 is not a row of this declaration (0..2)"));
        assertRefused(openCase(ROUTE), returning(null, new Decision.Comment(null, -1, "请细化")), ROUTE, ZHANG, Checks.CLEAN,
                Kind.INVALID, "no-such-indicator");
    }

    @Test
    void shouldAcceptCommentsOnTheFirstAndLastIndicatorRows() {
        assertAllowed(openCase(ROUTE), returning(null, new Decision.Comment(null, 0, "数量指标请细化"),
                new Decision.Comment(null, Cases.INDICATORS - 1, "时效指标请细化")), ROUTE, ZHANG, Checks.CLEAN);
    }

    @Test
    void shouldRefuseToApproveWhileTheChecksOfTheRevisionAreMissing() {
        ReviewCase c = atLastStage(ROUTE);
        assertThatThrownBy(() -> DecisionPolicy.check(c, approve(Grade.优, null), ROUTE, ZHANG, Checks.PENDING))
                .isInstanceOfSatisfying(org.jixiao.common.domain.DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONFLICT);
                    assertThat(e.code()).isEqualTo("checks-pending");
                });
        // a reviewer's reason does not replace the checks; only an admin may go ahead without them
        assertThatThrownBy(() -> DecisionPolicy.check(c, approve(Grade.优, "急需批复"), ROUTE, ZHANG, Checks.PENDING))
                .hasMessageContaining("have not arrived");
    }

    @Test
    void shouldLetAnAdminApproveWithoutTheChecksGivingAReason() {
        ReviewCase c = atLastStage(ROUTE);
        assertThatCode(() -> DecisionPolicy.check(c, approve(Grade.优, "系统故障，先行批复"), ROUTE, admin(), Checks.PENDING))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DecisionPolicy.check(c, approve(Grade.优, null), ROUTE, admin(), Checks.PENDING))
                .hasMessageContaining("have not arrived");
    }

    @Test
    void shouldPassAndReturnWhileTheChecksAreMissing() {
        assertThatCode(() -> DecisionPolicy.check(openCase(ROUTE), decision(Action.PASS), ROUTE, ZHANG, Checks.PENDING))
                .doesNotThrowAnyException();
        assertThatCode(() -> DecisionPolicy.check(atLastStage(ROUTE), returning("补充满意度指标"), ROUTE, ZHANG, Checks.PENDING))
                .doesNotThrowAnyException();
    }
}
