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
 * environment variables as the configuration (PGHOST, PGPORT, PGUSER, PGPASSWORD, the service's
 * JIXIAO_DB_NAME, and the two roles JIXIAO_DB_OWNER_USER/_PASSWORD and JIXIAO_DB_APP_USER/_PASSWORD).
 * PGUSER acts as the administrator: when the roles differ from it, it creates the missing roles, makes the
 * owner role own the database and its schema, and withholds CREATE on the schema from everyone else, so
 * that the local run and the tests have production's two roles. A failure only warns, since an operator
 * may have done all this (README: Database roles) and withheld CREATEDB and CREATEROLE.
 */
public final class DatabaseBootstrap {
    private static final Logger LOG = Logger.getLogger(DatabaseBootstrap.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** A login role and its password. */
    public record Role(String name, String password) {
        public Role {
            if (!SAFE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("unsafe role name: " + name);
            }
        }
    }

    private DatabaseBootstrap() {
    }

    public static void ensureDatabaseExists(String defaultName) {
        if ("false".equalsIgnoreCase(env("JIXIAO_DB_BOOTSTRAP", "true"))) {
            return;
        }
        String host = env("PGHOST", "127.0.0.1");
        String port = env("PGPORT", "5432");
        String name = env("JIXIAO_DB_NAME", defaultName);
        try {
            Role admin = new Role(env("PGUSER", "postgres"), env("PGPASSWORD", "postgres"));
            Role owner = new Role(env("JIXIAO_DB_OWNER_USER", admin.name()), env("JIXIAO_DB_OWNER_PASSWORD", admin.password()));
            Role app = new Role(env("JIXIAO_DB_APP_USER", admin.name()), env("JIXIAO_DB_APP_PASSWORD", admin.password()));
            ensureDatabase("jdbc:postgresql://" + host + ":" + port + "/", admin, name, owner, app);
        } catch (SQLException | IllegalArgumentException e) {
            LOG.warnf("could not check or create database %s and its roles (%s); assuming they exist", name, e.getMessage());
        }
    }

    /**
     * Creates what is missing of {@code owner}, {@code app} and the database {@code name} (owned by
     * {@code owner}), connected as {@code admin} to the server of {@code serverUrl} ({@code jdbc:postgresql://host:port/}).
     */
    public static void ensureDatabase(String serverUrl, Role admin, String name, Role owner, Role app) throws SQLException {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("unsafe database name: " + name);
        }
        boolean separateOwner = !owner.name().equals(admin.name());
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", admin.name(), admin.password())) {
            for (Role r : new Role[] {owner, app}) {
                if (!r.name().equals(admin.name()) && !exists(c, "select 1 from pg_roles where rolname = ?", r.name())) {
                    execute(c, "create role " + r.name() + " login password " + literal(r.password()), "42710");
                    LOG.infof("created role %s", r.name());
                }
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", name)) {
                execute(c, "create database " + name + " owner " + owner.name() + " encoding 'UTF8' template template0", "42P04");
                LOG.infof("created database %s owned by %s", name, owner.name());
            }
        }
        if (separateOwner) {
            try (Connection c = DriverManager.getConnection(serverUrl + name, admin.name(), admin.password());
                    Statement s = c.createStatement()) {
                s.execute("alter database " + name + " owner to " + owner.name());
                // before PostgreSQL 15 every role may create tables in public; the runtime role must not
                s.execute("alter schema public owner to " + owner.name());
                s.execute("revoke create on schema public from public");
                s.execute(TRANSFER_OWNERSHIP.replace("$OWNER", owner.name()));
            }
        }
    }

    /**
     * A database migrated before the roles existed (the local run's data) holds objects of the administrator:
     * they become the owner's, or its next migration could not alter them.
     */
    private static final String TRANSFER_OWNERSHIP = """
            do $$
            declare
                o record;
            begin
                for o in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
                        and pg_get_userbyid(c.relowner) <> '$OWNER' loop
                    execute format('alter table public.%I owner to $OWNER', o.relname);
                end loop;
                for o in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind = 'S' and pg_get_userbyid(c.relowner) <> '$OWNER'
                        and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')) loop
                    execute format('alter sequence public.%I owner to $OWNER', o.relname);
                end loop;
                for o in select p.oid::regprocedure as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                        where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '$OWNER' loop
                    execute format('alter function %s owner to $OWNER', o.fn);
                end loop;
            end $$""";

    private static boolean exists(Connection c, String query, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(query)) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Runs {@code sql}; the SQL state {@code concurrent} (created by another instance meanwhile) is success. */
    private static void execute(Connection c, String sql, String concurrent) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            if (!concurrent.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
