package org.jixiao.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jixiao.common.domain.Actor;
import org.jixiao.reporting.domain.ReportStatus;
import org.jixiao.reporting.repository.StatisticsCounters;

/**
 * Figures for the dashboard from the read model: funding by department and by status, projects and
 * indicators by 一级/二级, findings by code. A project counts with its approved revision when it has
 * one, else with its latest.
 */
@ApplicationScoped
public class StatisticsService {
    private final StatisticsCounters counters;

    public StatisticsService(StatisticsCounters counters) {
        this.counters = counters;
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
     * Summed from the counters V9 keeps (a few hundred rows, whatever the year's size; the lead times' percentiles
     * from the year's ordered index); only the groups come back — departments and their names, statuses, 一级/二级
     * pairs, finding codes — and are ordered here as they always were (Java's string order). A department is named
     * as most of its counted projects' documents name it (equally many: the first name in that order).
     */
    @Transactional
    public Statistics statistics(int budgetYear, String department, ReportStatus status, Actor actor) {
        String effective = actor.restrictedToDepartment().orElse(department);
        Map<String, GroupSum> departments = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        Map<String, GroupSum> statuses = new TreeMap<>();
        long projectCount = 0;
        long targets = 0;
        long quantified = 0;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Object[] g : counters.projects(budgetYear, effective, status)) {
            long count = ((Number) g[3]).longValue();
            BigDecimal funding = (BigDecimal) g[4];
            departments.computeIfAbsent((String) g[0], k -> new GroupSum()).add((String) g[1], count, funding);
            statuses.computeIfAbsent((String) g[2], k -> new GroupSum()).add(null, count, funding);
            projectCount += count;
            total = total.add(funding);
            targets += ((Number) g[5]).longValue();
            quantified += ((Number) g[6]).longValue();
        }
        Map<String, long[]> levels = new TreeMap<>();
        long indicatorCount = 0;
        for (Object[] l : counters.levels(budgetYear, effective, status)) {
            long rows = ((Number) l[3]).longValue();
            levels.put(l[0] + "\u0000" + l[1], new long[] {((Number) l[2]).longValue(), rows});
            indicatorCount += rows;
        }
        Map<String, long[]> findings = new TreeMap<>();
        for (Object[] f : counters.findings(budgetYear, effective, status)) {
            findings.put(f[0] + "\u0000" + f[1], new long[] {((Number) f[2]).longValue()});
        }
        Object[] lead = counters.leadTimes(budgetYear, effective, status);
        List<Level> byLevel = new ArrayList<>();
        levels.forEach((k, v) -> byLevel.add(new Level(k.split("\u0000")[0], k.split("\u0000")[1], v[0], v[1])));
        List<FindingCount> byCode = new ArrayList<>();
        findings.forEach((k, v) -> byCode.add(new FindingCount(k.split("\u0000")[0], k.split("\u0000")[1], v[0])));
        List<Amount> byDepartment = new ArrayList<>();
        departments.forEach((code, d) -> byDepartment.add(new Amount(code, d.name(), d.projects, scaled(d.funding))));
        List<Amount> byStatus = new ArrayList<>();
        statuses.forEach((key, d) -> byStatus.add(new Amount(key, null, d.projects, scaled(d.funding))));
        return new Statistics(budgetYear, projectCount, indicatorCount, total.toPlainString(), byDepartment, byStatus,
                byLevel, byCode, new Quantified(targets, quantified, targets == 0 ? null : round(100.0 * quantified / targets)),
                new LeadTimes(((Number) lead[0]).longValue(), rounded(lead[1]), rounded(lead[2])));
    }

    /** A group's projects and funding, and for a department how many of its documents give each name. */
    private static final class GroupSum {
        long projects;
        BigDecimal funding = BigDecimal.ZERO;
        final Map<String, Long> names = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));

        void add(String name, long count, BigDecimal amount) {
            projects += count;
            funding = funding.add(amount);
            names.merge(name, count, Long::sum);
        }

        String name() {
            String best = null;
            long most = 0;
            for (Map.Entry<String, Long> n : names.entrySet()) {
                if (n.getValue() > most) {
                    best = n.getKey();
                    most = n.getValue();
                }
            }
            return best;
        }
    }

    private static String scaled(BigDecimal amount) {
        return BigDecimal.ZERO.setScale(2).add(amount).toPlainString();
    }

    private static Double rounded(Object percentile) {
        return percentile == null ? null : round(((Number) percentile).doubleValue());
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
