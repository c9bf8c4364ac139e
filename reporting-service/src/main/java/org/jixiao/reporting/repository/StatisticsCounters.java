package org.jixiao.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import org.jixiao.common.repository.DeltaCounters;
import org.jixiao.reporting.domain.ReportStatus;

/**
 * The year's statistics from the counters V9's triggers keep (what every counted project adds, per year, department,
 * status and group): a request sums a few hundred counter rows, not the year's projects. The counter tables are
 * compacted by the common {@link DeltaCounters}.
 */
@ApplicationScoped
public class StatisticsCounters {
    private static final List<String> SCOPE = List.of("budget_year", "department_code", "status");

    private final EntityManager em;

    public StatisticsCounters(EntityManager em) {
        this.em = em;
    }

    record CounterTable(String table, List<String> keys, List<String> sums) implements DeltaCounters.Table {
    }

    @Produces
    @Singleton
    DeltaCounters.Table projectCounters() {
        return new CounterTable("report_count_project", concat(SCOPE, "figure_department_code", "figure_department_name"),
                List.of("n", "funding", "targets", "quantified"));
    }

    @Produces
    @Singleton
    DeltaCounters.Table levelCounters() {
        return new CounterTable("report_count_level", concat(SCOPE, "level1", "level2"), List.of("n", "rows"));
    }

    @Produces
    @Singleton
    DeltaCounters.Table findingCounters() {
        return new CounterTable("report_count_finding", concat(SCOPE, "code", "severity"), List.of("n"));
    }

    private static List<String> concat(List<String> a, String... b) {
        return java.util.stream.Stream.concat(a.stream(), java.util.Arrays.stream(b)).toList();
    }

    /**
     * Per status and the document's department (code and name): [department code, department name, status, projects,
     * funding, targets, quantified]; funding a decimal, the rest whole numbers.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> projects(int budgetYear, String departmentCode, ReportStatus status) {
        return bind("select figure_department_code, figure_department_name, status, sum(n), sum(funding), sum(targets),"
                + " sum(quantified) from report_count_project" + where(departmentCode, status) + " group by 1, 2, 3"
                + " having sum(n) <> 0", budgetYear, departmentCode, status).getResultList();
    }

    /** [一级, 二级, projects, indicator rows]. */
    @SuppressWarnings("unchecked")
    public List<Object[]> levels(int budgetYear, String departmentCode, ReportStatus status) {
        return bind("select level1, level2, sum(n), sum(rows) from report_count_level" + where(departmentCode, status)
                + " group by 1, 2 having sum(n) <> 0", budgetYear, departmentCode, status).getResultList();
    }

    /** [code, severity, count]. */
    @SuppressWarnings("unchecked")
    public List<Object[]> findings(int budgetYear, String departmentCode, ReportStatus status) {
        return bind("select code, severity, sum(n) from report_count_finding" + where(departmentCode, status)
                + " group by 1, 2 having sum(n) <> 0", budgetYear, departmentCode, status).getResultList();
    }

    /**
     * [approvals with both instants, median, 90th percentile] of submission → approval in hours, interpolated
     * linearly: percentiles need the values, read in order from the year's index of counted lead times.
     */
    public Object[] leadTimes(int budgetYear, String departmentCode, ReportStatus status) {
        return (Object[]) bind("select count(*), percentile_cont(0.5) within group (order by lead_hours),"
                + " percentile_cont(0.9) within group (order by lead_hours) from report_counted" + where(departmentCode, status)
                + " and counted and lead_hours is not null", budgetYear, departmentCode, status).getSingleResult();
    }

    private static String where(String departmentCode, ReportStatus status) {
        return " where budget_year = :y" + (departmentCode == null ? "" : " and department_code = :d")
                + (status == null ? "" : " and status = :s");
    }

    private Query bind(String sql, int budgetYear, String departmentCode, ReportStatus status) {
        return ReportQueries.bind(em.createNativeQuery(sql), budgetYear, departmentCode, status);
    }
}
