package org.jixiao.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jixiao.approval.domain.Cases.MONDAY;
import static org.jixiao.approval.domain.Cases.openCase;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewCaseTest {
    static final ReviewRoute ROUTE = ReviewRoute.defaultFor(2026);
    /** Tuesday of the following week, 00:00 in China: the 6th working day after MONDAY. */
    static final OffsetDateTime SIX_WORKING_DAYS_LATER = OffsetDateTime.of(2025, 3, 10, 16, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void shouldOpenUnclaimedAtTheFirstStageWithTheClockStartedAtSubmission() {
        ReviewCase c = openCase(ROUTE);
        assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(c.stageIndex()).isZero();
        assertThat(c.stageName()).isEqualTo("业务股室初审");
        assertThat(c.assignee()).isNull();
        assertThat(c.submittedAt()).isEqualTo(MONDAY);
        assertThat(c.stageEnteredAt()).isEqualTo(MONDAY);
        assertThat(c.stageDueAt()).isEqualTo(SIX_WORKING_DAYS_LATER);
        assertThat(c.decidedAt()).isNull();
    }

    @Test
    void shouldHoldTheCaseForTheReviewerWhoClaimsIt() {
        ReviewCase c = openCase(ROUTE);
        c.claim("张审核");
        assertThat(c.assignee()).isEqualTo("张审核");
    }

    @Test
    void shouldPassToTheNextStageUnclaimedWithItsOwnClock() {
        ReviewRoute route = new ReviewRoute(2026, List.of(new ReviewRoute.Stage("初审", 5, Set.of(), null),
                new ReviewRoute.Stage("复审", 1, Set.of(), null)));
        ReviewCase c = openCase(route);
        c.claim("张审核");
        OffsetDateTime thursday = MONDAY.plusDays(3);
        c.pass(route, thursday);
        assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(c.stageIndex()).isEqualTo(1);
        assertThat(c.stageName()).isEqualTo("复审");
        assertThat(c.assignee()).isNull();
        assertThat(c.stageEnteredAt()).isEqualTo(thursday);
        // Friday is the one working day allowed; from Monday 00:00 (China) it is overdue.
        assertThat(c.stageDueAt()).isEqualTo(OffsetDateTime.of(2025, 3, 9, 16, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void shouldCloseAnApprovedCaseWithItsNumberGradeAndOverrideReason() {
        ReviewCase c = openCase(ROUTE);
        c.pass(ROUTE, MONDAY.plusDays(1));
        OffsetDateTime at = MONDAY.plusDays(2);
        c.approve("李复审", Grade.良, "JX2026-000001", "数量指标在附件中已列明", at);
        assertThat(c.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(c.decidedBy()).isEqualTo("李复审");
        assertThat(c.decidedAt()).isEqualTo(at);
        assertThat(c.grade()).isEqualTo(Grade.良);
        assertThat(c.approvalNumber()).isEqualTo("JX2026-000001");
        assertThat(c.overrideReason()).isEqualTo("数量指标在附件中已列明");
    }

    @Test
    void shouldCloseAReturnedCaseWithoutAnApprovalNumber() {
        ReviewCase c = openCase(ROUTE);
        OffsetDateTime at = MONDAY.plusDays(1);
        c.returnToDepartment("张审核", Grade.中, at);
        assertThat(c.status()).isEqualTo(CaseStatus.RETURNED);
        assertThat(c.decidedBy()).isEqualTo("张审核");
        assertThat(c.decidedAt()).isEqualTo(at);
        assertThat(c.grade()).isEqualTo(Grade.中);
        assertThat(c.approvalNumber()).isNull();
        assertThat(c.stageName()).isEqualTo("业务股室初审");
    }

    @Test
    void shouldBeOverdueFromTheDueInstantOnlyWhileOpen() {
        ReviewCase c = openCase(ROUTE);
        assertThat(c.isOverdue(SIX_WORKING_DAYS_LATER.minusNanos(1000))).isFalse();
        assertThat(c.workingDaysInStage(SIX_WORKING_DAYS_LATER.minusNanos(1000))).isEqualTo(5);
        assertThat(c.isOverdue(SIX_WORKING_DAYS_LATER)).isTrue();
        assertThat(c.workingDaysInStage(SIX_WORKING_DAYS_LATER)).isEqualTo(6);
        c.returnToDepartment("张审核", null, SIX_WORKING_DAYS_LATER);
        assertThat(c.isOverdue(SIX_WORKING_DAYS_LATER.plusDays(30))).isFalse();
    }

    @Test
    void shouldFollowTheTargetOfAReconfiguredRoute() {
        ReviewCase c = openCase(ROUTE);
        ReviewRoute shorter = new ReviewRoute(2026, List.of(new ReviewRoute.Stage("业务股室初审", 2, Set.of(), null)));
        // Tuesday and Wednesday allowed: overdue from Thursday 00:00 (China).
        assertThat(c.dueAtUnder(shorter)).isEqualTo(OffsetDateTime.of(2025, 3, 5, 16, 0, 0, 0, ZoneOffset.UTC));
    }
}
