package org.jixiao.deploy.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The events earlier steps left the services to consume. A step returns when its own answer is there, while the
 * other consumers may still be working for minutes: after the reports step's 10,000 {@code ProjectApproved},
 * indicator-service learns from each of them. A line measured meanwhile is read against an anchor the backlog
 * slowed down (2026-12-02: project-service's {@code /q/health/live} answered 1,622/s at the load step's first line
 * and 2,498/s after it, so the project lines read 97–113% of it). Each timed step therefore starts once every
 * service's consumer group has committed the end of what it reads.
 */
final class Backlog {
    private static final List<String> GROUPS = List.of("project-service", "indicator-service", "approval-service",
            "reporting-service");

    private final Properties admin = new Properties();

    Backlog(String bootstrap) {
        admin.put("bootstrap.servers", bootstrap);
        admin.put("request.timeout.ms", 10_000);
        admin.put("default.api.timeout.ms", 10_000);
    }

    /** Waits until no group is behind, at most {@code max}, printing how far behind they are every 10 s. */
    void awaitConsumed(String before, Duration max) throws InterruptedException {
        long t0 = System.nanoTime();
        long lastPrint = 0;
        try (Admin kafka = Admin.create(admin)) {
            while (true) {
                Map<String, Long> behind = behind(kafka);
                long total = behind.values().stream().mapToLong(Long::longValue).sum();
                long waited = (System.nanoTime() - t0) / 1_000_000;
                if (total == 0) {
                    if (waited >= 1000) {
                        System.out.printf("backlog   consumed after %.0f s; %s starts%n", waited / 1e3, before);
                    }
                    return;
                }
                if (waited >= max.toMillis()) {
                    System.out.printf("backlog   still %,d events behind after %.0f s (%s); %s starts anyway%n", total,
                            waited / 1e3, describe(behind), before);
                    return;
                }
                if (waited - lastPrint >= 10_000 || lastPrint == 0) {
                    System.out.printf("backlog   waiting before %s: %,d events not yet consumed (%s)%n", before, total,
                            describe(behind));
                    lastPrint = Math.max(waited, 1);
                }
                Thread.sleep(1000);
            }
        } catch (ExecutionException e) {
            System.out.printf("backlog   not read (%s); %s starts without waiting%n", e.getCause(), before);
        }
    }

    /** Per group, the events between its committed offsets and the ends of those partitions. */
    private static Map<String, Long> behind(Admin kafka) throws ExecutionException, InterruptedException {
        Map<String, Long> behind = new LinkedHashMap<>();
        for (String group : GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> committed;
            try {
                committed = kafka.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            } catch (ExecutionException noSuchGroup) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> read = committed.entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            if (read.isEmpty()) {
                continue;
            }
            var ends = kafka.listOffsets(read.keySet().stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
            long lag = read.entrySet().stream()
                    .mapToLong(e -> Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset())).sum();
            if (lag > 0) {
                behind.put(group, lag);
            }
        }
        return behind;
    }

    private static String describe(Map<String, Long> behind) {
        return behind.entrySet().stream().map(e -> String.format("%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
