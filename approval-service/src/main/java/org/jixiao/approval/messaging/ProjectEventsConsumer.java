package org.jixiao.approval.messaging;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jixiao.approval.service.CaseService;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.messaging.Inbox;

/** jixiao.projects: a submission or an amendment opens the case of its revision, once per event. */
@Startup
@ApplicationScoped
public class ProjectEventsConsumer {
    private static final Logger LOG = Logger.getLogger(ProjectEventsConsumer.class);

    private final Inbox inbox;
    private final EventCodec codec;
    private final CaseService cases;

    public ProjectEventsConsumer(Inbox inbox, EventCodec codec, CaseService cases) {
        this.inbox = inbox;
        this.codec = codec;
        this.cases = cases;
        inbox.handle(Topics.PROJECTS, this::apply);
    }

    @Incoming("project-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(record);
    }

    private void apply(EventEnvelope event) {
        switch (event.eventType()) {
            case EventTypes.PROJECT_SUBMITTED, EventTypes.PROJECT_AMENDED ->
                cases.open(event, codec.data(event, ProjectSubmitted.class));
            // A type added to the topic later is recorded as seen and otherwise left alone.
            default -> LOG.debugf("event type %s is not for approval-service", event.eventType());
        }
    }
}
