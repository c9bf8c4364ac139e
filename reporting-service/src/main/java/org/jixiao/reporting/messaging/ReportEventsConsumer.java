package org.jixiao.reporting.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jixiao.common.messaging.Inbox;
import org.jixiao.reporting.service.ReadModelService;
import org.jixiao.reporting.service.RebuildService;

/** Builds the read model from all three topics, each event once; waits while a rebuild swaps the model. */
@ApplicationScoped
public class ReportEventsConsumer {
    private final Inbox inbox;
    private final ReadModelService model;
    private final RebuildService rebuild;

    public ReportEventsConsumer(Inbox inbox, ReadModelService model, RebuildService rebuild) {
        this.inbox = inbox;
        this.model = model;
        this.rebuild = rebuild;
    }

    @Incoming("events")
    @Blocking
    public void onEvent(String payload) {
        rebuild.whileLive(() -> inbox.process(payload, model::apply));
    }
}
