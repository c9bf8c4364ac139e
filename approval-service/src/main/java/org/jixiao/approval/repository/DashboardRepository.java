package org.jixiao.approval.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The dashboard's figures, grouped and counted by the database. A null year or department means all. They are
 * about declarations (submissions and amendments); monitoring reports and self-evaluations have the warnings.
 */
@ApplicationScoped
public class DashboardRepository {
    private static final String DECLARATIONS = " and kind in ('SUBMISSION', 'AMENDMENT')";
    private static final String OPEN_CASES = " from review_case where status = 'OPEN'" + DECLARATIONS
            + " and (cast(:year as integer) is null or budget_year = :year)"
            + " and (cast(:dept as varchar) is null or department_code = :dept)";

    private final EntityManager em;

    public DashboardRepository(EntityManager em) {
        this.em = em;
    }

    /** Open cases at one stage; {@code latestYear} names the route whose target the stage is shown with. */
    public record StageCount(int stageIndex, String stageName, int latestYear, long open, long overdue) {
    }

    public record DepartmentCount(String departmentCode, String departmentName, long open, long overdue) {
    }

    public List<StageCount> openByStage(Integer budgetYear, String department, OffsetDateTime now) {
        return this.<Object[]>rows(open("select stage_index, stage_name, max(budget_year), count(*),"
                + " count(*) filter (where stage_due_at <= :now)" + OPEN_CASES + " group by stage_index, stage_name",
                budgetYear, department).setParameter("now", now))
                .stream().map(r -> new StageCount(((Number) r[0]).intValue(), (String) r[1], ((Number) r[2]).intValue(),
                        ((Number) r[3]).longValue(), ((Number) r[4]).longValue())).toList();
    }

    public List<DepartmentCount> openByDepartment(Integer budgetYear, String department, OffsetDateTime now) {
        return this.<Object[]>rows(open("select department_code, min(department_name), count(*),"
                + " count(*) filter (where stage_due_at <= :now)" + OPEN_CASES + " group by department_code",
                budgetYear, department).setParameter("now", now))
                .stream().map(r -> new DepartmentCount((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                        ((Number) r[3]).longValue())).toList();
    }

    /**
     * Open cases in age bands: {@code bounds} are descending instants (the latest first); band 0 holds the
     * cases that entered their stage at or after {@code bounds[0]}, band i those before {@code bounds[i-1]}
     * and at or after {@code bounds[i]}, the last band those before the last bound.
     */
    public List<Long> openByStageEntry(Integer budgetYear, String department, List<OffsetDateTime> bounds) {
        StringBuilder select = new StringBuilder("select ");
        for (int i = 0; i <= bounds.size(); i++) {
            List<String> conditions = new ArrayList<>();
            if (i < bounds.size()) {
                conditions.add("stage_entered_at >= :b" + i);
            }
            if (i > 0) {
                conditions.add("stage_entered_at < :b" + (i - 1));
            }
            select.append(i == 0 ? "" : ", ").append("count(*) filter (where ")
                    .append(String.join(" and ", conditions)).append(")");
        }
        Query query = open(select + OPEN_CASES, budgetYear, department);
        for (int i = 0; i < bounds.size(); i++) {
            query.setParameter("b" + i, bounds.get(i));
        }
        Object[] r = (Object[]) query.getSingleResult();
        return Arrays.stream(r).map(n -> ((Number) n).longValue()).toList();
    }

    public record StatusCount(int budgetYear, String status, long count) {
    }

    /** Cases per budget year and status, years ascending. */
    public List<StatusCount> countsByYearAndStatus(String department) {
        return this.<Object[]>rows(em.createNativeQuery("select budget_year, status, count(*) from review_case"
                + " where (cast(:dept as varchar) is null or department_code = :dept)" + DECLARATIONS
                + " group by budget_year, status"
                + " order by budget_year, status").setParameter("dept", department))
                .stream().map(r -> new StatusCount(((Number) r[0]).intValue(), (String) r[1], ((Number) r[2]).longValue()))
                .toList();
    }

    public record LeadTimeSeconds(long decided, Double median, Double p90) {
    }

    /** Submission to final decision of decided cases, percentiles with linear interpolation (percentile_cont). */
    public LeadTimeSeconds leadTimes(Integer budgetYear, String department) {
        Object[] r = (Object[]) em.createNativeQuery("select count(*),"
                + " percentile_cont(0.5) within group (order by extract(epoch from decided_at - submitted_at)),"
                + " percentile_cont(0.9) within group (order by extract(epoch from decided_at - submitted_at))"
                + " from review_case where status <> 'OPEN'" + DECLARATIONS
                + " and (cast(:year as integer) is null or budget_year = :year)"
                + " and (cast(:dept as varchar) is null or department_code = :dept)")
                .setParameter("year", budgetYear).setParameter("dept", department).getSingleResult();
        return new LeadTimeSeconds(((Number) r[0]).longValue(), seconds(r[1]), seconds(r[2]));
    }

    public record ReturnCount(UUID projectId, String projectName, String departmentCode, long returns, long rounds) {
    }

    /** Projects by how often they were returned, most returned first. */
    public List<ReturnCount> returnsPerProject(Integer budgetYear, String department, int limit) {
        return this.<Object[]>rows(em.createNativeQuery("select project_id, max(project_name), max(department_code),"
                + " count(*) filter (where status = 'RETURNED'), count(*) from review_case"
                + " where (cast(:year as integer) is null or budget_year = :year)" + DECLARATIONS
                + " and (cast(:dept as varchar) is null or department_code = :dept)"
                + " group by project_id order by 4 desc, 2, 1 limit :limit")
                .setParameter("year", budgetYear).setParameter("dept", department).setParameter("limit", limit))
                .stream().map(r -> new ReturnCount((UUID) r[0], (String) r[1], (String) r[2],
                        ((Number) r[3]).longValue(), ((Number) r[4]).longValue())).toList();
    }

    private Query open(String sql, Integer budgetYear, String department) {
        return em.createNativeQuery(sql).setParameter("year", budgetYear).setParameter("dept", department);
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> rows(Query query) {
        return query.getResultList();
    }

    private static Double seconds(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
