package org.jixiao.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.jixiao.approval.domain.CaseKind;
import org.jixiao.approval.domain.ReviewCase;
import org.jixiao.approval.domain.ReviewRoute;
import org.jixiao.approval.repository.DashboardRepository;
import org.jixiao.approval.repository.DashboardRepository.LeadTimeSeconds;
import org.jixiao.approval.repository.DashboardRepository.ReturnCount;
import org.jixiao.approval.repository.ReviewCaseRepository;
import org.jixiao.common.test.JixiaoTestResource;
import org.junit.jupiter.api.Test;

/**
 * The lead times read at their positions in an index and the returns read from the returned projects' cases give
 * exactly what the statements that read every case gave (percentile_cont over all of them; every case grouped by
 * project): for all years and single years, with and without a department, at every page size, down to years
 * with no, one, two, eleven and twelve decided cases (a percentile on a value and between two).
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_approval_test"))
class DashboardOrderedReadsTest {
    static final List<Integer> DECIDED_IN_YEAR = List.of(0, 1, 2, 11, 12, 140);
    static final int FIRST_YEAR = 2081;

    @Inject
    DashboardRepository dashboard;

    @Inject
    ReviewCaseRepository cases;

    @Inject
    EntityManager em;

    @Test
    void shouldAnswerLeadTimesAndReturnsExactlyAsTheStatementsThatReadEveryCase() {
        Random random = new Random(51);
        OffsetDateTime start = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);
        for (int y = 0; y < DECIDED_IN_YEAR.size(); y++) {
            int year = FIRST_YEAR + y;
            ReviewRoute route = ReviewRoute.defaultFor(year);
            List<UUID> projects = new ArrayList<>();
            for (int i = 0; i < DECIDED_IN_YEAR.get(y) + 3; i++) {
                // some projects come back for another round, renamed in it (the returns name them by the greatest)
                boolean again = !projects.isEmpty() && random.nextInt(3) == 0;
                UUID project = again ? projects.get(random.nextInt(projects.size())) : UUID.randomUUID();
                projects.add(project);
                int revision = (int) projects.stream().filter(project::equals).count();
                String dept = random.nextBoolean() ? "301" : "302";
                OffsetDateTime submitted = start.plusMinutes(random.nextInt(100_000)).plusNanos(random.nextInt(1_000_000) * 1000L);
                // three cases of each year stay open; the same lead time now and then (ties)
                boolean open = i < 3;
                OffsetDateTime decided = submitted.plusSeconds(random.nextInt(3) == 0 ? 3600 : 60 + random.nextInt(900_000))
                        .plusNanos(random.nextInt(1_000_000) * 1000L);
                boolean returned = random.nextInt(3) == 0;
                QuarkusTransaction.requiringNew().run(() -> {
                    ReviewCase c = ReviewCase.open(new ReviewCase.Opening(project, revision, CaseKind.SUBMISSION, year, dept,
                            "部门" + dept, "项目" + (char) ('甲' + random.nextInt(5)) + revision, new BigDecimal("1000.00"), 3, "{}",
                            null, null, submitted), route);
                    if (!open && returned) {
                        c.returnToDepartment("r", null, decided);
                    } else if (!open) {
                        c.approve("r", null, "JX-" + revision, null, decided);
                    }
                    cases.persist(c);
                });
            }
        }

        List<Integer> years = new ArrayList<>(Arrays.asList((Integer) null));
        for (int y = 0; y < DECIDED_IN_YEAR.size(); y++) {
            years.add(FIRST_YEAR + y);
        }
        for (Integer year : years) {
            for (String department : Arrays.asList(null, "301", "399")) {
                // one snapshot for both answers: other tests' consumers may still be writing cases
                QuarkusTransaction.requiringNew().run(() -> {
                    em.createNativeQuery("set transaction isolation level repeatable read").executeUpdate();
                    assertThat(dashboard.leadTimes(year, department)).as("lead times of %s, department %s", year, department)
                            .isEqualTo(leadTimesOfEveryCase(year, department));
                    for (int limit : List.of(1, 2, 5, 50, 1000)) {
                        assertThat(dashboard.returnsPerProject(year, department, limit))
                                .as("returns of %s, department %s, limit %d", year, department, limit)
                                .isEqualTo(returnsOfEveryCase(year, department, limit));
                    }
                });
            }
        }
    }

    LeadTimeSeconds leadTimesOfEveryCase(Integer year, String department) {
        Object[] r = (Object[]) em.createNativeQuery("select count(*),"
                + " percentile_cont(0.5) within group (order by extract(epoch from decided_at - submitted_at)),"
                + " percentile_cont(0.9) within group (order by extract(epoch from decided_at - submitted_at))"
                + " from review_case where status <> 'OPEN' and kind in ('SUBMISSION', 'AMENDMENT')"
                + " and (cast(:year as integer) is null or budget_year = :year)"
                + " and (cast(:dept as varchar) is null or department_code = :dept)")
                .setParameter("year", year).setParameter("dept", department).getSingleResult();
        return new LeadTimeSeconds(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).doubleValue(),
                r[2] == null ? null : ((Number) r[2]).doubleValue());
    }

    @SuppressWarnings("unchecked")
    List<ReturnCount> returnsOfEveryCase(Integer year, String department, int limit) {
        List<Object[]> rows = em.createNativeQuery("select project_id, max(project_name), max(department_code),"
                + " count(*) filter (where status = 'RETURNED'), count(*) from review_case"
                + " where (cast(:year as integer) is null or budget_year = :year) and kind in ('SUBMISSION', 'AMENDMENT')"
                + " and (cast(:dept as varchar) is null or department_code = :dept)"
                + " group by project_id order by 4 desc, 2, 1 limit :limit")
                .setParameter("year", year).setParameter("dept", department).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new ReturnCount((UUID) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue())).toList();
    }
}
