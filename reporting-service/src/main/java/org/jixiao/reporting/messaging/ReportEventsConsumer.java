package org.jixiao.reporting.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.IndicatorCheckCompleted;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.messaging.Inbox;
import org.jixiao.reporting.service.ReadModelService;

/** Builds the read model from all three topics, each event once. */
@ApplicationScoped
public class ReportEventsConsumer {
    private static final Logger LOG = Logger.getLogger(ReportEventsConsumer.class);

    private final Inbox inbox;
    private final EventCodec codec;
    private final ReadModelService model;

    public ReportEventsConsumer(Inbox inbox, EventCodec codec, ReadModelService model) {
        this.inbox = inbox;
        this.codec = codec;
        this.model = model;
    }

    @Incoming("events")
    @Blocking
    public void onEvent(String payload) {
        inbox.process(payload, this::apply);
    }

    private void apply(EventEnvelope event) {
        switch (event.eventType()) {
            case EventTypes.PROJECT_SUBMITTED, EventTypes.PROJECT_AMENDED ->
                model.submitted(event, codec.data(event, ProjectSubmitted.class));
            case EventTypes.PROJECT_APPROVED -> model.approved(event, codec.data(event, ProjectApproved.class));
            case EventTypes.PROJECT_RETURNED -> model.returned(event);
            case EventTypes.INDICATOR_CHECK_COMPLETED ->
                model.findings(event, codec.data(event, IndicatorCheckCompleted.class));
            default -> LOG.debugf("event type %s is not for reporting-service", event.eventType());
        }
    }
}
