package org.jixiao.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jixiao.approval.domain.Cases.MONDAY;
import static org.jixiao.approval.domain.Cases.openCase;
import static org.jixiao.approval.domain.Cases.reviewer;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jixiao.approval.domain.Decision.Action;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.DomainException.Kind;
import org.junit.jupiter.api.Test;

/** Monitoring reports and self-evaluations are acknowledged or returned; declarations never acknowledged. */
class ReportDecisionPolicyTest {
    static final ReviewRoute DECLARATIONS = ReviewRoute.defaultFor(2026);

    static ReviewCase report(boolean finalReport) {
        CaseKind kind = CaseKind.ofReport(finalReport);
        return ReviewCase.openReport(new ReviewCase.ReportOpening(UUID.randomUUID(), 1, finalReport ? "2026-12" : "2026-07",
                1, finalReport, 2026, "034", "区教育局", "城区学前教育公用经费", new BigDecimal("4515600.00"), 2, MONDAY),
                ReviewRoute.forReports(2026, kind));
    }

    static void check(ReviewCase c, Decision d) {
        ReviewRoute route = c.kind().isReport() ? ReviewRoute.forReports(2026, c.kind()) : DECLARATIONS;
        DecisionPolicy.check(c, d, route, reviewer("张审核"), Checks.CLEAN);
    }

    static void assertRefused(ReviewCase c, Decision d, Kind kind, String code) {
        assertThatThrownBy(() -> check(c, d)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    @Test
    void shouldOpenAFinalReportAsASelfEvaluationAtItsSingleStage() {
        ReviewCase c = report(true);
        assertThat(c.kind()).isEqualTo(CaseKind.SELF_EVALUATION);
        assertThat(c.period()).isEqualTo("2026-12");
        assertThat(ReviewRoute.forReports(2026, c.kind()).isLast(c.stageIndex())).isTrue();
        assertThat(report(false).kind()).isEqualTo(CaseKind.MONITORING);
    }

    @Test
    void shouldLetAReviewerAcknowledgeAReportWithoutAComment() {
        assertThatCode(() -> check(report(false), new Decision(Action.ACKNOWLEDGE, null, null, List.of(), null)))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseToApproveOrPassAReport() {
        assertRefused(report(false), new Decision(Action.APPROVE, Grade.优, null, List.of(), null), Kind.CONFLICT,
                "action-not-for-kind");
        assertRefused(report(true), new Decision(Action.PASS, null, null, List.of(), null), Kind.CONFLICT,
                "action-not-for-kind");
    }

    @Test
    void shouldRefuseToAcknowledgeADeclaration() {
        assertRefused(openCase(DECLARATIONS), new Decision(Action.ACKNOWLEDGE, null, null, List.of(), null),
                Kind.CONFLICT, "action-not-for-kind");
    }

    @Test
    void shouldRefuseAGradeOnAReport() {
        assertRefused(report(false), new Decision(Action.RETURN, Grade.差, "重报", List.of(), null), Kind.INVALID,
                "grade-not-for-kind");
    }

    @Test
    void shouldReturnAReportOnlyWithACommentOnOneOfItsRows() {
        assertRefused(report(false), new Decision(Action.RETURN, null, null, List.of(), null), Kind.INVALID,
                "return-needs-comment");
        assertRefused(report(false), new Decision(Action.RETURN, null, null,
                List.of(new Decision.Comment(null, 2, "无此行")), null), Kind.INVALID, "no-such-indicator");
        assertThatCode(() -> check(report(false), new Decision(Action.RETURN, null, null,
                List.of(new Decision.Comment(null, 1, "偏差原因不清")), null))).doesNotThrowAnyException();
    }
}
