package org.jixiao.project.messaging;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.MonitoringReviewed;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.ProjectReturned;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.messaging.Inbox;
import org.jixiao.project.service.DecisionService;
import org.jixiao.project.service.MonitoringService;

/**
 * Consumes approval-service's decisions (topic jixiao.reviews), each exactly once: on declarations and on
 * monitoring reports.
 */
@Startup
@ApplicationScoped
public class ReviewEventsConsumer {
    private static final Logger LOG = Logger.getLogger(ReviewEventsConsumer.class);

    private final Inbox inbox;
    private final EventCodec codec;
    private final DecisionService decisions;
    private final MonitoringService monitoring;

    public ReviewEventsConsumer(Inbox inbox, EventCodec codec, DecisionService decisions, MonitoringService monitoring) {
        this.inbox = inbox;
        this.codec = codec;
        this.decisions = decisions;
        this.monitoring = monitoring;
        inbox.handle(Topics.REVIEWS, this::apply);
    }

    @Incoming("reviews")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(record);
    }

    private void apply(EventEnvelope event) {
        switch (event.eventType()) {
            case EventTypes.PROJECT_APPROVED ->
                decisions.approved(event.projectId(), event.revision(), codec.data(event, ProjectApproved.class));
            case EventTypes.PROJECT_RETURNED ->
                decisions.returned(event.projectId(), event.revision(), codec.data(event, ProjectReturned.class));
            case EventTypes.MONITORING_REVIEWED ->
                monitoring.reviewed(event.projectId(), codec.data(event, MonitoringReviewed.class));
            default -> LOG.debugf("event type %s is not for project-service", event.eventType());
        }
    }
}
