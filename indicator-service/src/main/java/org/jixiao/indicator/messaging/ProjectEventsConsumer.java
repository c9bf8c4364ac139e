package org.jixiao.indicator.messaging;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.MonitoringReported;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.messaging.Inbox;
import org.jixiao.common.messaging.MalformedEventException;
import org.jixiao.indicator.service.CheckService;
import org.jixiao.indicator.service.LibraryService;
import org.jixiao.indicator.service.MonitoringService;

/**
 * Checks every submitted or amended revision and assesses every monitoring report (jixiao.projects), and learns
 * from approvals (jixiao.reviews), each event once.
 */
@Startup
@ApplicationScoped
public class ProjectEventsConsumer {
    private static final Logger LOG = Logger.getLogger(ProjectEventsConsumer.class);

    private final Inbox inbox;
    private final EventCodec codec;
    private final CheckService checks;
    private final LibraryService library;
    private final MonitoringService monitoring;

    public ProjectEventsConsumer(Inbox inbox, EventCodec codec, CheckService checks, LibraryService library,
            MonitoringService monitoring) {
        this.inbox = inbox;
        this.codec = codec;
        this.checks = checks;
        this.library = library;
        this.monitoring = monitoring;
        inbox.handle(Topics.PROJECTS, this::apply);
        inbox.handle(Topics.REVIEWS, this::apply);
    }

    @Incoming("projects")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(record);
    }

    /**
     * A report that cannot be assessed at all fails the same way on every delivery: it becomes a dead letter
     * (kept for an admin, the partition moves on) instead of being retried for ever. Anything else that fails
     * (the database away) is retried by the inbox.
     */
    private void assess(EventEnvelope event) {
        MonitoringReported reported = codec.data(event, MonitoringReported.class);
        try {
            monitoring.assessReported(event.eventId(), event.projectId(), event.revision(), reported);
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID) {
                throw e;
            }
            throw new MalformedEventException(e.code() + ": " + e.getMessage() + e.violations().stream()
                    .map(v -> " (" + v.pointer() + ": " + v.message() + ")").collect(Collectors.joining()), e);
        }
    }

    private void apply(EventEnvelope event) {
        switch (event.eventType()) {
            case EventTypes.PROJECT_SUBMITTED, EventTypes.PROJECT_AMENDED ->
                checks.checkSubmitted(event.projectId(), event.revision(),
                        codec.data(event, ProjectSubmitted.class).project());
            case EventTypes.MONITORING_REPORTED -> assess(event);
            case EventTypes.PROJECT_APPROVED -> library.learnFromApproval(event.projectId(), event.revision(),
                    event.occurredAt(), codec.data(event, ProjectApproved.class));
            default -> LOG.debugf("event type %s is not for indicator-service", event.eventType());
        }
    }
}
