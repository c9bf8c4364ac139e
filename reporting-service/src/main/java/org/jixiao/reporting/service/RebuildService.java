package org.jixiao.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.messaging.Inbox;
import org.jixiao.common.messaging.KafkaClients;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.messaging.MalformedEventException;
import org.jixiao.reporting.domain.InMemoryReadModel;
import org.jixiao.reporting.repository.MonitoringRepository;
import org.jixiao.reporting.repository.ReportProjectRepository;
import org.jixiao.reporting.repository.RevisionStore;

/**
 * Rebuilds the read model from the event history: replays the three topics from the beginning up to
 * their current end into memory (with the same fold as the live consumer), then replaces the tables and
 * the consumer's message log in one transaction. The live consumer waits meanwhile; afterwards it finds
 * every replayed event in the log and skips it, and applies what came after.
 */
@ApplicationScoped
public class RebuildService {
    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    private static final List<String> TOPICS = List.of(Topics.PROJECTS, Topics.REVIEWS, Topics.INDICATOR_CHECKS);

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ReadModelService fold;
    private final EventCodec codec;
    private final Inbox inbox;
    private final ReportProjectRepository projects;
    private final RevisionStore revisions;
    private final MonitoringRepository monitoring;
    private final KafkaClients kafka;

    public RebuildService(ReadModelService fold, EventCodec codec, Inbox inbox, ReportProjectRepository projects,
            RevisionStore revisions, MonitoringRepository monitoring, KafkaClients kafka) {
        this.monitoring = monitoring;
        this.fold = fold;
        this.codec = codec;
        this.inbox = inbox;
        this.projects = projects;
        this.revisions = revisions;
        this.kafka = kafka;
    }

    public record Result(long events, long projects, long millis) {
    }

    /** Runs live event handling; blocks while a rebuild swaps the model. */
    public void whileLive(Runnable handling) {
        lock.readLock().lock();
        try {
            handling.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    public Result rebuild() {
        long started = System.nanoTime();
        lock.writeLock().lock();
        try {
            InMemoryReadModel memory = new InMemoryReadModel();
            Map<UUID, EventEnvelope> replayed = new LinkedHashMap<>();
            replay(event -> {
                if (replayed.putIfAbsent(event.eventId(), event) == null) {
                    fold.apply(event, memory);
                }
            });
            QuarkusTransaction.requiringNew().timeout(600).run(() -> swap(memory, replayed.values()));
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.infof("read model rebuilt from %d events: %d projects in %d ms", replayed.size(), memory.projects().size(), millis);
            return new Result(replayed.size(), memory.projects().size(), millis);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void replay(Consumer<EventEnvelope> apply) {
        Map<String, Object> config = kafka.config(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "reporting-rebuild"));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            requireWhole(consumer.beginningOffsets(partitions, Duration.ofSeconds(10)));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue;
                    }
                    try {
                        apply.accept(codec.decode(r.value()));
                    } catch (MalformedEventException e) {
                        LOG.warnf("rebuild skips a malformed record at %s-%d@%d: %s", r.topic(), r.partition(), r.offset(), e.getMessage());
                    }
                    if (++count % 10_000 == 0) {
                        LOG.infof("rebuild: %d events read", count);
                    }
                }
            }
        }
    }

    /** The topics are the whole record: one whose start was deleted (retention) would give a partial model. */
    static void requireWhole(Map<TopicPartition, Long> firstOffsets) {
        firstOffsets.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(TopicPartition::toString)))
                .findFirst().ifPresent(e -> {
                    throw DomainException.conflict("topic-truncated", "cannot rebuild: " + e.getKey() + " starts at offset "
                            + e.getValue() + ", its earlier events are gone (check the topic's retention)");
                });
    }

    /** Replaces the model and the inbox's log of applied events together, so the live consumer skips exactly the replayed ones. */
    private void swap(InMemoryReadModel memory, Collection<EventEnvelope> replayed) {
        revisions.deleteAll();
        monitoring.deleteAll();
        projects.deleteAll();
        inbox.forgetAll();
        memory.projects().forEach(projects::persist);
        memory.documents().forEach((key, document) -> revisions.saveDocument(key.projectId(), key.revision(), document));
        memory.checks().forEach((key, check) -> revisions.saveCheck(key.projectId(), key.revision(), check));
        memory.submittedTimes().forEach((key, at) -> revisions.saveSubmittedAt(key.projectId(), key.revision(), at));
        memory.returnedRevisions().forEach(key -> revisions.saveReturned(key.projectId(), key.revision()));
        memory.monitoringReports().forEach(monitoring::saveIfLater);
        replayed.forEach(inbox::recordApplied);
        projects.flush();
    }
}
