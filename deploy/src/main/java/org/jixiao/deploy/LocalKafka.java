package org.jixiao.deploy;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A single-node KRaft broker (broker and controller in one JVM) for the local run and the end-to-end
 * test: formats its storage on first start, then runs Kafka's own main class. Small and loopback-only.
 *
 * <p>Usage: LocalKafka DATA_DIR BROKER_PORT CONTROLLER_PORT
 */
public final class LocalKafka {
    private LocalKafka() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: LocalKafka DATA_DIR BROKER_PORT CONTROLLER_PORT");
            System.exit(2);
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        Files.createDirectories(data);
        Path config = data.resolve("server.properties");
        writeConfig(config, data.resolve("log"), port, controllerPort);
        if (!Files.exists(data.resolve("log").resolve("meta.properties"))) {
            // StorageTool ends its JVM when done, so it runs as a child process.
            // A fixed cluster id: the data directory belongs to this one local cluster.
            Process format = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "kafka.tools.StorageTool", "format",
                    "-t", "jixiaoLocalCluster0000", "-c", config.toString(), "--ignore-formatted", "--standalone")
                    .inheritIO().start();
            if (format.waitFor() != 0) {
                throw new IllegalStateException("formatting the Kafka storage in " + data + " failed");
            }
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }

    static void writeConfig(Path file, Path logDir, int port, int controllerPort) throws IOException {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // The 128 MiB default dedupe buffer alone would exceed the small heap this broker runs in.
        p.setProperty("log.cleaner.dedupe.buffer.size", "16777216");
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "written by org.jixiao.deploy.LocalKafka");
        }
    }
}
