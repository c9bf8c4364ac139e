package org.jixiao.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jixiao.approval.domain.Cases.MONDAY;
import static org.jixiao.approval.domain.Cases.admin;
import static org.jixiao.approval.domain.Cases.atLastStage;
import static org.jixiao.approval.domain.Cases.reviewer;

import java.util.List;
import java.util.Set;
import org.jixiao.approval.domain.Decision.Action;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.DomainException.Kind;
import org.junit.jupiter.api.Test;

/** 四眼原则: one person does not decide two stages of one case, unless the route says so or an admin says why. */
class FourEyesPolicyTest {
    static final ReviewRoute ROUTE = ReviewRoute.defaultFor(2026);
    static final Decision APPROVE = new Decision(Action.APPROVE, Grade.优, null, List.of(), null);

    /** The first stage of {@code c} as passed by {@code reviewer}. */
    static List<StageDecision> firstStagePassedBy(ReviewCase c, ReviewRoute route, String reviewer) {
        return List.of(new StageDecision(c.id(), 0, route.stage(0).name(), Action.PASS, reviewer, null, MONDAY));
    }

    static DecisionPolicy.Verdict decide(ReviewCase c, Decision d, ReviewRoute route, Actor actor, List<StageDecision> decided) {
        return DecisionPolicy.check(c, d, actor,
                new DecisionPolicy.Context(route, GradingRules.defaultFor(route.budgetYear()), Checks.CLEAN, decided));
    }

    static ReviewRoute route(boolean firstUnderRule, boolean secondUnderRule) {
        return new ReviewRoute(2026, List.of(new ReviewRoute.Stage("初审", 5, Set.of(), null, firstUnderRule),
                new ReviewRoute.Stage("复审", 5, Set.of(), null, secondUnderRule)));
    }

    @Test
    void shouldPutBothStagesOfTheDefaultRouteUnderTheRule() {
        assertThat(ROUTE.stages()).allMatch(ReviewRoute.Stage::fourEyes);
    }

    @Test
    void shouldRefuseTheReviewerWhoPassedTheFirstStageDecidingTheSecond() {
        ReviewCase c = atLastStage(ROUTE);
        assertThatThrownBy(() -> decide(c, APPROVE, ROUTE, reviewer("r1"), firstStagePassedBy(c, ROUTE, "r1")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e)
                        .extracting(DomainException::kind, DomainException::code, DomainException::getMessage)
                        .containsExactly(Kind.FORBIDDEN, "same-reviewer", "you may not decide stage 绩效管理股复审: r1 decided"
                                + " stage 业务股室初审 of this case; under the four-eyes rule (四眼原则) another reviewer decides 绩效管理股复审"));
    }

    @Test
    void shouldRefuseTheReviewerWhoPassedTheFirstStageReturningAtTheSecond() {
        ReviewCase c = atLastStage(ROUTE);
        Decision returning = new Decision(Action.RETURN, null, "补充满意度指标", List.of(), null);
        assertThatThrownBy(() -> decide(c, returning, ROUTE, reviewer("r1"), firstStagePassedBy(c, ROUTE, "r1")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("same-reviewer"));
    }

    @Test
    void shouldLetAnotherReviewerDecideTheSecondStage() {
        ReviewCase c = atLastStage(ROUTE);
        assertThatCode(() -> decide(c, APPROVE, ROUTE, reviewer("r2"), firstStagePassedBy(c, ROUTE, "r1")))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldLetOneReviewerDecideBothStagesOfARouteThatSwitchesTheRuleOff() {
        ReviewRoute off = route(false, false);
        ReviewCase c = atLastStage(off);
        assertThatCode(() -> decide(c, APPROVE, off, reviewer("r1"), firstStagePassedBy(c, off, "r1")))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldBindTheRuleWhenOnlyTheStageDecidedEarlierIsUnderIt() {
        ReviewRoute firstOnly = route(true, false);
        ReviewCase c = atLastStage(firstOnly);
        assertThatThrownBy(() -> decide(c, APPROVE, firstOnly, reviewer("r1"), firstStagePassedBy(c, firstOnly, "r1")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("same-reviewer"));
    }

    @Test
    void shouldBindTheRuleWhenOnlyTheStageBeingDecidedIsUnderIt() {
        ReviewRoute secondOnly = route(false, true);
        ReviewCase c = atLastStage(secondOnly);
        assertThatThrownBy(() -> decide(c, APPROVE, secondOnly, reviewer("r1"), firstStagePassedBy(c, secondOnly, "r1")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("same-reviewer"));
    }

    @Test
    void shouldRequireAReasonFromAnAdminWhoDecidedTheFirstStage() {
        ReviewCase c = atLastStage(ROUTE);
        List<StageDecision> byAdmin = firstStagePassedBy(c, ROUTE, "admin");
        assertThatThrownBy(() -> decide(c, APPROVE, ROUTE, admin(), byAdmin))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e)
                        .extracting(DomainException::kind, DomainException::code)
                        .containsExactly(Kind.INVALID, "override-reason-required"));
        DecisionPolicy.Verdict verdict = decide(c, new Decision(Action.APPROVE, Grade.优, null, List.of(), "复审人员回避，局长决定"),
                ROUTE, admin(), byAdmin);
        assertThat(verdict.stageOverrides()).singleElement().asString().contains("四眼原则");
    }

    @Test
    void shouldRefuseAClaimByTheReviewerWhoPassedTheFirstStage() {
        ReviewCase c = atLastStage(ROUTE);
        assertThatThrownBy(() -> AssignmentPolicy.checkClaim(c, ROUTE, reviewer("r1"), firstStagePassedBy(c, ROUTE, "r1")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e)
                        .extracting(DomainException::kind, DomainException::code)
                        .containsExactly(Kind.FORBIDDEN, "same-reviewer"));
        assertThatCode(() -> AssignmentPolicy.checkClaim(c, ROUTE, reviewer("r2"), firstStagePassedBy(c, ROUTE, "r1")))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseToAssignTheSecondStageToTheReviewerWhoPassedTheFirst() {
        ReviewCase c = atLastStage(ROUTE);
        assertThatThrownBy(() -> AssignmentPolicy.checkAssign(c, "r1", ROUTE, firstStagePassedBy(c, ROUTE, "r1")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e)
                        .extracting(DomainException::kind, DomainException::code)
                        .containsExactly(Kind.CONFLICT, "same-reviewer"));
        assertThatCode(() -> AssignmentPolicy.checkAssign(c, "r2", ROUTE, firstStagePassedBy(c, ROUTE, "r1")))
                .doesNotThrowAnyException();
    }
}
