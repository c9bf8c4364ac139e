package org.jixiao.approval.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jixiao.approval.domain.CaseStatus;
import org.jixiao.approval.domain.ReviewCase;
import org.jixiao.approval.domain.ReviewRoute;
import org.jixiao.approval.domain.WorkingDays;
import org.jixiao.approval.repository.ReviewCaseRepository;
import org.jixiao.approval.repository.RouteRepository;
import org.jixiao.common.security.Caller;

/** The figures of the approval dashboard, computed here so that no client has to join anything. */
@ApplicationScoped
public class DashboardService {
    private final ReviewCaseRepository cases;
    private final RouteRepository routes;
    private final EntityManager em;

    public DashboardService(ReviewCaseRepository cases, RouteRepository routes, EntityManager em) {
        this.cases = cases;
        this.routes = routes;
        this.em = em;
    }

    public record StageQueue(int stageIndex, String stageName, int targetDays, long open, long overdue) {
    }

    public record DepartmentQueue(String departmentCode, String departmentName, long open, long overdue) {
    }

    public record AgeBucket(String workingDaysInStage, long open) {
    }

    public record Queues(Integer budgetYear, long open, long overdue, List<StageQueue> byStage,
            List<DepartmentQueue> byDepartment, List<AgeBucket> byAge) {
    }

    /** Open cases by stage, department and age in the stage (working days), with overdue counts. */
    @Transactional
    public Queues queues(Integer budgetYear, Caller caller) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String department = caller.restrictedToDepartment().orElse(null);
        List<ReviewCase> open = cases.search(new ReviewCaseRepository.Filter(CaseStatus.OPEN, null, department, null,
                budgetYear, null), io.quarkus.panache.common.Sort.by("id")).list();
        Map<Integer, ReviewRoute> routeByYear = new HashMap<>();
        Map<String, long[]> stage = new TreeMap<>();
        Map<String, String> stageNames = new HashMap<>();
        Map<String, Integer> stageTargets = new HashMap<>();
        Map<String, long[]> dept = new TreeMap<>();
        Map<String, String> deptNames = new HashMap<>();
        long[] ages = new long[4];
        long overdueTotal = 0;
        for (ReviewCase c : open) {
            ReviewRoute.Stage s = routeByYear.computeIfAbsent(c.budgetYear(), routes::routeFor).stage(c.stageIndex());
            int days = WorkingDays.between(c.stageEnteredAt(), now);
            boolean overdue = days > s.targetDays();
            overdueTotal += overdue ? 1 : 0;
            String stageKey = String.format("%03d|%s", c.stageIndex(), c.stageName());
            stageNames.put(stageKey, c.stageName());
            stageTargets.put(stageKey, s.targetDays());
            count(stage.computeIfAbsent(stageKey, k -> new long[2]), overdue);
            count(dept.computeIfAbsent(c.departmentCode(), k -> new long[2]), overdue);
            deptNames.putIfAbsent(c.departmentCode(), c.departmentName());
            ages[days <= 2 ? 0 : days <= 5 ? 1 : days <= 10 ? 2 : 3]++;
        }
        List<StageQueue> byStage = new ArrayList<>();
        stage.forEach((k, v) -> byStage.add(new StageQueue(Integer.parseInt(k.substring(0, 3)), stageNames.get(k),
                stageTargets.get(k), v[0], v[1])));
        List<DepartmentQueue> byDepartment = new ArrayList<>();
        dept.forEach((k, v) -> byDepartment.add(new DepartmentQueue(k, deptNames.get(k), v[0], v[1])));
        List<AgeBucket> byAge = List.of(new AgeBucket("0-2", ages[0]), new AgeBucket("3-5", ages[1]),
                new AgeBucket("6-10", ages[2]), new AgeBucket(">10", ages[3]));
        return new Queues(budgetYear, open.size(), overdueTotal, byStage, byDepartment, byAge);
    }

    public record YearCounts(int budgetYear, Map<String, Long> byStatus) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<YearCounts> countsByYear(Caller caller) {
        String department = caller.restrictedToDepartment().orElse(null);
        List<Object[]> rows = em.createNativeQuery("select budget_year, status, count(*) from review_case"
                + " where (cast(:dept as varchar) is null or department_code = :dept) group by budget_year, status"
                + " order by budget_year, status").setParameter("dept", department).getResultList();
        Map<Integer, Map<String, Long>> byYear = new TreeMap<>();
        for (Object[] r : rows) {
            Map<String, Long> counts = byYear.computeIfAbsent(((Number) r[0]).intValue(), y -> {
                Map<String, Long> m = new LinkedHashMap<>();
                for (CaseStatus s : CaseStatus.values()) {
                    m.put(s.name(), 0L);
                }
                return m;
            });
            counts.put((String) r[1], ((Number) r[2]).longValue());
        }
        List<YearCounts> result = new ArrayList<>();
        byYear.forEach((y, m) -> result.add(new YearCounts(y, m)));
        return result;
    }

    public record LeadTimes(Integer budgetYear, long decided, Double medianHours, Double p90Hours) {
    }

    /**
     * Submission to final decision (approval or return) of decided cases, in hours; percentiles with
     * linear interpolation (PostgreSQL percentile_cont).
     */
    @Transactional
    public LeadTimes leadTimes(Integer budgetYear, Caller caller) {
        String department = caller.restrictedToDepartment().orElse(null);
        Object[] r = (Object[]) em.createNativeQuery("select count(*),"
                + " percentile_cont(0.5) within group (order by extract(epoch from decided_at - submitted_at)),"
                + " percentile_cont(0.9) within group (order by extract(epoch from decided_at - submitted_at))"
                + " from review_case where status <> 'OPEN'"
                + " and (cast(:year as integer) is null or budget_year = :year)"
                + " and (cast(:dept as varchar) is null or department_code = :dept)")
                .setParameter("year", budgetYear).setParameter("dept", department).getSingleResult();
        return new LeadTimes(budgetYear, ((Number) r[0]).longValue(), hours(r[1]), hours(r[2]));
    }

    public record ProjectReturns(UUID projectId, String projectName, String departmentCode, long returns, long rounds) {
    }

    /** Projects by how often they were returned (退回次数), most returned first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<ProjectReturns> returnsPerProject(Integer budgetYear, Caller caller, int limit) {
        String department = caller.restrictedToDepartment().orElse(null);
        List<Object[]> rows = em.createNativeQuery("select project_id, max(project_name), max(department_code),"
                + " count(*) filter (where status = 'RETURNED'), count(*) from review_case"
                + " where (cast(:year as integer) is null or budget_year = :year)"
                + " and (cast(:dept as varchar) is null or department_code = :dept)"
                + " group by project_id order by 4 desc, 2, 1 limit :limit")
                .setParameter("year", budgetYear).setParameter("dept", department).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(r -> new ProjectReturns((UUID) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue())).toList();
    }

    private static void count(long[] counter, boolean overdue) {
        counter[0]++;
        if (overdue) {
            counter[1]++;
        }
    }

    private static Double hours(Object seconds) {
        return seconds == null ? null : Math.round(((Number) seconds).doubleValue() / 3600.0 * 100.0) / 100.0;
    }
}
