package org.jixiao.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jixiao.common.domain.Actor;
import org.jixiao.reporting.domain.ReportStatus;
import org.jixiao.reporting.repository.ReportQueries;

/**
 * Figures for the dashboard from the read model: funding by department and by status, projects and
 * indicators by 一级/二级, findings by code. A project counts with its approved revision when it has
 * one, else with its latest.
 */
@ApplicationScoped
public class StatisticsService {
    private final ReportQueries queries;

    public StatisticsService(ReportQueries queries) {
        this.queries = queries;
    }

    /** funding: 元 as a decimal string, like every amount Jixiao answers. */
    public record Amount(String key, String name, long projects, String funding) {
    }

    public record Level(String level1, String level2, long projects, long indicators) {
    }

    public record FindingCount(String code, String severity, long count) {
    }

    /** Share of targets indicator-service could read as a number or a time (量化指标占比). */
    public record Quantified(long targets, long quantified, Double share) {
    }

    /** Submission of the approved revision → approval, in hours; percentiles interpolated linearly. */
    public record LeadTimes(long approved, Double medianHours, Double p90Hours) {
    }

    public record Statistics(int budgetYear, long projects, long indicators, String funding, List<Amount> byDepartment,
            List<Amount> byStatus, List<Level> byLevel, List<FindingCount> findings, Quantified quantifiedTargets,
            LeadTimes approvalLeadTimes) {
    }

    /**
     * Aggregated in SQL (a handful of statements, whatever the year's size); only the groups come back — departments,
     * statuses, 一级/二级 pairs, finding codes — and are ordered here as they always were (Java's string order).
     */
    @Transactional
    public Statistics statistics(int budgetYear, String department, ReportStatus status, Actor actor) {
        String effective = actor.restrictedToDepartment().orElse(department);
        Map<String, Object[]> departments = new TreeMap<>();
        Map<String, Object[]> statuses = new TreeMap<>();
        long projectCount = 0;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Object[] g : queries.fundingByDepartmentAndStatus(budgetYear, effective, status)) {
            long count = ((Number) g[4]).longValue();
            BigDecimal funding = (BigDecimal) g[5];
            if (((Number) g[0]).intValue() == 0) {
                departments.put((String) g[1], new Object[] {g[3], count, BigDecimal.ZERO.setScale(2).add(funding)});
                projectCount += count;
                total = total.add(funding);
            } else {
                statuses.put((String) g[2], new Object[] {null, count, BigDecimal.ZERO.setScale(2).add(funding)});
            }
        }
        Map<String, long[]> levels = new TreeMap<>();
        long indicatorCount = 0;
        for (Object[] l : queries.indicatorsByLevel(budgetYear, effective, status)) {
            long rows = ((Number) l[3]).longValue();
            levels.put(l[0] + "\u0000" + l[1], new long[] {((Number) l[2]).longValue(), rows});
            indicatorCount += rows;
        }
        Map<String, long[]> findings = new TreeMap<>();
        for (Object[] f : queries.findings(budgetYear, effective, status)) {
            findings.put(f[0] + "\u0000" + f[1], new long[] {((Number) f[2]).longValue()});
        }
        Object[] q = queries.quantified(budgetYear, effective, status);
        long targets = ((Number) q[0]).longValue();
        long quantified = ((Number) q[1]).longValue();
        Object[] lead = queries.leadTimes(budgetYear, effective, status);
        List<Level> byLevel = new ArrayList<>();
        levels.forEach((k, v) -> byLevel.add(new Level(k.split("\u0000")[0], k.split("\u0000")[1], v[0], v[1])));
        List<FindingCount> byCode = new ArrayList<>();
        findings.forEach((k, v) -> byCode.add(new FindingCount(k.split("\u0000")[0], k.split("\u0000")[1], v[0])));
        return new Statistics(budgetYear, projectCount, indicatorCount, total.toPlainString(), amounts(departments),
                amounts(statuses), byLevel, byCode,
                new Quantified(targets, quantified, targets == 0 ? null : round(100.0 * quantified / targets)),
                new LeadTimes(((Number) lead[0]).longValue(), rounded(lead[1]), rounded(lead[2])));
    }

    private static Double rounded(Object percentile) {
        return percentile == null ? null : round(((Number) percentile).doubleValue());
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    private static List<Amount> amounts(Map<String, Object[]> map) {
        List<Amount> list = new ArrayList<>();
        map.forEach((k, v) -> list.add(new Amount(k, (String) v[0], (Long) v[1], ((BigDecimal) v[2]).toPlainString())));
        return list;
    }
}
