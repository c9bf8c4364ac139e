package org.jixiao.approval.messaging;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jixiao.approval.service.CaseService;
import org.jixiao.approval.service.MonitoringService;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.IndicatorCheckCompleted;
import org.jixiao.common.events.MonitoringAssessed;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.messaging.Inbox;

/**
 * jixiao.indicator-checks: indicator-service's findings, stored even when they come before the case, and its
 * assessments of monitoring reports, which open their cases and update the project's warning.
 */
@Startup
@ApplicationScoped
public class CheckEventsConsumer {
    private static final Logger LOG = Logger.getLogger(CheckEventsConsumer.class);

    private final Inbox inbox;
    private final EventCodec codec;
    private final CaseService cases;
    private final MonitoringService monitoring;

    public CheckEventsConsumer(Inbox inbox, EventCodec codec, CaseService cases, MonitoringService monitoring) {
        this.inbox = inbox;
        this.codec = codec;
        this.cases = cases;
        this.monitoring = monitoring;
        inbox.handle(Topics.INDICATOR_CHECKS, this::apply);
    }

    @Incoming("check-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(record);
    }

    private void apply(EventEnvelope event) {
        if (EventTypes.INDICATOR_CHECK_COMPLETED.equals(event.eventType())) {
            cases.findingsArrived(event, codec.data(event, IndicatorCheckCompleted.class));
        } else if (EventTypes.MONITORING_ASSESSED.equals(event.eventType())) {
            monitoring.assessed(event, codec.data(event, MonitoringAssessed.class));
        } else {
            LOG.debugf("event type %s is not for approval-service", event.eventType());
        }
    }
}
