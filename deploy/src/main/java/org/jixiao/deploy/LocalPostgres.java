package org.jixiao.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL 15 server from Maven Central binaries, for machines without one: keeps its data
 * in DATA_DIR across restarts and serves 127.0.0.1:PORT until the process is stopped.
 *
 * <p>Usage: LocalPostgres DATA_DIR PORT
 */
public final class LocalPostgres {
    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: LocalPostgres DATA_DIR PORT");
            System.exit(2);
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(data.getParent());
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(Integer.parseInt(args[1]))
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // The library starts PostgreSQL with -F (fsync off) and synchronous_commit off, fit for tests only:
                // what a user enters in the local system must survive a crash of the machine.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }));
        System.out.println("PostgreSQL ready on 127.0.0.1:" + pg.getPort() + " (data in " + data + ")");
        Thread.currentThread().join();
    }
}
