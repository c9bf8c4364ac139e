package org.jixiao.project.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.FrameworkPublished;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.messaging.Inbox;
import org.jixiao.project.service.FrameworkService;

/** Consumes the frameworks indicator-service publishes (topic jixiao.frameworks), each exactly once. */
@ApplicationScoped
public class FrameworkEventsConsumer {
    private final Inbox inbox;
    private final EventCodec codec;
    private final FrameworkService frameworks;

    public FrameworkEventsConsumer(Inbox inbox, EventCodec codec, FrameworkService frameworks) {
        this.inbox = inbox;
        this.codec = codec;
        this.frameworks = frameworks;
    }

    @Incoming("frameworks")
    @Blocking
    public void onEvent(String payload) {
        inbox.process(payload, event -> {
            if (EventTypes.FRAMEWORK_PUBLISHED.equals(event.eventType())) {
                frameworks.published(codec.data(event, FrameworkPublished.class));
            }
        });
    }
}
