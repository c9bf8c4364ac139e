package org.jixiao.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jixiao.approval.domain.Cases.MONDAY;
import static org.jixiao.approval.domain.Cases.atLastStage;
import static org.jixiao.approval.domain.Cases.department;
import static org.jixiao.approval.domain.Cases.openCase;
import static org.jixiao.approval.domain.Cases.restricted;
import static org.jixiao.approval.domain.Cases.reviewer;

import java.util.List;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.DomainException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AssignmentPolicyTest {
    static final ReviewRoute ROUTE = ReviewRoute.defaultFor(2026);

    static void assertRefused(Executable check, Kind kind, String code, String message) {
        assertThatThrownBy(check::execute).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e)
                .extracting(DomainException::kind, DomainException::code, DomainException::getMessage)
                .containsExactly(kind, code, message));
    }

    @Test
    void shouldLetAReviewerClaimAnUnclaimedCase() {
        assertThatCode(() -> AssignmentPolicy.checkClaim(openCase(ROUTE), ROUTE, reviewer("张审核")))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldLetTheHolderClaimAgain() {
        ReviewCase c = openCase(ROUTE);
        c.claim("张审核");
        assertThatCode(() -> AssignmentPolicy.checkClaim(c, ROUTE, reviewer("张审核"))).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseToClaimADecidedCase() {
        ReviewCase c = openCase(ROUTE);
        c.returnToDepartment("张审核", null, MONDAY);
        assertRefused(() -> AssignmentPolicy.checkClaim(c, ROUTE, reviewer("张审核")), Kind.CONFLICT, "case-closed",
                "the case is already RETURNED");
    }

    @Test
    void shouldRefuseAClaimTheStageDoesNotAllow() {
        assertRefused(() -> AssignmentPolicy.checkClaim(atLastStage(restricted()), restricted(), reviewer("张审核")),
                Kind.FORBIDDEN, "stage-not-allowed", "you may not act at stage 绩效管理股复审");
        assertRefused(() -> AssignmentPolicy.checkClaim(openCase(ROUTE), ROUTE, department("034")),
                Kind.FORBIDDEN, "stage-not-allowed", "you may not act at stage 业务股室初审");
    }

    @Test
    void shouldRefuseToClaimACaseSomeoneElseHolds() {
        ReviewCase c = openCase(ROUTE);
        c.claim("李复审");
        assertRefused(() -> AssignmentPolicy.checkClaim(c, ROUTE, reviewer("张审核")), Kind.CONFLICT,
                "assigned-to-other", "the case is already claimed by 李复审");
    }

    @Test
    void shouldLetAnAdminReassignAClaimedCase() {
        ReviewCase c = openCase(ROUTE);
        c.claim("李复审");
        assertThatCode(() -> AssignmentPolicy.checkAssign(c, "张审核", ROUTE, List.of())).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseToAssignADecidedCase() {
        ReviewCase c = atLastStage(ROUTE);
        c.approve("李复审", null, "JX2026-000002", null, MONDAY);
        assertRefused(() -> AssignmentPolicy.checkAssign(c, "张审核", ROUTE, List.of()), Kind.CONFLICT, "case-closed",
                "the case is already APPROVED");
    }

    @Test
    void shouldRefuseToAssignNobody() {
        assertRefused(() -> AssignmentPolicy.checkAssign(openCase(ROUTE), " ", ROUTE, List.of()), Kind.INVALID, "assignee-required",
                "name the reviewer to assign");
        assertRefused(() -> AssignmentPolicy.checkAssign(openCase(ROUTE), null, ROUTE, List.of()), Kind.INVALID, "assignee-required",
                "name the reviewer to assign");
    }
}
