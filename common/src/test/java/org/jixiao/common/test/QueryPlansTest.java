package org.jixiao.common.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plan tests' VACUUM, against a real PostgreSQL server with a transaction held open as a service holds one. */
class QueryPlansTest {
    private static EmbeddedPostgres pg;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @Test
    void shouldVacuumUntilTheVisibilityMapMarksEveryPageOnceTheOpenTransactionEnds() throws Exception {
        try (Connection holder = pg.getPostgresDatabase().getConnection();
                Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // a transaction with a snapshot older than the rows: one VACUUM cannot mark their pages all-visible
            holder.setAutoCommit(false);
            try (Statement h = holder.createStatement()) {
                h.execute("select txid_current()");
            }
            s.execute("create table review_case (id integer primary key, status text)");
            s.execute("insert into review_case select i, 'OPEN' from generate_series(1, 20000) i");

            assertThatThrownBy(() -> QueryPlans.vacuumUntilAllVisible(c, "review_case", Duration.ofMillis(300)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("the visibility map of review_case marks 0 of")
                    .hasMessageContaining("idle in transaction");

            CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(500);
                    holder.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            QueryPlans.vacuumUntilAllVisible(c, "review_case", Duration.ofSeconds(20));
            ended.get(5, TimeUnit.SECONDS);
            try (ResultSet rs = s.executeQuery(
                    "select relpages, relallvisible from pg_class where relname = 'review_case'")) {
                rs.next();
                assertThat(rs.getLong(1)).isPositive();
                assertThat(rs.getLong(2)).isEqualTo(rs.getLong(1));
            }
        }
    }
}
