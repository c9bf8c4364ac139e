package org.jixiao.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.messaging.Inbox;
import org.jixiao.common.messaging.KafkaClients;
import org.jixiao.common.messaging.Outbox;
import org.jixiao.common.messaging.OutboxRelay;
import org.jixiao.common.messaging.OutboxRepository;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.common.test.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several instances of a service, each with its own relay over the one outbox table: a project's events
 * still reach Kafka in revision order, however slow one instance is, and an instance that dies holding a
 * project leaves it to another. The other instances are {@link OutboxRelay} objects beside this JVM's own
 * relay, on their own threads and database connections; one of them cannot reach the broker.
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_project_test"))
class RelayOrderAcrossInstancesTest {
    /** A topic of its own, partitioned like the production topics, that no service reads. */
    static final String TOPIC = "jixiao.test.relay-order";

    @Inject
    Outbox outbox;
    @Inject
    OutboxRepository repository;
    @Inject
    KafkaClients clients;
    @Inject
    MeterRegistry meters;
    @Inject
    EventCodec codec;
    @Inject
    Inbox inbox;

    @BeforeAll
    static void createTopic() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @Test
    void shouldPublishEveryProjectsEventsInRevisionOrderWhileASlowRelayInstanceHoldsSomeOfThem() throws Exception {
        List<UUID> projects = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        int revisions = 25;
        AtomicInteger slowSends = new AtomicInteger();
        // beside this JVM's own relay, woken by every commit: a second instance, and a third that sleeps on every send
        OutboxRelay slow = relay(r -> {
            slowSends.incrementAndGet();
            sleep(100);
        });
        OutboxRelay second = relay(r -> {
        });
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = List.of(instances.submit(() -> keepPublishing(slow, writing, projects)),
                    instances.submit(() -> keepPublishing(second, writing, projects)));
            for (int revision = 1; revision <= revisions; revision++) {
                for (UUID project : projects) {
                    int r = revision;
                    QuarkusTransaction.requiringNew().run(() -> outbox.publish(TOPIC, EventTypes.PROJECT_AMENDED,
                            project, r, "relay-test", Map.of("revision", r)));
                }
                sleep(10);
            }
            writing.set(false);
            for (Future<?> instance : running) {
                instance.get(2, TimeUnit.MINUTES);
            }
        } finally {
            writing.set(false);
            instances.shutdownNow();
            slow.close();
            second.close();
        }

        List<ConsumerRecord<String, String>> records = KafkaProbe.records(TOPIC,
                r -> projects.stream().anyMatch(p -> p.toString().equals(r.key())), projects.size() * revisions,
                Duration.ofSeconds(60));

        List<Integer> inOrder = IntStream.rangeClosed(1, revisions).boxed().toList();
        for (UUID project : projects) {
            assertThat(revisionsOf(records, project)).as("events of project %s on the topic", project).isEqualTo(inOrder);
        }
        // nothing failed, so nothing was sent twice
        assertThat(records).hasSize(projects.size() * revisions);
        assertThat(slowSends.get()).as("the slow instance published some of them").isPositive();
    }

    @Test
    void shouldLetAnotherInstancePublishTheEventsOfAProjectWhoseRelayDiedHoldingIt() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Set<String> stuckOn = ConcurrentHashMap.newKeySet();
        OutboxRelay stuck = relay(r -> {
            if (!TOPIC.equals(r.topic())) {
                return;
            }
            stuckOn.add(r.key());
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread stuckInstance = new Thread(() -> {
            while (stuckOn.isEmpty() && gate.getCount() > 0) {
                stuck.publishPending();
                sleep(2);
            }
        }, "stuck-relay");
        stuckInstance.start();
        UUID project = null;
        try {
            // The rows are written without waking this JVM's relay, whose next poll is up to a second away, so the
            // polling stuck instance almost always takes them first; when it does not, a fresh project is tried.
            for (int attempt = 0; attempt < 5 && project == null; attempt++) {
                UUID candidate = UUID.randomUUID();
                writeWithoutWaking(candidate, 5);
                await().atMost(Duration.ofSeconds(10)).until(() -> stuckOn.contains(candidate.toString())
                        || pending(List.of(candidate)) == 0);
                if (stuckOn.contains(candidate.toString())) {
                    project = candidate;
                }
            }
            assertThat(project).as("the stuck instance took a project").isNotNull();
            UUID held = project;

            // the instance dies: its connection closes, PostgreSQL aborts its transaction and frees the project
            assertThat(terminateHolderOf(held.toString())).isEqualTo(1);

            await().atMost(Duration.ofSeconds(20)).until(() -> pending(List.of(held)) == 0);
        } finally {
            // what the dead instance's producer still had in hand goes out late: duplicates
            gate.countDown();
            stuckInstance.join(30_000);
            stuck.close();
        }
        String key = project.toString();
        List<ConsumerRecord<String, String>> records = KafkaProbe.records(TOPIC, r -> key.equals(r.key()), 10,
                Duration.ofSeconds(30));

        assertThat(revisionsOf(records, project)).as("taken over in order, then the dead instance's late sends")
                .containsExactly(1, 2, 3, 4, 5, 1, 2, 3, 4, 5);
        // a consumer keeps the first delivery of each eventId: the project's events once each, in order
        List<Integer> applied = new ArrayList<>();
        inbox.handle(TOPIC, event -> applied.add(event.revision()));
        records.forEach(inbox::process);
        assertThat(applied).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void shouldWaitForAnAbsentBrokerOncePerPollNotOncePerProject() throws Exception {
        // an instance whose broker is away: each send waits for metadata (max.block.ms, shortened) and fails
        AtomicInteger attempts = new AtomicInteger();
        OutboxRelay cutOff = relay(r -> {
            if (TOPIC.equals(r.topic())) {
                attempts.incrementAndGet();
                sleep(200);
                throw new org.apache.kafka.common.errors.TimeoutException("Topic " + r.topic()
                        + " not present in metadata after 200 ms.");
            }
        });
        List<UUID> projects = new ArrayList<>();
        try {
            // as above, this JVM's own relay may poll the rows first; then a fresh set is tried
            for (int attempt = 0; attempt < 5 && attempts.get() == 0; attempt++) {
                List<UUID> batch = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
                batch.forEach(p -> writeWithoutWaking(p, 1));
                projects.addAll(batch);
                cutOff.publishPending();
            }
        } finally {
            cutOff.close();
        }
        assertThat(attempts.get()).as("sends tried while the broker was away, of 20 projects' events").isEqualTo(1);
        // nothing was taken for published: the instance that reaches the broker publishes all of them
        await().atMost(Duration.ofSeconds(20)).until(() -> pending(projects) == 0);
        List<ConsumerRecord<String, String>> records = KafkaProbe.records(TOPIC,
                r -> projects.stream().anyMatch(p -> p.toString().equals(r.key())), projects.size(), Duration.ofSeconds(30));
        assertThat(records).hasSize(projects.size());
    }

    /** Another instance's relay, whose producer runs {@code beforeSend} on every record before sending it. */
    private OutboxRelay relay(Consumer<ProducerRecord<String, String>> beforeSend) {
        return new OutboxRelay(repository, clients, Duration.ofSeconds(1), 200, meters, producer -> slowed(producer,
                beforeSend));
    }

    @SuppressWarnings("unchecked")
    private static Producer<String, String> slowed(Producer<String, String> producer,
            Consumer<ProducerRecord<String, String>> beforeSend) {
        return (Producer<String, String>) Proxy.newProxyInstance(Producer.class.getClassLoader(),
                new Class<?>[] { Producer.class }, (proxy, method, args) -> {
                    if (method.getName().equals("send")) {
                        beforeSend.accept((ProducerRecord<String, String>) args[0]);
                    }
                    try {
                        return method.invoke(producer, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void keepPublishing(OutboxRelay relay, AtomicBoolean writing, Collection<UUID> projects) {
        while (writing.get() || pending(projects) > 0) {
            relay.publishPending();
            sleep(5);
        }
    }

    private long pending(Collection<UUID> projects) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where " + OutboxRepository.PUBLISHABLE
                        + " and message_key in (:keys)")
                .setParameter("keys", projects.stream().map(UUID::toString).toList()).getSingleResult()).longValue());
    }

    /** Outbox rows as a use case writes them, but inserted directly, so that no relay is woken by the commit. */
    private void writeWithoutWaking(UUID project, int revisions) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int revision = 1; revision <= revisions; revision++) {
                var event = codec.envelope(EventTypes.PROJECT_AMENDED, project, revision, "relay-test",
                        Map.of("revision", revision));
                Panache.getEntityManager().createNativeQuery("insert into outbox_event (event_id, topic, message_key,"
                        + " event_type, payload, occurred_at) values (:id, :topic, :key, :type, :payload, now())")
                        .setParameter("id", event.eventId()).setParameter("topic", TOPIC)
                        .setParameter("key", project.toString()).setParameter("type", event.eventType())
                        .setParameter("payload", codec.encode(event)).executeUpdate();
            }
        });
    }

    /** Terminates the database session holding the relay's lock on {@code key}; returns how many were. */
    private static int terminateHolderOf(String key) throws Exception {
        try (Connection c = TestInfrastructure.get().connectToCurrentDatabase();
                PreparedStatement s = c.prepareStatement("select pg_terminate_backend(pid) from pg_locks"
                        + " where locktype = 'advisory' and granted and classid = cast(cast(? as integer) as oid)"
                        + " and objid = cast(hashtext(?) as oid) and objsubid = 2")) {
            s.setInt(1, OutboxRepository.KEY_LOCK_CLASS);
            s.setString(2, key);
            int terminated = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    terminated += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return terminated;
        }
    }

    private List<Integer> revisionsOf(List<ConsumerRecord<String, String>> records, UUID project) {
        return records.stream().filter(r -> project.toString().equals(r.key()))
                .map(r -> codec.decode(r.value()).revision()).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
