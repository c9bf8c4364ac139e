package org.jixiao.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.messaging.Inbox;
import org.jixiao.common.messaging.KafkaClients;
import org.jixiao.common.messaging.MalformedEventException;
import org.jixiao.reporting.domain.InMemoryReadModel;
import org.jixiao.reporting.domain.ReportProject;
import org.jixiao.reporting.repository.MonitoringRepository;
import org.jixiao.reporting.repository.ReportProjectRepository;
import org.jixiao.reporting.repository.RevisionStore;

/**
 * Rebuilds the read model from the event history: replays the three topics from the beginning up to their
 * current end, with the same fold as the live consumer, inside one database transaction that first empties the
 * tables and the consumer's message log. Other readers see the old model until that transaction commits, so the
 * new one replaces it at once; a failure rolls everything back and leaves the old model as it was.
 *
 * <p>Memory is bounded by a batch ({@code jixiao.rebuild.batch-size} events), not by the history: each batch is
 * recorded in the message log (which drops the events already replayed), folded onto the rows its projects already
 * have (loaded for the batch), written with JDBC batches, and let go. The live consumer waits meanwhile; afterwards
 * it finds every replayed event in the log and skips it, and applies what came after.
 */
@ApplicationScoped
public class RebuildService {
    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    private static final List<String> TOPICS = List.of(Topics.PROJECTS, Topics.REVIEWS, Topics.INDICATOR_CHECKS);
    private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ReadModelService fold;
    private final EventCodec codec;
    private final Inbox inbox;
    private final ReportProjectRepository projects;
    private final RevisionStore revisions;
    private final MonitoringRepository monitoring;
    private final KafkaClients kafka;
    private final EntityManager em;
    private final int batchSize;
    private final Duration timeout;
    private volatile int largestBatch;

    public RebuildService(ReadModelService fold, EventCodec codec, Inbox inbox, ReportProjectRepository projects,
            RevisionStore revisions, MonitoringRepository monitoring, KafkaClients kafka, EntityManager em,
            @ConfigProperty(name = "jixiao.rebuild.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "jixiao.rebuild.timeout", defaultValue = "30m") Duration timeout) {
        this.monitoring = monitoring;
        this.fold = fold;
        this.codec = codec;
        this.inbox = inbox;
        this.projects = projects;
        this.revisions = revisions;
        this.kafka = kafka;
        this.em = em;
        this.batchSize = batchSize;
        this.timeout = timeout;
    }

    public record Result(long events, long projects, long millis) {
    }

    /** Runs live event handling; blocks while a rebuild replaces the model. */
    public void whileLive(Runnable handling) {
        lock.readLock().lock();
        try {
            handling.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The most events the last rebuild held in memory at once: never more than a batch. */
    public int largestBatch() {
        return largestBatch;
    }

    public Result rebuild() {
        long started = System.nanoTime();
        lock.writeLock().lock();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            requireWhole(consumer.beginningOffsets(partitions, Duration.ofSeconds(10)));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Replay replay = new Replay(started, end.values().stream().mapToLong(Long::longValue).sum());
            largestBatch = 0;
            long projectCount = QuarkusTransaction.requiringNew().timeout((int) timeout.toSeconds()).call(() -> {
                // The tables' statistics describe the model before the rebuild (empty, or as the last ANALYZE saw it),
                // and the rows this transaction writes stay invisible to ANALYZE until it commits: the planner would
                // scan the growing tables for every batch's lookups, quadratic in the history. Every lookup here is by key.
                em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
                // The statistics' counters (V9) would be recounted at every statement of the replay, project by
                // project: they are counted once, set-based, when the model is written.
                em.createNativeQuery("set local jixiao.counting = 'deferred'").executeUpdate();
                revisions.deleteAll();
                monitoring.deleteAll();
                projects.deleteAll();
                inbox.forgetAll();
                em.unwrap(Session.class).setJdbcBatchSize(batchSize);
                replay(consumer, partitions, end, replay);
                em.flush();
                long counting = System.nanoTime();
                em.createNativeQuery("select count(*) from (select report_recount_all()) r").getSingleResult();
                LOG.infof("statistics' counters recounted in %d ms", (System.nanoTime() - counting) / 1_000_000);
                return projects.count();
            });
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.infof("read model rebuilt from %d events (%d records): %d projects in %d ms, %.0f records/s; at most %d events"
                    + " held at once", replay.applied, replay.read, projectCount, millis, replay.rate(), largestBatch);
            return new Result(replay.applied, projectCount, millis);
        } finally {
            lock.writeLock().unlock();
            // The replay promotes a history's worth of short-lived objects into the old generation (heap at 140 of
            // 160 MiB after 375,720 events, 22 MiB of it live). A collector returns heap to the system only after
            // a collection that finds it free (G1's periodic one comes 15 s after the last under up.sh's settings;
            // a serial or parallel collector's full one may not come for hours). A rebuild is a rare operator's
            // action: one full collection here (tens of milliseconds) brings the RSS back by ~80 MiB at once
            // under -XX:MaxHeapFreeRatio=40, whatever the collector. -XX:+DisableExplicitGC turns it off.
            System.gc();
        }
    }

    private KafkaConsumer<String, String> consumer() {
        // A poll returns at most a batch, and the fetches it buffers stay small: they are what the heap holds besides a batch.
        Map<String, Object> config = kafka.config(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "reporting-rebuild",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1024 * 1024));
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Counts and the rate, for the progress lines and the result. */
    private static final class Replay {
        final long started;
        final long total;
        long read;
        long applied;
        long lastProgress;
        long readAtProgress;

        Replay(long started, long total) {
            this.started = started;
            this.total = total;
            this.lastProgress = started;
        }

        double rate() {
            return read * 1e9 / Math.max(1, System.nanoTime() - started);
        }
    }

    private void replay(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> end,
            Replay replay) {
        List<EventEnvelope> batch = new ArrayList<>(batchSize);
        while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                    continue;
                }
                replay.read++;
                try {
                    batch.add(codec.decode(r.value()));
                } catch (MalformedEventException e) {
                    LOG.warnf("rebuild skips a malformed record at %s-%d@%d: %s", r.topic(), r.partition(), r.offset(), e.getMessage());
                }
                if (batch.size() >= batchSize) {
                    replay.applied += apply(batch);
                    batch.clear();
                }
            }
            long now = System.nanoTime();
            if (now - replay.lastProgress >= PROGRESS_EVERY_NANOS) {
                LOG.infof("rebuild: %d of %d records read, %d events applied, %.0f records/s (last %.0f s: %.0f/s)", replay.read,
                        replay.total, replay.applied, replay.rate(), (now - replay.lastProgress) / 1e9,
                        (replay.read - replay.readAtProgress) * 1e9 / (now - replay.lastProgress));
                replay.lastProgress = now;
                replay.readAtProgress = replay.read;
            }
        }
        replay.applied += apply(batch);
    }

    /**
     * Folds one batch onto the model built so far: the events not replayed before, onto the rows of their projects
     * loaded for the batch, written back before the next batch and then dropped from the session.
     */
    private int apply(List<EventEnvelope> batch) {
        largestBatch = Math.max(largestBatch, batch.size());
        Set<UUID> first = inbox.recordApplied(batch);
        List<EventEnvelope> events = batch.stream().filter(e -> first.remove(e.eventId())).toList();
        if (events.isEmpty()) {
            return 0;
        }
        Set<UUID> ids = new HashSet<>();
        events.stream().map(EventEnvelope::projectId).filter(Objects::nonNull).forEach(ids::add);
        InMemoryReadModel model = new InMemoryReadModel();
        Set<UUID> stored = new HashSet<>();
        for (ReportProject p : projects.byIds(ids)) {
            model.add(p);
            stored.add(p.projectId());
        }
        revisions.submittedTimes(ids).forEach((key, at) -> model.saveSubmittedAt(key.projectId(), key.revision(), at));
        revisions.returns(ids).forEach(key -> model.saveReturned(key.projectId(), key.revision()));
        for (EventEnvelope event : events) {
            try {
                fold.apply(event, model);
            } catch (MalformedEventException e) {
                LOG.warnf("rebuild skips %s %s: %s", event.eventType(), event.eventId(), e.getMessage());
            }
        }
        model.projects().stream().filter(p -> !stored.contains(p.projectId())).forEach(projects::persist);
        revisions.saveBatch(model.documents(), model.checks(), model.submittedTimes(), model.returnedRevisions());
        model.monitoringReports().forEach(monitoring::saveIfLater);
        em.flush();
        em.clear();
        return events.size();
    }

    /** The topics are the whole record: one whose start was deleted (retention) would give a partial model. */
    static void requireWhole(Map<TopicPartition, Long> firstOffsets) {
        firstOffsets.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(TopicPartition::toString)))
                .findFirst().ifPresent(e -> {
                    throw DomainException.conflict("topic-truncated", "cannot rebuild: " + e.getKey() + " starts at offset "
                            + e.getValue() + ", its earlier events are gone (check the topic's retention)");
                });
    }
}
