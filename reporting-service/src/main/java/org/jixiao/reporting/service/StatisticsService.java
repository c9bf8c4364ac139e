package org.jixiao.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Actor;
import org.jixiao.reporting.domain.ReportProject;
import org.jixiao.reporting.domain.ReportStatus;
import org.jixiao.reporting.repository.ReportProjectRepository;
import org.jixiao.reporting.repository.RevisionStore;

/**
 * Figures for the dashboard from the read model: funding by department and by status, projects and
 * indicators by 一级/二级, findings by code. A project counts with its approved revision when it has
 * one, else with its latest.
 */
@ApplicationScoped
public class StatisticsService {
    private final ReportProjectRepository projects;
    private final RevisionStore revisions;

    public StatisticsService(ReportProjectRepository projects, RevisionStore revisions) {
        this.projects = projects;
        this.revisions = revisions;
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

    @Transactional
    public Statistics statistics(int budgetYear, String department, ReportStatus status, Actor actor) {
        String effective = actor.restrictedToDepartment().orElse(department);
        Map<String, Object[]> departments = new TreeMap<>();
        Map<String, Object[]> statuses = new TreeMap<>();
        Map<String, long[]> levels = new TreeMap<>();
        Map<String, long[]> findings = new TreeMap<>();
        long[] quantified = new long[2];
        List<Double> leadHours = new ArrayList<>();
        long projectCount = 0;
        long indicatorCount = 0;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (ReportProject p : projects.ofYear(budgetYear, effective, status)) {
            int revision = p.approvedRevision() != null ? p.approvedRevision() : p.latestRevision();
            ProjectDocument doc = revisions.document(p.projectId(), revision).orElse(null);
            if (doc == null) {
                continue;
            }
            BigDecimal funding = doc.funding() == null ? BigDecimal.ZERO : new BigDecimal(doc.funding());
            projectCount++;
            total = total.add(funding);
            add(departments, doc.departmentCode(), doc.departmentName(), funding);
            add(statuses, p.status().name(), null, funding);
            Set<String> seen = new HashSet<>();
            for (ProjectDocument.IndicatorRow r : doc.indicators() == null ? List.<ProjectDocument.IndicatorRow>of() : doc.indicators()) {
                String key = r.level1() + "\u0000" + r.level2();
                long[] c = levels.computeIfAbsent(key, k -> new long[2]);
                c[1]++;
                if (seen.add(key)) {
                    c[0]++;
                }
                indicatorCount++;
            }
            revisions.quantified(p.projectId(), revision).ifPresent(q -> {
                quantified[0] += q[0];
                quantified[1] += q[1];
            });
            if (p.approvedAt() != null && p.approvedSubmittedAt() != null) {
                leadHours.add(Duration.between(p.approvedSubmittedAt(), p.approvedAt()).toMillis() / 3_600_000.0);
            }
            for (RevisionStore.FindingCode finding : revisions.findingCodes(p.projectId(), p.latestRevision())) {
                findings.computeIfAbsent(finding.code() + "\u0000" + finding.severity(), k -> new long[1])[0]++;
            }
        }
        List<Level> byLevel = new ArrayList<>();
        levels.forEach((k, v) -> byLevel.add(new Level(k.split("\u0000")[0], k.split("\u0000")[1], v[0], v[1])));
        List<FindingCount> byCode = new ArrayList<>();
        findings.forEach((k, v) -> byCode.add(new FindingCount(k.split("\u0000")[0], k.split("\u0000")[1], v[0])));
        Collections.sort(leadHours);
        return new Statistics(budgetYear, projectCount, indicatorCount, total.toPlainString(), amounts(departments),
                amounts(statuses), byLevel, byCode,
                new Quantified(quantified[0], quantified[1], quantified[0] == 0 ? null : round(100.0 * quantified[1] / quantified[0])),
                new LeadTimes(leadHours.size(), percentile(leadHours, 0.5), percentile(leadHours, 0.9)));
    }

    private static Double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        double rank = p * (sorted.size() - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return round(sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (rank - lo));
    }

    private static double round(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    private static void add(Map<String, Object[]> map, String key, String name, BigDecimal funding) {
        Object[] v = map.computeIfAbsent(key, k -> new Object[] {name, 0L, BigDecimal.ZERO.setScale(2)});
        v[1] = (Long) v[1] + 1;
        v[2] = ((BigDecimal) v[2]).add(funding);
    }

    private static List<Amount> amounts(Map<String, Object[]> map) {
        List<Amount> list = new ArrayList<>();
        map.forEach((k, v) -> list.add(new Amount(k, (String) v[0], (Long) v[1], ((BigDecimal) v[2]).toPlainString())));
        return list;
    }
}
