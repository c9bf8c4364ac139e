package org.jixiao.approval.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jixiao.approval.domain.ReviewCase;
import org.jixiao.approval.domain.Warning;
import org.jixiao.approval.domain.WarningFilter;
import org.jixiao.approval.repository.WarningRepository;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.MonitoringAssessed;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;

/** 双监控 in the bureau: an assessed report opens its case and becomes the project's warning when it is the latest. */
@ApplicationScoped
public class MonitoringService {
    private final CaseService cases;
    private final WarningRepository warnings;
    private final DashboardSignals signals;
    private final ReadOnlyReads readOnly;

    public MonitoringService(CaseService cases, WarningRepository warnings, DashboardSignals signals,
            ReadOnlyReads readOnly) {
        this.readOnly = readOnly;
        this.cases = cases;
        this.warnings = warnings;
        this.signals = signals;
    }

    /** MonitoringAssessed, in the inbox's transaction: the case (once per report revision) and the warning. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assessed(EventEnvelope event, MonitoringAssessed assessed) {
        ReviewCase reviewCase = cases.openReport(event, assessed);
        MonitoringAssessed.Assessment a = assessed.assessment();
        MonitoringAssessed.Budget budget = a.budget();
        Warning warning = Warning.of(a.rows() == null ? List.of() : a.rows().stream()
                .map(MonitoringAssessed.RowStatus::status).toList(), budget == null ? null : budget.status(),
                budget == null ? null : decimal(budget.lagPoints()));
        MonitoringAssessed.Subject project = assessed.project();
        int before = warnings.levelOf(event.projectId()).orElse(0);
        boolean latest = warnings.saveIfLatest(new WarningRepository.Row(event.projectId(), project.name(),
                project.departmentCode(), project.budgetYear(), assessed.period(), assessed.asOf(),
                assessed.reportRevision(), a.overall(), warning.budgetStatus(), warning.lagPoints(),
                budget == null ? null : decimal(budget.executionRate()), warning.onTrack(), warning.atRisk(),
                warning.offTrack(), warning.notAssessable(), warning.level(), reviewCase.id()));
        // a project that neither warned nor warns has nothing to show on the warnings dashboard
        if (latest && (warning.isWarning() || before > 0)) {
            signals.warningChanged(new DashboardSignals.WarningSignal(DashboardSignals.WARNING, event.projectId(),
                    project.name(), project.departmentCode(), project.budgetYear(), assessed.period(), assessed.asOf(),
                    a.overall(), warning.level(), warning.isWarning(), reviewCase.id()));
        }
    }

    @Schema(description = "a project's budget execution at its latest assessment")
    public record BudgetView(@Schema(description = "ON_TRACK, AT_RISK, OFF_TRACK or NOT_ASSESSABLE") String status,
            @Schema(description = "time progress minus execution rate, percentage points (positive: spending lags)") String lagPoints,
            @Schema(description = "spent / funding (执行率), four places") String executionRate) {
    }

    @Schema(description = "rows of the latest assessment per status")
    public record StatusCounts(int onTrack, int atRisk, int offTrack, int notAssessable) {
    }

    @Schema(name = "ProjectWarning", description = "预警: a project whose latest assessment has AT_RISK or OFF_TRACK rows or budget lag")
    public record WarningItem(UUID projectId, String name, String departmentCode, int budgetYear,
            @Schema(description = "the report's period, YYYY-MM") String period,
            @Schema(description = "the report's cut-off date") LocalDate asOf,
            @Schema(description = "the worst status of rows and budget") String overall,
            BudgetView budget, StatusCounts counts,
            @Schema(description = "the review case of that report") UUID caseId) {
    }

    /** The projects with a warning, worst first; a department sees its own department's only. */
    @Transactional
    public Page<WarningItem> warnings(WarningFilter filter, PageRequest request, Actor actor) {
        readOnly.begin();
        WarningFilter effective = actor.restrictedToDepartment().map(filter::withDepartment).orElse(filter);
        return warnings.page(effective, request).map(r -> new WarningItem(r.projectId(), r.projectName(),
                r.departmentCode(), r.budgetYear(), r.period(), r.asOf(), r.overall(),
                new BudgetView(r.budgetStatus(), plain(r.lagPoints()), plain(r.executionRate())),
                new StatusCounts(r.onTrack(), r.atRisk(), r.offTrack(), r.notAssessable()), r.caseId()));
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static BigDecimal decimal(String value) {
        return value == null || value.isBlank() ? null : new BigDecimal(value);
    }
}
