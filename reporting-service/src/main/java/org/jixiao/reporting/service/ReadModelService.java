package org.jixiao.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.jixiao.common.contract.Json;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.IndicatorCheckCompleted;
import org.jixiao.common.events.MonitoringAssessed;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.messaging.MalformedEventException;
import org.jixiao.reporting.domain.Approval;
import org.jixiao.reporting.domain.MonitoringRecord;
import org.jixiao.reporting.domain.MonitoringStatus;
import org.jixiao.reporting.domain.ReadModel;
import org.jixiao.reporting.domain.ReadModelFold;
import org.jixiao.reporting.domain.RevisionCheck;
import org.jixiao.reporting.repository.DatabaseReadModel;

/**
 * Turns events into steps of the {@link ReadModelFold}. The same mapping serves the live consumer (into
 * the database, inside the inbox's transaction) and the rebuild (into memory batch by batch, then written to the
 * tables), so both build the same model.
 */
@ApplicationScoped
public class ReadModelService {
    private static final Logger LOG = Logger.getLogger(ReadModelService.class);

    private final EventCodec codec;
    private final ObjectMapper json;
    private final DatabaseReadModel database;

    public ReadModelService(EventCodec codec, ObjectMapper json, DatabaseReadModel database) {
        this.codec = codec;
        this.json = json;
        this.database = database;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(EventEnvelope event) {
        apply(event, database);
    }

    public void apply(EventEnvelope event, ReadModel model) {
        ReadModelFold fold = new ReadModelFold(model);
        switch (event.eventType()) {
            case EventTypes.PROJECT_SUBMITTED, EventTypes.PROJECT_AMENDED -> fold.onSubmitted(event.projectId(),
                    event.revision(), codec.data(event, ProjectSubmitted.class).project(), event.occurredAt());
            case EventTypes.PROJECT_APPROVED -> {
                ProjectApproved data = codec.data(event, ProjectApproved.class);
                fold.onApproved(event.projectId(), event.revision(), data.project(),
                        new Approval(data.approvalNumber(), data.approvedBy(), data.approvedAt(), data.grade()));
            }
            case EventTypes.PROJECT_RETURNED -> fold.onReturned(event.projectId(), event.revision());
            case EventTypes.INDICATOR_CHECK_COMPLETED -> {
                IndicatorCheckCompleted check = codec.data(event, IndicatorCheckCompleted.class);
                fold.onChecked(event.projectId(), event.revision(),
                        new RevisionCheck(Json.write(json, check.findings()), check.targets(), check.quantifiedTargets(),
                                check.readings() == null ? null : Json.write(json, check.readings())));
            }
            case EventTypes.MONITORING_ASSESSED -> model.saveMonitoring(
                    monitoringRecord(event, codec.data(event, MonitoringAssessed.class)));
            default -> LOG.debugf("event type %s is not for reporting-service", event.eventType());
        }
    }

    /**
     * The columns the year view sorts and filters on, taken from the assessment; the whole data is kept as it
     * came for the per-project tables. An event without what every table needs can never be shown: a dead letter.
     */
    MonitoringRecord monitoringRecord(EventEnvelope event, MonitoringAssessed a) {
        if (a.project() == null || a.assessment() == null || a.period() == null || a.asOf() == null
                || a.period().length() != 7 || a.project().departmentCode() == null || a.project().name() == null) {
            throw new MalformedEventException("MonitoringAssessed " + event.eventId() + " lacks its period, asOf, project or assessment");
        }
        int[] counts = new int[MonitoringStatus.values().length];
        List<MonitoringAssessed.RowStatus> rows = a.assessment().rows() == null ? List.of() : a.assessment().rows();
        for (MonitoringAssessed.RowStatus row : rows) {
            for (MonitoringStatus s : MonitoringStatus.values()) {
                if (s.name().equals(row.status())) {
                    counts[s.ordinal()]++;
                }
            }
        }
        MonitoringAssessed.Budget budget = a.assessment().budget();
        boolean hasBudget = budget != null;
        return new MonitoringRecord(event.projectId(), a.period(), a.reportRevision(), a.project().approvedRevision(),
                a.project().budgetYear(), a.project().departmentCode(), a.project().departmentName(), a.project().name(),
                a.asOf(), a.finalReport(), a.assessment().overall(),
                decimal(event, hasBudget && budget.funding() != null ? budget.funding() : a.project().funding()),
                decimal(event, hasBudget && budget.spent() != null ? budget.spent() : a.spent()),
                decimal(event, hasBudget ? budget.executionRate() : null), decimal(event, hasBudget ? budget.timeProgress() : null),
                decimal(event, hasBudget ? budget.lagPoints() : null), hasBudget ? budget.status() : null,
                counts[MonitoringStatus.ON_TRACK.ordinal()], counts[MonitoringStatus.AT_RISK.ordinal()],
                counts[MonitoringStatus.OFF_TRACK.ordinal()], counts[MonitoringStatus.NOT_ASSESSABLE.ordinal()],
                a.score() == null ? null : decimal(event, a.score().total()), a.score() == null ? null : a.score().grade(),
                event.occurredAt(), Json.write(json, a));
    }

    private static BigDecimal decimal(EventEnvelope event, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new MalformedEventException("MonitoringAssessed " + event.eventId() + " carries '" + value + "' for a decimal", e);
        }
    }
}
