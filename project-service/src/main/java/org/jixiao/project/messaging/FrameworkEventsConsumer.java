package org.jixiao.project.messaging;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.FrameworkPublished;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.messaging.Inbox;
import org.jixiao.project.service.FrameworkService;

/** Consumes the frameworks indicator-service publishes (topic jixiao.frameworks), each exactly once. */
@Startup
@ApplicationScoped
public class FrameworkEventsConsumer {
    private final Inbox inbox;
    private final EventCodec codec;
    private final FrameworkService frameworks;

    public FrameworkEventsConsumer(Inbox inbox, EventCodec codec, FrameworkService frameworks) {
        this.inbox = inbox;
        this.codec = codec;
        this.frameworks = frameworks;
        inbox.handle(Topics.FRAMEWORKS, event -> {
            if (EventTypes.FRAMEWORK_PUBLISHED.equals(event.eventType())) {
                frameworks.published(codec.data(event, FrameworkPublished.class));
            }
        });
    }

    @Incoming("frameworks")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.process(record);
    }
}
