package org.jixiao.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jixiao.approval.domain.CaseKind;
import org.jixiao.approval.domain.CaseStatus;
import org.jixiao.approval.domain.FourEyesPolicy;
import org.jixiao.approval.domain.Grade;
import org.jixiao.approval.domain.HistoryEntry;
import org.jixiao.approval.domain.ReviewCase;
import org.jixiao.approval.domain.ReviewRoute;
import org.jixiao.approval.repository.HistoryRepository;
import org.jixiao.approval.repository.ReviewCaseRepository;
import org.jixiao.approval.repository.StageDecisionRepository;
import org.jixiao.common.test.JixiaoTestResource;
import org.junit.jupiter.api.Test;

/**
 * V5 fills stage_decision for the cases decided before it, from the history as it was written then (a
 * PASSED entry stood at the stage the case moved to); the four-eyes rule must hold for a case that was
 * half-way through its review when the migration ran.
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_approval_test"))
class StageDecisionBackfillTest {
    static final ReviewRoute ROUTE = ReviewRoute.defaultFor(2053);
    static final OffsetDateTime MONDAY = OffsetDateTime.of(2025, 3, 3, 2, 0, 0, 0, ZoneOffset.UTC);

    @Inject
    EntityManager em;
    @Inject
    ReviewCaseRepository cases;
    @Inject
    HistoryRepository history;
    @Inject
    StageDecisionRepository decisions;

    static List<String> backfillStatements() throws IOException {
        try (InputStream in = StageDecisionBackfillTest.class.getResourceAsStream("/db/migration/V5__four_eyes.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> statements = new ArrayList<>();
            for (int start = sql.indexOf("insert into stage_decision"); start >= 0;
                    start = sql.indexOf("insert into stage_decision", start + 1)) {
                statements.add(sql.substring(start, sql.indexOf(';', start)));
            }
            return statements;
        }
    }

    ReviewCase opened() {
        ReviewCase c = ReviewCase.open(new ReviewCase.Opening(UUID.randomUUID(), 1, CaseKind.SUBMISSION, ROUTE.budgetYear(),
                "101", "部门101", "项目", new BigDecimal("1.00"), 1, "{}", null, null, MONDAY), ROUTE);
        cases.persist(c);
        return c;
    }

    /** A pass as the service recorded it before V5: after moving on, so at the next stage. */
    void passedTheOldWay(ReviewCase c, String reviewer) {
        String from = c.stageName();
        c.pass(ROUTE, MONDAY);
        history.persist(new HistoryEntry(c.id(), MONDAY, reviewer, HistoryEntry.Action.PASSED, c.stageName(),
                CaseStatus.OPEN.name(), CaseStatus.OPEN.name(), from + " → " + c.stageName()));
    }

    List<String> decided(ReviewCase c) {
        return decisions.forCase(c.id()).stream()
                .map(d -> d.stageIndex() + " " + d.stageName() + " " + d.action() + " " + d.decidedBy() + " " + d.grade())
                .toList();
    }

    @Test
    void shouldFillTheStageDecisionsOfEarlierCasesFromTheirHistory() throws IOException {
        List<String> backfill = backfillStatements();
        assertThat(backfill).hasSize(2);
        // Everything here is rolled back: the cases, their history and what the backfill adds.
        QuarkusTransaction.begin();
        try {
            ReviewCase halfway = opened();
            passedTheOldWay(halfway, "r1");
            ReviewCase approved = opened();
            passedTheOldWay(approved, "r1");
            approved.approve("r2", Grade.优, "JX2053-000001", null, MONDAY);
            ReviewCase returned = opened();
            returned.returnToDepartment("r3", Grade.差, MONDAY);
            ReviewCase untouched = opened();
            cases.flush();
            for (String statement : backfill) {
                em.createNativeQuery(statement).executeUpdate();
            }
            em.clear();

            assertThat(decided(halfway)).containsExactly("0 业务股室初审 PASS r1 null");
            assertThat(decided(approved)).containsExactly("0 业务股室初审 PASS r1 null", "1 绩效管理股复审 APPROVE r2 优");
            assertThat(decided(returned)).containsExactly("0 业务股室初审 RETURN r3 差");
            assertThat(decided(untouched)).isEmpty();
            assertThat(FourEyesPolicy.collision(ROUTE, 1, "r1", decisions.forCase(halfway.id()))).isPresent();
            assertThat(FourEyesPolicy.collision(ROUTE, 1, "r2", decisions.forCase(halfway.id()))).isEmpty();
        } finally {
            QuarkusTransaction.rollback();
        }
    }
}
