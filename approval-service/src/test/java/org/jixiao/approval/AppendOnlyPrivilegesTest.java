package org.jixiao.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jixiao.common.test.JixiaoTestResource;
import org.junit.jupiter.api.Test;

/**
 * The runtime role may not even try to change the audit history: besides the trigger, it lacks UPDATE and
 * DELETE on every table guarded by an append-only trigger (common's db/common/afterMigrate.sql).
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_approval_test"))
class AppendOnlyPrivilegesTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldWithholdUpdateAndDeleteOfTheHistoryFromTheRuntimeRole() throws SQLException {
        for (String sql : new String[] {"update case_history set actor = actor where false", "delete from case_history where false",
                "truncate case_history", "alter table case_history disable trigger case_history_no_update"}) {
            assertThatThrownBy(() -> run(sql)).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).as("%s: %s", sql, e.getMessage()).isEqualTo("42501"));
        }
        // while the tables the workflow changes stay writable, and the history readable
        run("update review_case set status = status where false");
        run("select count(*) from case_history");
    }

    private void run(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
