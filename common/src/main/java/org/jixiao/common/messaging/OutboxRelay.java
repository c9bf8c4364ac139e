package org.jixiao.common.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jixiao.common.events.Topics;

/**
 * Publishes outbox rows to Kafka, each project's rows in the order they were written.
 *
 * <p>Woken right after each commit ({@link Outbox}); a poll every {@code jixiao.outbox.poll-interval} is
 * only the fallback for rows left behind while the broker was down or the service restarted. Each row is
 * marked published by its own acknowledgement (acks=all, idempotent producer); a crash in between publishes
 * it again, and consumers de-duplicate by eventId.
 *
 * <p>Rows go out in waves: the oldest row of every key first, then the next row of every key whose previous
 * row was acknowledged. A row the broker refuses for good (too large, invalid topic, not authorised) is
 * parked and logged once; the later rows of its key wait behind it while other keys keep flowing. A
 * transient failure (broker away) leaves the row for the next poll.
 *
 * <p>Several instances of a service run a relay each over the same outbox table. A key's order holds between
 * them because a relay publishes a key's rows only while it holds that key's transaction-level advisory lock
 * ({@link OutboxRepository#lockPublishableKeys}) and reads the rows after taking it: the lock makes the
 * instances take turns per key, and the read after the lock starts at the key's oldest unpublished row, so
 * no instance can send row 2 of a project while another still holds row 1 (the old {@code SKIP LOCKED} on
 * rows allowed exactly that). Keys are spread over the instances, each committing on its own, so the
 * publish-after-commit fast path stays on every instance. A relay that dies mid-publish loses its connection,
 * PostgreSQL aborts its transaction and releases its keys; the next relay republishes what was not marked.
 * Advisory locks need no privilege beyond connecting.
 *
 * <p>This relies on the writers of one key serializing on their aggregate (a project's rows are written by
 * transactions that update the project row), so that the {@code seq} order of a key's rows is their commit order.
 *
 * <p>Duplicates are possible, never reordering: a relay that sent rows and died (or lost its connection)
 * before its commit leaves them unmarked, and the next holder sends them again; late sends of such a
 * relay's producer may land after the new holder's. Both streams run from the same oldest unpublished row in
 * order, so keeping the first delivery of each eventId ({@link Inbox}) leaves the key's events in order.
 *
 * <p>When a key it wants is held by another instance, a relay looks again after {@link #BUSY_RETRY} rather
 * than the polling interval: a row committed here while the other instance was finishing that key is then
 * published with a delay of that instance's batch, not of a poll.
 *
 * <p>A plain KafkaProducer rather than a SmallRye emitter: the relay needs a synchronous, per-record
 * acknowledgement within its own database transaction. Being no channel, it gets no tracing from Quarkus either,
 * and it runs after the request's commit on its own thread: each send is a producer span whose parent is the
 * trace context stored with the row, and that span's context goes out in the record's {@code traceparent} and
 * {@code tracestate} headers, so a row the polling fallback publishes minutes later still continues its trace.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final Duration BUSY_RETRY = Duration.ofMillis(100);

    private final OutboxRepository repository;
    private final KafkaClients clients;
    private final Duration pollInterval;
    private final int batchSize;
    private final MeterRegistry meters;
    private final UnaryOperator<Producer<String, String>> producerDecorator;
    private final Tracer tracer;
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final AtomicBoolean retryQueued = new AtomicBoolean();
    private volatile boolean failing;
    private ScheduledExecutorService executor;
    private Producer<String, String> producer;

    @Inject
    public OutboxRelay(OutboxRepository repository, KafkaClients clients,
            @ConfigProperty(name = "jixiao.outbox.poll-interval", defaultValue = "1s") Duration pollInterval,
            @ConfigProperty(name = "jixiao.outbox.batch-size", defaultValue = "200") int batchSize,
            MeterRegistry meters, OpenTelemetry openTelemetry) {
        this(repository, clients, pollInterval, batchSize, meters, UnaryOperator.identity(), openTelemetry);
    }

    /**
     * A relay outside CDI, as another instance of the service would run one — tests start a second (or a
     * deliberately slow) relay over the same outbox this way. Not started: {@link #publishPending()} drains it on
     * the caller's thread, {@link #close()} ends it. {@code producerDecorator} wraps its Kafka producer. It makes
     * no spans of its own; the rows' trace context still goes out in the record headers.
     */
    public OutboxRelay(OutboxRepository repository, KafkaClients clients, Duration pollInterval, int batchSize,
            MeterRegistry meters, UnaryOperator<Producer<String, String>> producerDecorator) {
        this(repository, clients, pollInterval, batchSize, meters, producerDecorator, OpenTelemetry.noop());
    }

    private OutboxRelay(OutboxRepository repository, KafkaClients clients, Duration pollInterval, int batchSize,
            MeterRegistry meters, UnaryOperator<Producer<String, String>> producerDecorator,
            OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("org.jixiao.outbox-relay");
        this.repository = repository;
        this.clients = clients;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.meters = meters;
        this.producerDecorator = producerDecorator;
    }

    void start(@Observes StartupEvent event) {
        producer = newProducer();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        meters.gauge("jixiao.outbox.pending", repository, r -> safeCount(r::countUnpublished));
        meters.gauge("jixiao.outbox.parked", repository, r -> safeCount(r::countParked));
        executor.scheduleWithFixedDelay(this::drain, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Producer<String, String> newProducer() {
        Map<String, Object> config = clients.config(Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_EVENT_BYTES,
                // Fail fast while the broker is away: rows stay in the outbox and the next poll retries.
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay"));
        return producerDecorator.apply(new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()));
    }

    /** Publishes what this relay can now, on the caller's thread: for a relay made outside CDI. */
    public void publishPending() {
        drain();
    }

    /** Ends a relay made outside CDI. */
    public void close() {
        stop(null);
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
            Batch batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } while (batch.selected() == batchSize && batch.transientFailure() == null);
            if (batch.transientFailure() != null) {
                // Logged once per outage, not once per poll.
                if (!failing) {
                    failing = true;
                    LOG.warnf("outbox relay cannot publish, will retry every %s: %s", pollInterval,
                            batch.transientFailure());
                }
            } else {
                if (failing) {
                    failing = false;
                    LOG.info("outbox relay is publishing again");
                }
                // What is still publishable after a short batch belongs to keys another instance holds (or was
                // committed meanwhile, and its commit has queued a drain anyway).
                if (QuarkusTransaction.requiringNew().call(repository::anyPublishable)) {
                    retrySoon();
                }
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warnf("outbox relay cannot read its outbox, will retry every %s: %s", pollInterval, e.toString());
            }
        }
    }

    /** Rows are left that this relay could not take; look again before the next poll. */
    private void retrySoon() {
        if (executor != null && retryQueued.compareAndSet(false, true)) {
            try {
                executor.schedule(() -> {
                    retryQueued.set(false);
                    drain();
                }, BUSY_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException rejectedDuringShutdown) {
                retryQueued.set(false);
            }
        }
    }

    private record Batch(int selected, String transientFailure) {
    }

    private Batch publishBatch() {
        if (producer == null) {
            producer = newProducer();
        }
        List<OutboxEvent> rows = repository.publishableOf(repository.lockPublishableKeys(batchSize), batchSize);
        Map<String, Deque<OutboxEvent>> byKey = new LinkedHashMap<>();
        rows.forEach(r -> byKey.computeIfAbsent(r.messageKey(), k -> new ArrayDeque<>()).add(r));
        Set<String> stopped = new HashSet<>();
        String transientFailure = null;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean brokerAway = false;
        while (!brokerAway) {
            List<OutboxEvent> wave = new ArrayList<>();
            byKey.forEach((key, queue) -> {
                if (!stopped.contains(key) && !queue.isEmpty()) {
                    wave.add(queue.poll());
                }
            });
            if (wave.isEmpty()) {
                break;
            }
            List<OutboxEvent> sent = new ArrayList<>(wave.size());
            List<Future<?>> acks = new ArrayList<>(wave.size());
            List<Span> spans = new ArrayList<>(wave.size());
            for (OutboxEvent row : wave) {
                Span span = producerSpan(row);
                Future<?> ack = send(row, span);
                sent.add(row);
                spans.add(span);
                acks.add(ack);
                if (refusedAtOnce(ack)) {
                    // No metadata within max.block.ms: the broker is away, and every further send of the batch would
                    // wait as long again, inside this transaction (200 rows: 1,000 s). The rest waits for the next poll.
                    brokerAway = true;
                    break;
                }
            }
            for (int i = 0; i < sent.size(); i++) {
                OutboxEvent row = sent.get(i);
                Span span = spans.get(i);
                try {
                    acks.get(i).get(15, TimeUnit.SECONDS);
                    row.markPublished(now);
                    span.end();
                } catch (Exception e) {
                    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                    span.recordException(cause);
                    span.setStatus(StatusCode.ERROR, cause.toString());
                    span.end();
                    stopped.add(row.messageKey());
                    if (permanent(cause)) {
                        row.park(cause.toString(), now);
                        LOG.errorf("outbox event %s (%s of %s on %s) refused by the broker and parked; the later events"
                                + " of %s wait until an admin retries it (POST /api/v1/admin/outbox/%s/retry): %s",
                                row.eventId(), row.eventType(), row.messageKey(), row.topic(), row.messageKey(),
                                row.eventId(), cause.toString());
                    } else {
                        row.markFailed(cause.toString());
                        transientFailure = "event " + row.eventId() + " (" + row.eventType() + "): " + cause;
                        recreateProducerIfBroken(cause);
                    }
                }
            }
        }
        return new Batch(rows.size(), transientFailure);
    }

    /**
     * The send of one row, a child of the trace the row was written in (a new trace for a row written outside any).
     * Without an SDK (a relay made outside CDI, or tracing off) the span is the row's context itself, passed on.
     */
    private Span producerSpan(OutboxEvent row) {
        return tracer.spanBuilder(row.topic() + " publish")
                .setParent(TraceContext.of(row.traceparent(), row.tracestate()))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", row.topic())
                .setAttribute("messaging.kafka.message.key", row.messageKey())
                .setAttribute("messaging.message.id", row.eventId().toString())
                .setAttribute("jixiao.event.type", row.eventType())
                .startSpan();
    }

    private Future<?> send(OutboxEvent row, Span span) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.messageKey(), row.payload());
        record.headers().add("eventType", row.eventType().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventId", row.eventId().toString().getBytes(StandardCharsets.UTF_8));
        TraceContext.inject(Context.root().with(span), record.headers());
        try {
            return producer.send(record);
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    /** The send failed before it reached the broker, for a reason a later try may not have. */
    private static boolean refusedAtOnce(Future<?> ack) {
        if (!ack.isDone()) {
            return false;
        }
        try {
            ack.get();
            return false;
        } catch (ExecutionException e) {
            return !permanent(e.getCause() != null ? e.getCause() : e);
        } catch (InterruptedException | RuntimeException e) {
            return true;
        }
    }

    /** Failures that no retry can cure: the row is parked instead of blocking the relay. */
    static boolean permanent(Throwable e) {
        return e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException
                || e instanceof InvalidTopicException || e instanceof InvalidRecordException
                || e instanceof SerializationException || e instanceof TopicAuthorizationException;
    }

    /** An idempotent producer that hit a fatal error refuses every later send: start a fresh one. */
    private void recreateProducerIfBroken(Throwable cause) {
        if (cause instanceof RetriableException || cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return;
        }
        LOG.warnf("outbox relay restarts its producer after %s", cause.toString());
        try {
            producer.close(Duration.ofSeconds(1));
        } catch (RuntimeException ignored) {
            // replaced anyway
        }
        producer = newProducer();
    }

    private static long safeCount(java.util.function.LongSupplier count) {
        try {
            return QuarkusTransaction.requiringNew().call(count::getAsLong);
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
