package org.jixiao.common.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Creates a service's database when it is missing, before Quarkus starts Flyway on it. Reads the same
 * environment variables as application.properties (PGHOST, PGPORT, PGUSER, PGPASSWORD and the
 * service's JIXIAO_DB_NAME); a failure only warns, since an operator may have created the database
 * and withheld CREATEDB.
 */
public final class DatabaseBootstrap {
    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DatabaseBootstrap() {
    }

    public static void ensureDatabaseExists(String defaultName) {
        if ("false".equalsIgnoreCase(env("JIXIAO_DB_BOOTSTRAP", "true"))) {
            return;
        }
        String host = env("PGHOST", "127.0.0.1");
        String port = env("PGPORT", "5432");
        String name = env("JIXIAO_DB_NAME", defaultName);
        ensureDatabaseExists("jdbc:postgresql://" + host + ":" + port + "/postgres", env("PGUSER", "postgres"),
                env("PGPASSWORD", "postgres"), name);
    }

    public static void ensureDatabaseExists(String adminJdbcUrl, String user, String password, String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("unsafe database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(adminJdbcUrl, user, password);
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + name + " encoding 'UTF8' template template0");
                LOG.infof("created database %s", name);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created concurrently by another instance
            }
            LOG.warnf("could not check or create database %s (%s); assuming it exists", name, e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
