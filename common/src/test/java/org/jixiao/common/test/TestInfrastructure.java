package org.jixiao.common.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.jixiao.common.db.DatabaseBootstrap;
import org.jixiao.common.events.Topics;

/**
 * The real PostgreSQL server and the real KRaft broker the tests of one JVM share, started once.
 * PGHOST (with PGPORT, PGUSER, PGPASSWORD) points the tests at an existing server instead of the
 * embedded one (PGUSER needs CREATEDB and CREATEROLE: each test database gets its owner and runtime role); KAFKA_BOOTSTRAP_SERVERS at an existing broker instead of the in-JVM one.
 */
public final class TestInfrastructure {
    private static TestInfrastructure instance;

    private final String pgHost;
    private final int pgPort;
    private final String pgUser;
    private final String pgPassword;
    private final String bootstrapServers;
    private volatile String currentDatabase;

    private TestInfrastructure() throws Exception {
        String externalPg = System.getenv("PGHOST");
        if (externalPg != null && !externalPg.isBlank()) {
            pgHost = externalPg;
            pgPort = Integer.parseInt(envOr("PGPORT", "5432"));
            pgUser = envOr("PGUSER", "postgres");
            pgPassword = envOr("PGPASSWORD", "postgres");
        } else {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeWithin(pg, 15_000)));
            pgHost = "127.0.0.1";
            pgPort = pg.getPort();
            pgUser = "postgres";
            pgPassword = "postgres";
        }
        String externalKafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (externalKafka != null && !externalKafka.isBlank()) {
            bootstrapServers = externalKafka;
        } else {
            // A broker shutting down inside the test JVM may call Exit.halt/exit on a fault; that would end the
            // fork with a non-zero code after all tests passed. The broker's data is temporary: let the JVM end it.
            org.apache.kafka.common.utils.Exit.setExitProcedure((code, message) -> { });
            org.apache.kafka.common.utils.Exit.setHaltProcedure((code, message) -> { });
            KafkaClusterTestKit kafka = startBroker("test-kafka", org.apache.kafka.common.security.auth.SecurityProtocol.PLAINTEXT);
            bootstrapServers = kafka.bootstrapServers();
        }
        createTopics();
    }

    /** A single-node KRaft broker in this JVM speaking {@code protocol}, its files under target/{@code name}. */
    static KafkaClusterTestKit startBroker(String name, org.apache.kafka.common.security.auth.SecurityProtocol protocol)
            throws Exception {
        // Under target/, so that the broker's files go with `mvn clean` rather than piling up in /tmp.
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", name))
                .resolve(java.util.UUID.randomUUID().toString()).toAbsolutePath();
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).setBaseDirectory(dir)
                .setBrokerSecurityProtocol(protocol).setControllerSecurityProtocol(protocol).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("log.cleaner.dedupe.buffer.size", "16777216")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        return kafka;
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            try {
                instance = new TestInfrastructure();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test PostgreSQL server or Kafka broker", e);
            }
        }
        return instance;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database;
    }

    public String pgHost() {
        return pgHost;
    }

    public int pgPort() {
        return pgPort;
    }

    public String pgUser() {
        return pgUser;
    }

    public String pgPassword() {
        return pgPassword;
    }

    /** The database of the service under test in this JVM (set by {@link JixiaoTestResource}). */
    void useDatabase(String database) {
        currentDatabase = database;
    }

    public String currentDatabase() {
        if (currentDatabase == null) {
            throw new IllegalStateException("no service database in use: is the test a @QuarkusTest with JixiaoTestResource?");
        }
        return currentDatabase;
    }

    /** A JDBC connection to the current service's database as the server's superuser, for a test's own SQL. */
    public Connection connectToCurrentDatabase() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(currentDatabase()), pgUser(), pgPassword());
    }

    /**
     * Drops and creates a database, so every test run starts from an empty schema; owned by
     * {@link #ownerRole}, which migrates it, while the service connects as {@link #appRole}, as in production.
     */
    public void recreateDatabase(String name) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), pgUser, pgPassword);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } catch (Exception e) {
            throw new IllegalStateException("cannot drop database " + name, e);
        }
        try {
            DatabaseBootstrap.ensureDatabase("jdbc:postgresql://" + pgHost + ":" + pgPort + "/",
                    new DatabaseBootstrap.Role(pgUser, pgPassword), name, ownerRole(name), appRole(name));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create database " + name + " and its roles", e);
        }
    }

    /** The role that owns a test database and runs its migrations. */
    public DatabaseBootstrap.Role ownerRole(String database) {
        return new DatabaseBootstrap.Role(database + "_owner", "owner-" + database);
    }

    /** The runtime role a service under test connects as: rows only, no DDL, TRUNCATE or trigger control. */
    public DatabaseBootstrap.Role appRole(String database) {
        return new DatabaseBootstrap.Role(database + "_app", "app-" + database);
    }

    private void createTopics() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            // as the services create them: the maximum event size and unlimited retention of Topics.CONFIG
            org.jixiao.common.messaging.TopicBootstrap.ensureTopics(admin, Topics.ALL, 3, (short) 1);
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** A broker that shuts down slowly must not hold the test JVM's exit hostage. */
    private static void closeWithin(AutoCloseable c, long millis) {
        Thread closer = new Thread(() -> closeQuietly(c), "close-" + c.getClass().getSimpleName());
        closer.setDaemon(true);
        long started = System.nanoTime();
        closer.start();
        try {
            closer.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.printf("test infrastructure: %s closed in %d ms%s%n", c.getClass().getSimpleName(),
                (System.nanoTime() - started) / 1_000_000, closer.isAlive() ? " (abandoned)" : "");
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // shutting down anyway
        }
    }

    /** The Quarkus configuration that points a service at this infrastructure. */
    public Map<String, String> quarkusConfig(String database) {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.username", appRole(database).name(),
                "quarkus.datasource.password", appRole(database).password(),
                "quarkus.flyway.username", ownerRole(database).name(),
                "quarkus.flyway.password", ownerRole(database).password(),
                "kafka.bootstrap.servers", bootstrapServers);
    }
}
