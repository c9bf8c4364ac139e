package org.jixiao.project.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.FrameworkPublished;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.messaging.Inbox;
import org.jixiao.project.repository.FrameworkRepository;

/** Keeps the frameworks indicator-service publishes (topic jixiao.frameworks) for local validation. */
@ApplicationScoped
public class FrameworkEventsConsumer {
    private final Inbox inbox;
    private final EventCodec codec;
    private final FrameworkRepository frameworks;

    public FrameworkEventsConsumer(Inbox inbox, EventCodec codec, FrameworkRepository frameworks) {
        this.inbox = inbox;
        this.codec = codec;
        this.frameworks = frameworks;
    }

    @Incoming("frameworks")
    @Blocking
    public void onEvent(String payload) {
        inbox.process(payload, event -> {
            if (EventTypes.FRAMEWORK_PUBLISHED.equals(event.eventType())) {
                FrameworkPublished published = codec.data(event, FrameworkPublished.class);
                frameworks.save(published.budgetYear(), published.framework());
            }
        });
    }
}
