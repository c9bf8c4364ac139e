package org.jixiao.approval.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jixiao.approval.service.CaseService;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.IndicatorCheckCompleted;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.messaging.Inbox;

/** Opens cases from submissions and amendments, attaches indicator-service's findings; each event once. */
@ApplicationScoped
public class ApprovalEventsConsumer {
    private static final Logger LOG = Logger.getLogger(ApprovalEventsConsumer.class);

    private final Inbox inbox;
    private final EventCodec codec;
    private final CaseService cases;

    public ApprovalEventsConsumer(Inbox inbox, EventCodec codec, CaseService cases) {
        this.inbox = inbox;
        this.codec = codec;
        this.cases = cases;
    }

    @Incoming("project-events")
    @Blocking
    public void onEvent(String payload) {
        inbox.process(payload, this::apply);
    }

    private void apply(EventEnvelope event) {
        switch (event.eventType()) {
            case EventTypes.PROJECT_SUBMITTED, EventTypes.PROJECT_AMENDED ->
                cases.open(event, codec.data(event, ProjectSubmitted.class));
            case EventTypes.INDICATOR_CHECK_COMPLETED ->
                cases.findingsArrived(event, codec.data(event, IndicatorCheckCompleted.class));
            default -> LOG.debugf("event type %s is not for approval-service", event.eventType());
        }
    }
}
