package org.jixiao.deploy.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fuzz suite's "nothing changed" check, against a real PostgreSQL server. */
class DatabaseFingerprintTest {
    private static EmbeddedPostgres pg;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("create table project (id bigint primary key, name text)");
            st.execute("create table project_count (budget_year integer, status varchar(20), n integer)");
            st.execute("insert into project values (1, '学校改造')");
            st.execute("insert into project_count values (2025, 'DRAFT', 1), (2025, 'DRAFT', 1), (2025, 'SUBMITTED', 1),"
                    + " (2025, 'SUBMITTED', -1)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private static Connection connect() throws Exception {
        return pg.getPostgresDatabase().getConnection();
    }

    private static Map<String, String> print() throws Exception {
        return DatabaseFingerprint.of(List.of("svc"), service -> pg.getPostgresDatabase().getConnection());
    }

    @Test
    void shouldNotSeeACounterCompactionAsAChangeButSeeEveryChangedCountOrRow() throws Exception {
        Map<String, String> before = print();
        try (Connection c = connect(); Statement st = c.createStatement()) {
            // what DeltaCounters does every few seconds: each key's deltas replaced by their sum
            st.execute("with d as (delete from project_count returning budget_year, status, n)"
                    + " insert into project_count select budget_year, status, sum(n) from d group by 1, 2");
        }
        assertThat(DatabaseFingerprint.changes(before, print())).isEmpty();

        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("insert into project_count values (2025, 'SUBMITTED', 1)");
        }
        Map<String, String> counted = print();
        assertThat(DatabaseFingerprint.changes(before, counted)).singleElement().asString().startsWith("svc/project_count");

        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("update project set name = '学校改造工程' where id = 1");
        }
        assertThat(DatabaseFingerprint.changes(counted, print())).singleElement().asString().startsWith("svc/project:");
    }
}
