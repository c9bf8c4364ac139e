package org.jixiao.reporting.messaging;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.Inbox;
import org.jixiao.reporting.service.ReadModelService;
import org.jixiao.reporting.service.RebuildService;

/** Builds the read model from all three topics, each event once; waits while a rebuild swaps the model. */
@Startup
@ApplicationScoped
public class ReportEventsConsumer {
    private final Inbox inbox;
    private final ReadModelService model;
    private final RebuildService rebuild;

    public ReportEventsConsumer(Inbox inbox, ReadModelService model, RebuildService rebuild) {
        this.inbox = inbox;
        this.model = model;
        this.rebuild = rebuild;
        for (String topic : List.of(Topics.PROJECTS, Topics.REVIEWS, Topics.INDICATOR_CHECKS)) {
            inbox.handle(topic, model::apply);
        }
    }

    @Incoming("events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        rebuild.whileLive(() -> inbox.process(record));
    }
}
