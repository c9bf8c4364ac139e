package org.jixiao.indicator.messaging;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.messaging.Inbox;
import org.jixiao.indicator.service.CheckService;
import org.jixiao.indicator.service.LibraryService;

/** Checks every submitted or amended revision (jixiao.projects) and learns from approvals (jixiao.reviews), each event once. */
@Startup
@ApplicationScoped
public class ProjectEventsConsumer {
    private static final Logger LOG = Logger.getLogger(ProjectEventsConsumer.class);

    private final Inbox inbox;
    private final EventCodec codec;
    private final CheckService checks;
    private final LibraryService library;

    public ProjectEventsConsumer(Inbox inbox, EventCodec codec, CheckService checks, LibraryService library) {
        this.inbox = inbox;
        this.codec = codec;
        this.checks = checks;
        this.library = library;
        inbox.handle(Topics.PROJECTS, this::apply);
        inbox.handle(Topics.REVIEWS, this::apply);
    }

    @Incoming("projects")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(record);
    }

    private void apply(EventEnvelope event) {
        switch (event.eventType()) {
            case EventTypes.PROJECT_SUBMITTED, EventTypes.PROJECT_AMENDED ->
                checks.checkSubmitted(event.projectId(), event.revision(),
                        codec.data(event, ProjectSubmitted.class).project());
            case EventTypes.PROJECT_APPROVED -> library.learnFromApproval(event.projectId(), event.revision(),
                    event.occurredAt(), codec.data(event, ProjectApproved.class));
            default -> LOG.debugf("event type %s is not for indicator-service", event.eventType());
        }
    }
}
