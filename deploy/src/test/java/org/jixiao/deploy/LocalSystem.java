package org.jixiao.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole system as separate processes, as an operator runs it: a KRaft broker process (or a cluster of
 * them), a real PostgreSQL server (embedded here, or the one PGHOST names), and the four packaged services
 * (one or more instances of each, an instance's process named {@code <service>} for the first and
 * {@code <service>-<n>} for the n-th; all instances of a service share its database and consumer group).
 */
final class LocalSystem implements AutoCloseable {
    static final List<String> SERVICES = List.of("project-service", "indicator-service", "approval-service", "reporting-service");

    private final Path root;
    private final Path work;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final int brokers;
    private final int instances;
    private final List<Integer> kafkaPorts = new ArrayList<>();
    private final List<Integer> controllerPorts = new ArrayList<>();
    private final Map<String, String> serviceEnvironment = new LinkedHashMap<>();
    private EmbeddedPostgres embedded;
    private String pgHost;
    private int pgPort;
    private String pgUser;
    private String pgPassword;
    private String attachedBootstrap;

    LocalSystem(Path root) throws IOException {
        this(root, 1, 1);
    }

    /** {@code brokers} KRaft nodes (a cluster when more than one) and {@code instances} processes of each service. */
    LocalSystem(Path root, int brokers, int instances) throws IOException {
        this(root, true, brokers, instances);
    }

    private LocalSystem(Path root, boolean fresh, int brokers, int instances) throws IOException {
        this.root = root;
        this.work = root.resolve("deploy/target/e2e");
        this.brokers = brokers;
        this.instances = instances;
        if (!fresh) {
            return;
        }
        deleteRecursively(work);
        Files.createDirectories(work);
        for (int n = 0; n < brokers; n++) {
            kafkaPorts.add(freePort());
            controllerPorts.add(freePort());
        }
        for (int i = 1; i <= instances; i++) {
            for (String s : SERVICES) {
                ports.put(instance(s, i), freePort());
                managementPorts.put(instance(s, i), freePort());
            }
        }
    }

    /** The process name of a service's n-th instance (1-based): the service's name for the first. */
    static String instance(String service, int n) {
        return n == 1 ? service : service + "-" + n;
    }

    private static String serviceOf(String instance) {
        return SERVICES.stream().filter(s -> instance.equals(s) || instance.startsWith(s + "-")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(instance));
    }

    /**
     * A system another process started and described with {@link #describe()}: for iterating on a test
     * without starting everything again. Closing it stops nothing.
     */
    static LocalSystem attach(Path root, java.util.Properties described) throws IOException {
        LocalSystem s = new LocalSystem(root, false, 1, 1);
        for (String service : SERVICES) {
            s.ports.put(service, Integer.parseInt(described.getProperty(service)));
        }
        s.pgHost = described.getProperty("pg.host");
        s.pgPort = Integer.parseInt(described.getProperty("pg.port"));
        s.pgUser = described.getProperty("pg.user");
        s.pgPassword = described.getProperty("pg.password");
        s.attachedBootstrap = described.getProperty("kafka");
        return s;
    }

    /** What {@link #attach} needs to reach this system from another process. */
    java.util.Properties describe() {
        java.util.Properties p = new java.util.Properties();
        SERVICES.forEach(service -> p.setProperty(service, Integer.toString(ports.get(service))));
        p.setProperty("pg.host", pgHost);
        p.setProperty("pg.port", Integer.toString(pgPort));
        p.setProperty("pg.user", pgUser);
        p.setProperty("pg.password", pgPassword);
        p.setProperty("kafka", bootstrapServers());
        return p;
    }

    /** A connection to the service's own database, for tests that compare rows. */
    Connection connect(String service) throws java.sql.SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database(service), pgUser, pgPassword);
    }

    void startPostgres() throws Exception {
        String external = System.getenv("PGHOST");
        if (external != null && !external.isBlank()) {
            pgHost = external;
            pgPort = Integer.parseInt(System.getenv().getOrDefault("PGPORT", "5432"));
            pgUser = System.getenv().getOrDefault("PGUSER", "postgres");
            pgPassword = System.getenv().getOrDefault("PGPASSWORD", "postgres");
        } else {
            embedded = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
            pgHost = "127.0.0.1";
            pgPort = embedded.getPort();
            pgUser = "postgres";
            pgPassword = "postgres";
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + pgHost + ":" + pgPort + "/postgres", pgUser, pgPassword);
                Statement st = c.createStatement()) {
            for (String s : SERVICES) {
                st.execute("drop database if exists " + database(s) + " with (force)");
            }
        }
    }

    /** Starts the broker, or every node of the cluster and waits until all have joined it. */
    void startKafka() throws Exception {
        if (brokers == 1) {
            start("kafka", List.of(java(), "-Xms128m", "-Xmx256m", "-cp", launcherClasspath(), "org.jixiao.deploy.LocalKafka",
                    work.resolve("kafka").toString(), Integer.toString(kafkaPorts.get(0)), Integer.toString(controllerPorts.get(0))),
                    Map.of());
            waitForPort(kafkaPorts.get(0), Duration.ofSeconds(60));
            return;
        }
        for (int n = 1; n <= brokers; n++) {
            launchKafkaNode(n);
        }
        if (!LocalTool.waitBrokers(Duration.ofSeconds(120), bootstrapServers(), brokers)) {
            throw new IllegalStateException("the Kafka cluster did not form; logs in " + work + "\n" + tails());
        }
    }

    /** Starts node {@code n} (1-based) of the cluster again, after {@link #stopKafkaNode}. */
    void startKafkaNode(int n) throws Exception {
        launchKafkaNode(n);
        if (!LocalTool.waitBrokers(Duration.ofSeconds(120), bootstrapServers(), brokers)) {
            throw new IllegalStateException("Kafka node " + n + " did not rejoin; logs in " + work + "\n" + tails());
        }
    }

    private void launchKafkaNode(int n) throws IOException {
        StringBuilder voters = new StringBuilder();
        for (int i = 1; i <= brokers; i++) {
            voters.append(i == 1 ? "" : ",").append(i).append("@127.0.0.1:").append(controllerPorts.get(i - 1));
        }
        start("kafka-" + n, List.of(java(), "-Xms128m", "-Xmx256m", "-cp", launcherClasspath(), "org.jixiao.deploy.LocalKafka",
                work.resolve("kafka-" + n).toString(), Integer.toString(kafkaPorts.get(n - 1)),
                Integer.toString(controllerPorts.get(n - 1)), Integer.toString(n), voters.toString()), Map.of());
    }

    /** Stops the broker, or every node of the cluster at once (one by one, the last would wait for a lost quorum). */
    void stopKafka() throws InterruptedException {
        stopAll(processes.keySet().stream().filter(n -> n.equals("kafka") || n.startsWith("kafka-")).toList());
    }

    /** A controlled shutdown (SIGTERM) of node {@code n} (1-based) of the cluster. */
    void stopKafkaNode(int n) throws InterruptedException {
        stop("kafka-" + n);
    }

    /** Variables every service started from now on gets besides its own (e.g. where to export traces). */
    void serviceEnvironment(Map<String, String> variables) {
        serviceEnvironment.putAll(variables);
    }

    void startServices() throws Exception {
        // -Djixiao.e2e.omit=indicator-service shows that the end-to-end test fails without that service
        String omit = System.getProperty("jixiao.e2e.omit", "");
        List<String> started = SERVICES.stream().filter(s -> !s.equals(omit)).toList();
        for (String s : started) {
            launch(s);
        }
        // the first instance creates and migrates its service's database; the others start on a ready one
        awaitReady(started);
        List<String> more = new ArrayList<>();
        for (int i = 2; i <= instances; i++) {
            for (String s : started) {
                launch(instance(s, i));
                more.add(instance(s, i));
            }
        }
        awaitReady(more);
    }

    /** Starts one service again (after {@link #kill}) and waits until it is ready. */
    void startService(String service) throws Exception {
        launch(service);
        awaitReady(List.of(service));
    }

    /**
     * SIGKILL: no shutdown hook, no flush, no goodbye to the broker — a crash. {@code service} is a service (its
     * first instance) or an instance's name ({@link #instance}).
     */
    void kill(String service) throws InterruptedException {
        Process p = processes.get(service);
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** The operating system's id of an instance's process, to show that it is gone. */
    long pid(String instance) {
        return processes.get(instance).pid();
    }

    /** The service's database refuses new connections and drops the open ones, like a server going away. */
    void refuseConnections(String service, boolean refuse) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + pgHost + ":" + pgPort + "/postgres", pgUser, pgPassword);
                Statement st = c.createStatement()) {
            st.execute("alter database " + database(service) + " allow_connections " + !refuse);
            if (refuse) {
                st.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database(service) + "'");
            }
        }
    }

    private void launch(String name) throws IOException {
        String s = serviceOf(name);
        // as in production: the owner role migrates, the service connects as a runtime role (rows only);
        // the service creates both as PGUSER (DatabaseBootstrap)
        Map<String, String> env = new LinkedHashMap<>(serviceEnvironment);
        env.putAll(Map.ofEntries(
                Map.entry("PORT", Integer.toString(ports.get(name))),
                Map.entry("MANAGEMENT_PORT", Integer.toString(managementPorts.get(name))),
                Map.entry("PGHOST", pgHost), Map.entry("PGPORT", Integer.toString(pgPort)),
                Map.entry("PGUSER", pgUser), Map.entry("PGPASSWORD", pgPassword),
                Map.entry("JIXIAO_DB_NAME", database(s)),
                Map.entry("JIXIAO_DB_OWNER_USER", database(s) + "_owner"), Map.entry("JIXIAO_DB_OWNER_PASSWORD", "e2e-owner"),
                Map.entry("JIXIAO_DB_APP_USER", database(s) + "_app"), Map.entry("JIXIAO_DB_APP_PASSWORD", "e2e-app"),
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers())));
        if (brokers > 1) {
            // as deploy/local/up.sh sets them for a cluster: 6 partitions, 3 copies, 2 to acknowledge
            env.put("JIXIAO_KAFKA_PARTITIONS", "6");
            env.put("JIXIAO_KAFKA_REPLICATION_FACTOR", Integer.toString(Math.min(3, brokers)));
            env.put("JIXIAO_KAFKA_MIN_INSYNC_REPLICAS", Integer.toString(Math.max(1, Math.min(3, brokers) - 1)));
        }
        Path jar = root.resolve(s).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        // C1 only, as up.sh starts them: four JVMs starting at once on 2 cores each compiling with C2 took 28-34 s
        // to be ready, 15-20 s without it
        start(name, List.of(java(), "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dquarkus.profile=local", "-jar", jar.toString()), env);
    }

    private void awaitReady(List<String> services) throws InterruptedException {
        List<String> ready = services.stream().map(s -> managementUrl(s) + "/q/health/ready").toList();
        if (!LocalTool.waitReady(Duration.ofSeconds(Long.getLong("jixiao.e2e.ready-seconds", 240)), ready)) {
            throw new IllegalStateException("services not ready; logs in " + work + "\n" + tails());
        }
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** Health and metrics: the packaged services serve them on the management interface. */
    String managementUrl(String service) {
        return "http://127.0.0.1:" + managementPorts.get(service);
    }

    String bootstrapServers() {
        if (attachedBootstrap != null) {
            return attachedBootstrap;
        }
        return String.join(",", kafkaPorts.stream().map(p -> "127.0.0.1:" + p).toList());
    }

    /**
     * Barrier before counting effects: {@code service} has published every event it accepted (its outbox
     * holds no unpublished row) and {@code consumer} has processed every record of the topics it reads.
     */
    void awaitQuiet(String service, String consumer, Duration timeout) throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plus(timeout);
        while (unpublished(service) > 0) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError(service + " still has unpublished outbox events");
            }
            Thread.sleep(100);
        }
        org.jixiao.common.test.KafkaProbe.awaitConsumed(bootstrapServers(), consumer,
                Duration.between(java.time.Instant.now(), deadline));
    }

    /** The barrier of the whole system: every service's outbox drained and every consumer group caught up. */
    void awaitAllQuiet(Duration timeout) throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plus(timeout);
        for (String service : SERVICES) {
            awaitQuiet(service, service, Duration.between(java.time.Instant.now(), deadline));
        }
        // a consumer caught up last may have published again: once more round, now quickly
        for (String service : SERVICES) {
            awaitQuiet(service, service, Duration.between(java.time.Instant.now(), deadline));
        }
    }

    private long unpublished(String service) throws Exception {
        try (Connection c = connect(service);
                Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("select count(*) from outbox_event where "
                        + org.jixiao.common.messaging.OutboxRepository.PUBLISHABLE)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The last lines of every log, for a failure message. */
    String tails() {
        StringBuilder sb = new StringBuilder();
        for (String name : processes.keySet()) {
            try {
                List<String> lines = Files.readAllLines(work.resolve(name + ".log"));
                sb.append("---- ").append(name).append('\n');
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> sb.append(l).append('\n'));
            } catch (IOException e) {
                sb.append("---- ").append(name).append(": no log\n");
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws Exception {
        List<String> names = new ArrayList<>(processes.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            if (!names.get(i).startsWith("kafka")) {
                stop(names.get(i));
            }
        }
        stopKafka();
        if (embedded != null) {
            embedded.close();
        }
    }

    private void start(String name, List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(name + ".log").toFile()));
        pb.environment().putAll(env);
        processes.put(name, pb.start());
    }

    private void stop(String name) throws InterruptedException {
        stopAll(List.of(name));
    }

    /** SIGTERM to all at once, then a wait for each (SIGKILL after 20 s). */
    private void stopAll(List<String> names) throws InterruptedException {
        List<Process> stopping = names.stream().map(processes::get).filter(p -> p != null && p.isAlive()).toList();
        stopping.forEach(Process::destroy);
        for (Process p : stopping) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private String launcherClasspath() {
        return root.resolve("deploy/target/classes") + java.io.File.pathSeparator + root.resolve("deploy/target/lib") + "/*";
    }

    private static String database(String service) {
        return "jixiao_e2e_" + service.substring(0, service.indexOf('-'));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Ports handed out by this JVM: two systems (or two parts of one) never get the same. */
    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PORT =
            new java.util.concurrent.atomic.AtomicInteger(20000 + (int) (ProcessHandle.current().pid() % 1000) * 10);

    /**
     * A port below Linux's ephemeral range (32768–60999): a port the kernel hands out for bind(0) may meanwhile
     * become the local end of some outgoing connection (a Kafka or JDBC client), and the service started on it
     * minutes later finds it taken. Below that range only a listener can hold it, and this checks there is none.
     */
    private static int freePort() throws IOException {
        for (int i = 0; i < 12000; i++) {
            int candidate = 20000 + Math.floorMod(NEXT_PORT.getAndIncrement() - 20000, 12000);
            if (HANDED_OUT.contains(candidate)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new java.net.InetSocketAddress("0.0.0.0", candidate));
            } catch (IOException taken) {
                continue;
            }
            if (HANDED_OUT.add(candidate)) {
                return candidate;
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }

    private static void waitForPort(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("nothing listens on port " + port + " after " + timeout.toSeconds() + " s");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
