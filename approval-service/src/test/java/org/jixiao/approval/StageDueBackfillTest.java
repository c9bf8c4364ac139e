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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jixiao.approval.domain.CaseKind;
import org.jixiao.approval.domain.ReviewCase;
import org.jixiao.approval.domain.ReviewRoute;
import org.jixiao.approval.repository.ReviewCaseRepository;
import org.jixiao.approval.service.RouteService;
import org.jixiao.common.test.JixiaoTestResource;
import org.junit.jupiter.api.Test;

/**
 * V3's backfill computes stage_due_at in SQL for the cases that existed before the column; it must give
 * what the service computes in Java (WorkingDays.overdueFrom with the stage's target), or the overdue
 * list and the dashboard would disagree about old cases.
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_approval_test"))
class StageDueBackfillTest {
    static final int DEFAULT_YEAR = 2051;
    static final int CONFIGURED_YEAR = 2052;

    @Inject
    EntityManager em;
    @Inject
    ReviewCaseRepository cases;
    @Inject
    RouteService routes;

    static ReviewRoute.Stage stage(String name, int targetDays) {
        return new ReviewRoute.Stage(name, targetDays, Set.of(), null);
    }

    static String backfillStatement() throws IOException {
        try (InputStream in = StageDueBackfillTest.class.getResourceAsStream("/db/migration/V3__stage_due_at.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = sql.indexOf("update review_case");
            return sql.substring(start, sql.indexOf(';', start));
        }
    }

    @Test
    void shouldFillStageDueAtAsTheServiceComputesIt() throws IOException {
        String backfill = backfillStatement();
        // Everything here is rolled back: the cases, the routes and the backfill's update.
        QuarkusTransaction.begin();
        try {
            ReviewRoute three = new ReviewRoute(CONFIGURED_YEAR, List.of(stage("初审", 3), stage("复审", 2), stage("终审", 7)));
            routes.configure(three);
            ReviewRoute standard = ReviewRoute.defaultFor(DEFAULT_YEAR);
            OffsetDateTime start = OffsetDateTime.of(2025, 3, 1, 15, 30, 0, 0, ZoneOffset.UTC);
            List<OffsetDateTime> entries = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                entries.add(start.plusMinutes(i * 457L));
            }
            // The edges of a day in China: 23:59:59.999999 and 00:00.
            entries.add(OffsetDateTime.of(2025, 3, 6, 15, 59, 59, 999_999_000, ZoneOffset.UTC));
            entries.add(OffsetDateTime.of(2025, 3, 6, 16, 0, 0, 0, ZoneOffset.UTC));
            for (int i = 0; i < entries.size(); i++) {
                cases.persist(atStage(standard, i % 2, entries.get(i)));
                cases.persist(atStage(three, i % 3, entries.get(i)));
            }
            // Shortened, with other targets: cases at index 2 now count as at the last stage.
            routes.configure(new ReviewRoute(CONFIGURED_YEAR, List.of(stage("初审", 4), stage("复审", 1))));
            Map<UUID, Long> computedByService = dueMicros();
            assertThat(computedByService).hasSize(2 * entries.size());

            // As if the rows predated the column: nothing of the service's value is left to keep.
            em.createNativeQuery("update review_case set stage_due_at = timestamptz 'epoch' where budget_year in (:a, :b)")
                    .setParameter("a", DEFAULT_YEAR).setParameter("b", CONFIGURED_YEAR).executeUpdate();
            em.createNativeQuery(backfill).executeUpdate();

            assertThat(dueMicros()).isEqualTo(computedByService);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private static ReviewCase atStage(ReviewRoute route, int stageIndex, OffsetDateTime entered) {
        ReviewCase c = ReviewCase.open(new ReviewCase.Opening(UUID.randomUUID(), 1, CaseKind.SUBMISSION,
                route.budgetYear(), "101", "部门101", "项目", new BigDecimal("1.00"), 1, "{}", null, null,
                entered.minusDays(stageIndex)), route);
        for (int i = 0; i < stageIndex; i++) {
            c.pass(route, entered);
        }
        return c;
    }

    private Map<UUID, Long> dueMicros() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, cast(floor(extract(epoch from stage_due_at) * 1000000) as bigint)"
                + " from review_case where budget_year in (:a, :b)")
                .setParameter("a", DEFAULT_YEAR).setParameter("b", CONFIGURED_YEAR).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> ((Number) r[1]).longValue()));
    }
}
