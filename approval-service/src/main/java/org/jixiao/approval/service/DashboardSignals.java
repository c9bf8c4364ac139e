package org.jixiao.approval.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;
import org.jixiao.approval.domain.ReviewCase;
import org.jixiao.approval.repository.SignalRepository;
import org.jixiao.common.contract.Json;

/**
 * What the dashboard stream pushes, announced with NOTIFY in the transaction that makes the change: every
 * instance hears it after the commit and passes it on to its own connected dashboards ({@link DashboardStream}).
 */
@ApplicationScoped
public class DashboardSignals {
    /** The NOTIFY channel every approval-service instance LISTENs on. */
    public static final String CHANNEL = "jixiao_dashboard";
    public static final String CASE = "case";
    public static final String WARNING = "warning";

    private final SignalRepository signals;
    private final ObjectMapper json;

    public DashboardSignals(SignalRepository signals, ObjectMapper json) {
        this.signals = signals;
        this.json = json;
    }

    /**
     * The payload of a {@code case} event: {@code change} opened or decided.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseSignal(String type, String change, UUID caseId, UUID projectId, String departmentCode,
            int budgetYear, String kind, String status, String period, Integer reportRevision) {
    }

    /** The payload of a {@code warning} event: the project's latest assessment changed; {@code warning} false when it no longer warns. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WarningSignal(String type, UUID projectId, String projectName, String departmentCode, int budgetYear,
            String period, LocalDate asOf, String overall, int warningLevel, boolean warning, UUID caseId) {
    }

    public void caseOpened(ReviewCase c) {
        caseChanged(c, "opened");
    }

    public void caseDecided(ReviewCase c) {
        caseChanged(c, "decided");
    }

    private void caseChanged(ReviewCase c, String change) {
        signals.signal(CHANNEL, Json.write(json, new CaseSignal(CASE, change, c.id(), c.projectId(), c.departmentCode(),
                c.budgetYear(), c.kind().name(), c.status().name(), c.period(), c.reportRevision())));
    }

    public void warningChanged(WarningSignal signal) {
        signals.signal(CHANNEL, Json.write(json, signal));
    }
}
