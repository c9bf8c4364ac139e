package org.jixiao.reporting.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.jixiao.common.contract.Json;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.IndicatorCheckCompleted;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.reporting.domain.Approval;
import org.jixiao.reporting.domain.ReadModel;
import org.jixiao.reporting.domain.ReadModelFold;
import org.jixiao.reporting.domain.RevisionCheck;
import org.jixiao.reporting.repository.DatabaseReadModel;

/**
 * Turns events into steps of the {@link ReadModelFold}. The same mapping serves the live consumer (into
 * the database, inside the inbox's transaction) and the rebuild (into memory, then swapped in), so both
 * build the same model.
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
            default -> LOG.debugf("event type %s is not for reporting-service", event.eventType());
        }
    }
}
