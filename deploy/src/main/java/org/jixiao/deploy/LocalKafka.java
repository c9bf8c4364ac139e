package org.jixiao.deploy;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A KRaft node (broker and controller in one JVM) for the local run and the end-to-end tests: formats its
 * storage on first start, then runs Kafka's own main class. Small and loopback-only.
 *
 * <p>Usage: {@code LocalKafka DATA_DIR BROKER_PORT CONTROLLER_PORT} — a single node, or
 * {@code LocalKafka DATA_DIR BROKER_PORT CONTROLLER_PORT NODE_ID VOTERS} — one node of a cluster whose
 * controller quorum is VOTERS ({@code 1@127.0.0.1:9093,2@127.0.0.1:9095,3@127.0.0.1:9097}), every node a
 * combined broker and controller, as Kafka's documentation starts a static quorum. A cluster of three keeps
 * three copies of everything (the consumer offsets too) and accepts a write when two hold it, so it goes on
 * working with one node down.
 */
public final class LocalKafka {
    private LocalKafka() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 && args.length != 5) {
            System.err.println("usage: LocalKafka DATA_DIR BROKER_PORT CONTROLLER_PORT [NODE_ID VOTERS]");
            System.exit(2);
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        Files.createDirectories(data);
        Path config = data.resolve("server.properties");
        boolean cluster = args.length == 5;
        if (cluster) {
            writeClusterConfig(config, data.resolve("log"), port, controllerPort, Integer.parseInt(args[3]), args[4]);
        } else {
            writeConfig(config, data.resolve("log"), port, controllerPort);
        }
        if (!Files.exists(data.resolve("log").resolve("meta.properties"))) {
            // StorageTool ends its JVM when done, so it runs as a child process.
            // A fixed cluster id: the data directory belongs to this one local cluster. A single node bootstraps
            // a dynamic quorum of itself (--standalone); a cluster's nodes know their voters from the configuration.
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "kafka.tools.StorageTool", "format",
                    "-t", "jixiaoLocalCluster0000", "-c", config.toString(), "--ignore-formatted"));
            if (!cluster) {
                command.add("--standalone");
            }
            Process format = new ProcessBuilder(command).inheritIO().start();
            if (format.waitFor() != 0) {
                throw new IllegalStateException("formatting the Kafka storage in " + data + " failed");
            }
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }

    static void writeConfig(Path file, Path logDir, int port, int controllerPort) throws IOException {
        Properties p = common(logDir, port, controllerPort);
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.setProperty("num.partitions", "3");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        store(p, file);
    }

    /**
     * One node of a cluster: every topic, the internal ones included, with three copies (at most as many as there
     * are nodes) of which two must have a write before it is acknowledged to an acks=all producer.
     */
    static void writeClusterConfig(Path file, Path logDir, int port, int controllerPort, int nodeId, String voters)
            throws IOException {
        int nodes = voters.split(",").length;
        String copies = Integer.toString(Math.min(3, nodes));
        String minInsync = Integer.toString(Math.max(1, Math.min(3, nodes) - 1));
        Properties p = common(logDir, port, controllerPort);
        p.setProperty("node.id", Integer.toString(nodeId));
        p.setProperty("controller.quorum.voters", voters);
        p.setProperty("num.partitions", "6");
        p.setProperty("default.replication.factor", copies);
        p.setProperty("min.insync.replicas", minInsync);
        p.setProperty("offsets.topic.replication.factor", copies);
        p.setProperty("transaction.state.log.replication.factor", copies);
        p.setProperty("transaction.state.log.min.isr", minInsync);
        p.setProperty("share.coordinator.state.topic.replication.factor", copies);
        p.setProperty("share.coordinator.state.topic.min.isr", minInsync);
        // a topic's leader may only be a replica that has every acknowledged write
        p.setProperty("unclean.leader.election.enable", "false");
        store(p, file);
    }

    private static Properties common(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // The 128 MiB default dedupe buffer alone would exceed the small heap this broker runs in.
        p.setProperty("log.cleaner.dedupe.buffer.size", "16777216");
        return p;
    }

    private static void store(Properties p, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "written by org.jixiao.deploy.LocalKafka");
        }
    }
}
