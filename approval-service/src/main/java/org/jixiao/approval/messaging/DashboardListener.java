package org.jixiao.approval.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jixiao.approval.service.DashboardSignals;
import org.jixiao.approval.service.DashboardStream;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * LISTENs on the dashboard channel over one dedicated connection (not the pool's: it is held for the life of
 * the instance) and hands every notification to this instance's connected dashboards. Every instance does the
 * same, so a change committed through one reaches the dashboards of all. The connection is re-opened after a
 * failure; what is notified while it is down is not replayed (a dashboard reloads the lists when it reconnects).
 */
@Startup
@ApplicationScoped
public class DashboardListener {
    private static final Logger LOG = Logger.getLogger(DashboardListener.class);
    /** How long one wait for notifications lasts; between waits the loop checks it should still run. */
    private static final int POLL_MILLIS = 500;
    /** A silent connection is tested this often, so that a dead one is noticed and replaced. */
    private static final Duration PROBE_EVERY = Duration.ofSeconds(30);

    private final DashboardStream stream;
    private final String url;
    private final String user;
    private final String password;
    private volatile boolean running = true;
    private volatile boolean listening;
    private Thread thread;

    public DashboardListener(DashboardStream stream,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "") String user,
            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") String password) {
        this.stream = stream;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @PostConstruct
    void start() {
        thread = new Thread(this::run, "dashboard-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Whether the LISTEN is in place now (for readiness and tests). */
    public boolean isListening() {
        return listening;
    }

    private void run() {
        long pause = 500;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement st = connection.createStatement()) {
                    st.execute("LISTEN " + DashboardSignals.CHANNEL);
                }
                listening = true;
                pause = 500;
                LOG.debugf("listening on %s", DashboardSignals.CHANNEL);
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("dashboard LISTEN connection failed, reconnecting in %d ms: %s", pause, e.toString());
                }
            } finally {
                listening = false;
            }
            if (running) {
                sleep(pause);
                pause = Math.min(pause * 2, 10_000);
            }
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        Instant lastProbe = Instant.now();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification n : notifications) {
                    try {
                        stream.publish(n.getParameter());
                    } catch (RuntimeException e) {
                        LOG.warnf("dashboard signal not delivered: %s", e.toString());
                    }
                }
            }
            if (Duration.between(lastProbe, Instant.now()).compareTo(PROBE_EVERY) > 0) {
                try (Statement st = connection.createStatement()) {
                    st.execute("select 1");
                }
                lastProbe = Instant.now();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        if (!user.isEmpty()) {
            props.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", "approval-service dashboard listener");
        props.setProperty("tcpKeepAlive", "true");
        Connection connection = new org.postgresql.Driver().connect(url, props);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + url);
        }
        return connection;
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
