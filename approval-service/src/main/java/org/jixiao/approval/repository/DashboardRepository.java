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

    /**
     * Open cases at one stage; {@code targetDays} is the stage's target in the route of {@code latestYear}, the
     * latest year with cases at it, or null when that year has no configured route (the default route's applies).
     */
    public record StageCount(int stageIndex, String stageName, int latestYear, Integer targetDays, long open,
            long overdue) {
    }

    public record DepartmentCount(String departmentCode, String departmentName, long open, long overdue) {
    }

    /** The open cases by stage, by department and in age bands (see {@link #openCases}). */
    public record OpenCases(List<StageCount> byStage, List<DepartmentCount> byDepartment, List<Long> byAge) {
    }

    /**
     * The open cases of a year and department (null: all) grouped three ways in one statement, one read of the
     * rows: by stage, by department, and in age bands. {@code bounds} are descending instants (the latest first);
     * band 0 holds the cases that entered their stage at or after {@code bounds[0]}, band i those before
     * {@code bounds[i-1]} and at or after {@code bounds[i]}, the last band those before the last bound. A stage's
     * target comes from the route of the latest year with cases at it: the configured stage at the largest position
     * not beyond the stage index, as ReviewRoute.stage clamps.
     */
    public OpenCases openCases(Integer budgetYear, String department, OffsetDateTime now, List<OffsetDateTime> bounds) {
        StringBuilder ages = new StringBuilder();
        for (int i = 0; i <= bounds.size(); i++) {
            List<String> conditions = new ArrayList<>();
            if (i < bounds.size()) {
                conditions.add("stage_entered_at >= :b" + i);
            }
            if (i > 0) {
                conditions.add("stage_entered_at < :b" + (i - 1));
            }
            ages.append(", count(*) filter (where ").append(String.join(" and ", conditions)).append(")");
        }
        // grouping(...) tells the sets apart: 1 = a stage's row (department_code aggregated), 6 = a department's,
        // 7 = the total of all open cases
        Query query = open("select grouping(stage_index, stage_name, department_code), stage_index, stage_name,"
                + " department_code, min(department_name), max(budget_year),"
                + " (select s.target_days from review_stage s where s.budget_year = max(c.budget_year)"
                + " and s.position <= c.stage_index order by s.position desc limit 1),"
                + " count(*), count(*) filter (where stage_due_at <= :now)" + ages
                + OPEN_CASES.replace(" from review_case ", " from review_case c ")
                + " group by grouping sets ((stage_index, stage_name), (department_code), ())", budgetYear, department)
                .setParameter("now", now);
        for (int i = 0; i < bounds.size(); i++) {
            query.setParameter("b" + i, bounds.get(i));
        }
        List<StageCount> byStage = new ArrayList<>();
        List<DepartmentCount> byDepartment = new ArrayList<>();
        List<Long> byAge = List.of();
        for (Object[] r : this.<Object[]>rows(query)) {
            long open = ((Number) r[7]).longValue();
            long overdue = ((Number) r[8]).longValue();
            switch (((Number) r[0]).intValue()) {
                case 1 -> byStage.add(new StageCount(((Number) r[1]).intValue(), (String) r[2],
                        ((Number) r[5]).intValue(), r[6] == null ? null : ((Number) r[6]).intValue(), open, overdue));
                case 6 -> byDepartment.add(new DepartmentCount((String) r[3], (String) r[4], open, overdue));
                default -> byAge = Arrays.stream(r, 9, r.length).map(n -> ((Number) n).longValue()).toList();
            }
        }
        return new OpenCases(byStage, byDepartment, byAge);
    }

    public record StatusCount(int budgetYear, String status, long count) {
    }

    /**
     * Cases per budget year and status, years ascending: the sums of review_case_count (V9, kept by a trigger),
     * exact without reading the cases. A key whose deltas sum to 0 has no case, as a count would not show it.
     */
    public List<StatusCount> countsByYearAndStatus(String department) {
        return this.<Object[]>rows(em.createNativeQuery("select budget_year, status, sum(n) from review_case_count"
                + " where (cast(:dept as varchar) is null or department_code = :dept)" + DECLARATIONS
                + " group by budget_year, status having sum(n) > 0"
                + " order by budget_year, status").setParameter("dept", department))
                .stream().map(r -> new StatusCount(((Number) r[0]).intValue(), (String) r[1], ((Number) r[2]).longValue()))
                .toList();
    }

    public record LeadTimeSeconds(long decided, Double median, Double p90) {
    }

    /**
     * Submission to final decision of decided cases, percentiles with linear interpolation as PostgreSQL's
     * percentile_cont computes them. For a department (a few hundred cases) percentile_cont sorts them; otherwise
     * the count comes from review_case_count and each percentile from the one or two values at its positions in
     * an index of the lead times (V12), the 90th read from the far end: one statement, so count and values are
     * of one snapshot.
     */
    public LeadTimeSeconds leadTimes(Integer budgetYear, String department) {
        if (department != null) {
            Object[] r = (Object[]) em.createNativeQuery("select count(*),"
                    + " percentile_cont(0.5) within group (order by extract(epoch from decided_at - submitted_at)),"
                    + " percentile_cont(0.9) within group (order by extract(epoch from decided_at - submitted_at))"
                    + " from review_case where status <> 'OPEN'" + DECLARATIONS
                    + " and (cast(:year as integer) is null or budget_year = :year) and department_code = :dept")
                    .setParameter("year", budgetYear).setParameter("dept", department).getSingleResult();
            return new LeadTimeSeconds(((Number) r[0]).longValue(), seconds(r[1]), seconds(r[2]));
        }
        // the year is written in (an int): each year's statement is planned for its year's index
        String decided = " where status <> 'OPEN'" + DECLARATIONS + (budgetYear == null ? "" : " and budget_year = " + budgetYear.intValue());
        String lead = "extract(epoch from decided_at - submitted_at)";
        Object[] r = (Object[]) em.createNativeQuery("with c as (select coalesce(sum(n), 0) as n from review_case_count" + decided + ")"
                + " select (select n from c),"
                + " array(select cast(" + lead + " as float8) from review_case" + decided + " order by " + lead
                + " offset (select cast(floor(cast(" + MEDIAN + " as float8) * (n - 1)) as bigint) from c where n > 0) limit 2),"
                + " array(select cast(" + lead + " as float8) from review_case" + decided + " order by " + lead + " desc"
                + " offset (select n - 1 - cast(ceil(cast(" + NINETIETH + " as float8) * (n - 1)) as bigint) from c where n > 0) limit 2)")
                .getSingleResult();
        long n = ((Number) r[0]).longValue();
        Double[] fromLow = values(r[1]);
        Double[] fromHigh = values(r[2]);
        if (n == 0 || fromLow.length == 0 || fromHigh.length == 0) {
            return new LeadTimeSeconds(n, null, null);
        }
        // from the low end the values at the position's floor and the one after; from the high end those at its
        // ceiling and the one before, which is the floor unless the position is a whole number
        double p90Floor = Percentiles.onAValue(NINETIETH, n) ? fromHigh[0] : fromHigh[1];
        return new LeadTimeSeconds(n, Percentiles.continuous(MEDIAN, n, fromLow[0], fromLow[fromLow.length - 1]),
                Percentiles.continuous(NINETIETH, n, p90Floor, fromHigh[0]));
    }

    private static final double MEDIAN = 0.5;
    private static final double NINETIETH = 0.9;

    public record ReturnCount(UUID projectId, String projectName, String departmentCode, long returns, long rounds) {
    }

    /**
     * Projects by how often they were returned, most returned first, then by name and id. Every project returned
     * at least once ranks before all the others, and they are the few: when there are {@code limit} of them the
     * page is theirs, grouped from their cases alone (V12's indexes). Otherwise (a year's first weeks) the page
     * is filled with never-returned projects by name, which means grouping every case of the scope.
     */
    public List<ReturnCount> returnsPerProject(Integer budgetYear, String department, int limit) {
        String scope = DECLARATIONS + (budgetYear == null ? "" : " and budget_year = " + budgetYear.intValue())
                + (department == null ? "" : " and department_code = :dept");
        String grouped = "select project_id, max(project_name), max(department_code),"
                + " count(*) filter (where status = 'RETURNED'), count(*) from review_case where true" + scope;
        String order = " group by project_id order by 4 desc, 2, 1 limit :limit";
        List<ReturnCount> returned = returnCounts(grouped + " and project_id in (select project_id from review_case"
                + " where status = 'RETURNED'" + scope + ")" + order, department, limit);
        return returned.size() == limit ? returned : returnCounts(grouped + order, department, limit);
    }

    private List<ReturnCount> returnCounts(String sql, String department, int limit) {
        Query query = em.createNativeQuery(sql).setParameter("limit", limit);
        if (department != null) {
            query.setParameter("dept", department);
        }
        return this.<Object[]>rows(query).stream().map(r -> new ReturnCount((UUID) r[0], (String) r[1], (String) r[2],
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

    private static Double[] values(Object array) {
        if (array instanceof Object[] values) {
            return Arrays.stream(values).map(DashboardRepository::seconds).toArray(Double[]::new);
        }
        throw new IllegalStateException("expected an array of lead times, got " + array);
    }
}
