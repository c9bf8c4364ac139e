package org.jixiao.common.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in commit order, one relay thread per service instance.
 *
 * <p>Woken right after each commit ({@link Outbox}); a poll every {@code jixiao.outbox.poll-interval}
 * is only the fallback for rows left behind while the broker was down or the service restarted. A row
 * is marked published only after the broker acknowledged it (acks=all, idempotent producer), so a
 * crash in between publishes it again: consumers de-duplicate by eventId.
 *
 * <p>A plain KafkaProducer rather than a SmallRye emitter: the relay needs a synchronous,
 * per-record acknowledgement within its own database transaction.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final String bootstrapServers;
    private final Duration pollInterval;
    private final int batchSize;
    private final MeterRegistry meters;
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private volatile boolean failing;
    private volatile String lastFailure;
    private ScheduledExecutorService executor;
    private Producer<String, String> producer;

    public OutboxRelay(OutboxRepository repository,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "jixiao.outbox.poll-interval", defaultValue = "1s") Duration pollInterval,
            @ConfigProperty(name = "jixiao.outbox.batch-size", defaultValue = "200") int batchSize,
            MeterRegistry meters) {
        this.repository = repository;
        this.bootstrapServers = bootstrapServers;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.meters = meters;
    }

    void start(@Observes StartupEvent event) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Fail fast while the broker is away: rows stay in the outbox and the next poll retries.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        meters.gauge("jixiao.outbox.pending", repository, r -> safeCount());
        long pollMillis = pollInterval.toMillis();
        executor.scheduleWithFixedDelay(this::drain, 0, pollMillis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    /** Ask for a drain now; calls while one is already queued collapse into it. */
    public void wake() {
        if (executor != null && drainQueued.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    drainQueued.set(false);
                    drain();
                });
            } catch (RuntimeException rejectedDuringShutdown) {
                drainQueued.set(false);
            }
        }
    }

    private void drain() {
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (published == batchSize);
            if (published < 0) {
                throw new IllegalStateException(lastFailure);
            }
            if (failing) {
                failing = false;
                LOG.info("outbox relay is publishing again");
            }
        } catch (RuntimeException e) {
            // Logged once per outage, not once per poll.
            if (!failing) {
                failing = true;
                LOG.warnf("outbox relay cannot publish, will retry every %s: %s", pollInterval, e.getMessage());
            }
        }
    }

    private int publishBatch() {
        List<OutboxEvent> rows = repository.lockOldestUnpublished(batchSize);
        List<Future<?>> acks = new ArrayList<>(rows.size());
        for (OutboxEvent row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.messageKey(), row.payload());
            record.headers().add("eventType", row.eventType().getBytes(StandardCharsets.UTF_8));
            record.headers().add("eventId", row.eventId().toString().getBytes(StandardCharsets.UTF_8));
            acks.add(producer.send(record));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < rows.size(); i++) {
            try {
                acks.get(i).get(15, TimeUnit.SECONDS);
                rows.get(i).markPublished(now);
            } catch (Exception e) {
                // Commit what the broker acknowledged; keep order by stopping at the first failure.
                rows.get(i).markFailed(e.toString());
                lastFailure = "event " + rows.get(i).eventId() + " (" + rows.get(i).eventType() + "): " + e.getMessage();
                return -1;
            }
        }
        return rows.size();
    }

    private long safeCount() {
        try {
            return QuarkusTransaction.requiringNew().call(repository::countUnpublished);
        } catch (RuntimeException e) {
            return -1;
        }
    }

}
