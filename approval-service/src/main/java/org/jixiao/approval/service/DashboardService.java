package org.jixiao.approval.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jixiao.approval.domain.CaseStatus;
import org.jixiao.approval.domain.ReviewRoute;
import org.jixiao.approval.domain.WorkingDays;
import org.jixiao.approval.repository.DashboardRepository;
import org.jixiao.common.domain.Actor;

/** The figures of the approval dashboard, computed here so that no client has to join anything. */
@ApplicationScoped
public class DashboardService {
    /** The upper ends of the age bands, in working days in the stage: 0-2, 3-5, 6-10, then more. */
    private static final List<Integer> AGE_BANDS = List.of(2, 5, 10);

    private final DashboardRepository figures;
    private final ReadOnlyReads readOnly;

    public DashboardService(DashboardRepository figures, ReadOnlyReads readOnly) {
        this.figures = figures;
        this.readOnly = readOnly;
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

    /**
     * Open cases by stage, department and age in the stage (working days), with overdue counts. Without a
     * budget year, a stage's target is the one of the latest year that has cases at it.
     */
    @Transactional
    public Queues queues(Integer budgetYear, Actor actor) {
        readOnly.begin();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String department = actor.restrictedToDepartment().orElse(null);
        // between(entered, now) <= n exactly when entered is not before windowStart(now, n): bands become ranges.
        DashboardRepository.OpenCases open = figures.openCases(budgetYear, department, now,
                AGE_BANDS.stream().map(n -> WorkingDays.windowStart(now, n)).toList());
        List<StageQueue> byStage = open.byStage().stream()
                .sorted(Comparator.comparingInt(DashboardRepository.StageCount::stageIndex)
                        .thenComparing(DashboardRepository.StageCount::stageName))
                .map(s -> new StageQueue(s.stageIndex(), s.stageName(), s.targetDays() != null ? s.targetDays()
                        : ReviewRoute.defaultFor(s.latestYear()).stage(s.stageIndex()).targetDays(), s.open(), s.overdue()))
                .toList();
        List<DepartmentQueue> byDepartment = open.byDepartment().stream()
                .sorted(Comparator.comparing(DashboardRepository.DepartmentCount::departmentCode))
                .map(d -> new DepartmentQueue(d.departmentCode(), d.departmentName(), d.open(), d.overdue()))
                .toList();
        List<Long> ages = open.byAge();
        List<AgeBucket> byAge = List.of(new AgeBucket("0-2", ages.get(0)), new AgeBucket("3-5", ages.get(1)),
                new AgeBucket("6-10", ages.get(2)), new AgeBucket(">10", ages.get(3)));
        return new Queues(budgetYear, byStage.stream().mapToLong(StageQueue::open).sum(),
                byStage.stream().mapToLong(StageQueue::overdue).sum(), byStage, byDepartment, byAge);
    }

    public record YearCounts(int budgetYear, Map<String, Long> byStatus) {
    }

    @Transactional
    public List<YearCounts> countsByYear(Actor actor) {
        readOnly.begin();
        Map<Integer, Map<String, Long>> byYear = new TreeMap<>();
        for (var row : figures.countsByYearAndStatus(actor.restrictedToDepartment().orElse(null))) {
            byYear.computeIfAbsent(row.budgetYear(), y -> {
                Map<String, Long> m = new LinkedHashMap<>();
                // the figures are about declarations, which are never ACKNOWLEDGED
                for (CaseStatus s : List.of(CaseStatus.OPEN, CaseStatus.APPROVED, CaseStatus.RETURNED)) {
                    m.put(s.name(), 0L);
                }
                return m;
            }).put(row.status(), row.count());
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
    public LeadTimes leadTimes(Integer budgetYear, Actor actor) {
        readOnly.begin();
        var seconds = figures.leadTimes(budgetYear, actor.restrictedToDepartment().orElse(null));
        return new LeadTimes(budgetYear, seconds.decided(), hours(seconds.median()), hours(seconds.p90()));
    }

    public record ProjectReturns(UUID projectId, String projectName, String departmentCode, long returns, long rounds) {
    }

    /** Projects by how often they were returned (退回次数), most returned first. */
    @Transactional
    public List<ProjectReturns> returnsPerProject(Integer budgetYear, Actor actor, int limit) {
        readOnly.begin();
        return figures.returnsPerProject(budgetYear, actor.restrictedToDepartment().orElse(null), limit).stream()
                .map(r -> new ProjectReturns(r.projectId(), r.projectName(), r.departmentCode(), r.returns(), r.rounds()))
                .toList();
    }

    private static Double hours(Double seconds) {
        return seconds == null ? null : Math.round(seconds / 3600.0 * 100.0) / 100.0;
    }
}
