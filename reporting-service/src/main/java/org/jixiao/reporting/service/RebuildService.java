package org.jixiao.reporting.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.messaging.MalformedEventException;
import org.jixiao.reporting.domain.ReportProject;
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
    private final RevisionStore revisions;
    private final EntityManager em;
    private final String bootstrapServers;

    public RebuildService(ReadModelService fold, EventCodec codec, RevisionStore revisions, EntityManager em,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.fold = fold;
        this.codec = codec;
        this.revisions = revisions;
        this.em = em;
        this.bootstrapServers = bootstrapServers;
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
            Memory memory = new Memory();
            Map<UUID, EventEnvelope> replayed = new LinkedHashMap<>();
            replay(event -> {
                if (replayed.putIfAbsent(event.eventId(), event) == null) {
                    fold.apply(event, memory);
                }
            });
            QuarkusTransaction.requiringNew().timeout(600).run(() -> swap(memory, replayed.values()));
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.infof("read model rebuilt from %d events: %d projects in %d ms", replayed.size(), memory.projects.size(), millis);
            return new Result(replayed.size(), memory.projects.size(), millis);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void replay(java.util.function.Consumer<EventEnvelope> apply) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-rebuild");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
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

    private void swap(Memory memory, java.util.Collection<EventEnvelope> replayed) {
        em.createNativeQuery("delete from report_findings").executeUpdate();
        em.createNativeQuery("delete from report_revision_time").executeUpdate();
        em.createNativeQuery("delete from report_revision").executeUpdate();
        em.createNativeQuery("delete from report_project").executeUpdate();
        em.createNativeQuery("delete from processed_event").executeUpdate();
        memory.projects.values().forEach(em::persist);
        memory.documents.forEach((key, json) -> revisions.saveDocument(key.projectId(), key.revision(), json));
        memory.findings.forEach((key, f) -> revisions.saveFindings(key.projectId(), key.revision(), f.json(), f.targets(), f.quantified()));
        memory.submitted.forEach((key, at) -> revisions.saveSubmittedAt(key.projectId(), key.revision(), at));
        for (EventEnvelope e : replayed) {
            em.createNativeQuery("insert into processed_event (event_id, event_type, project_id, processed_at)"
                    + " values (:id, :type, :project, now())")
                    .setParameter("id", e.eventId()).setParameter("type", e.eventType())
                    .setParameter("project", e.projectId()).executeUpdate();
        }
        em.flush();
    }

    private record Key(UUID projectId, int revision) {
    }

    private record Findings(String json, Integer targets, Integer quantified) {
    }

    /** The rebuild's read model, in memory until the swap. */
    static final class Memory implements ReadModelService.Sink {
        final Map<UUID, ReportProject> projects = new LinkedHashMap<>();
        final Map<Key, String> documents = new HashMap<>();
        final Map<Key, Findings> findings = new HashMap<>();
        final Map<Key, java.time.OffsetDateTime> submitted = new HashMap<>();

        @Override
        public Optional<ReportProject> project(UUID id) {
            return Optional.ofNullable(projects.get(id));
        }

        @Override
        public void add(ReportProject project) {
            projects.put(project.projectId(), project);
        }

        @Override
        public void saveDocument(UUID projectId, int revision, String documentJson) {
            documents.put(new Key(projectId, revision), documentJson);
        }

        @Override
        public void saveFindings(UUID projectId, int revision, String findingsJson, Integer targets, Integer quantified) {
            findings.put(new Key(projectId, revision), new Findings(findingsJson, targets, quantified));
        }

        @Override
        public void saveSubmittedAt(UUID projectId, int revision, java.time.OffsetDateTime at) {
            submitted.putIfAbsent(new Key(projectId, revision), at);
        }

        @Override
        public Optional<java.time.OffsetDateTime> submittedAt(UUID projectId, int revision) {
            return Optional.ofNullable(submitted.get(new Key(projectId, revision)));
        }
    }
}
