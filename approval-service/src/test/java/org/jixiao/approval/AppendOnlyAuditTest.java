package org.jixiao.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jixiao.approval.Workflow.decide;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.junit.jupiter.api.Test;

/** The audit trail cannot be rewritten through the database: comments, history and stage decisions only grow. */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_approval_test"))
class AppendOnlyAuditTest {
    @Inject
    EventCodec codec;
    @Inject
    DataSource dataSource;

    /** A returned case with an overall and an anchored comment, as a reviewer leaves it. */
    UUID returnedCaseWithComments() throws Exception {
        String caseId = new Workflow(codec).checkedCase("JC-CQ-2025-001");
        decide(DevTokens.reviewer("周审核"), caseId, "{\"action\":\"RETURN\",\"comment\":\"请补充依据\","
                + "\"comments\":[{\"field\":\"funding\",\"text\":\"资金测算依据不足\"}]}").statusCode(200);
        return UUID.fromString(caseId);
    }

    /**
     * The trigger's refusal; a runtime role without the privilege is refused before the trigger fires,
     * which proves the same.
     */
    static String refusal(String table) {
        return "(?s).*(" + table + " is append-only|permission denied).*";
    }

    long count(Connection db, String table, UUID caseId) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("select count(*) from " + table + " where case_id = ?")) {
            st.setObject(1, caseId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void assertRefused(Connection db, String sql, UUID caseId, String table) {
        assertThatThrownBy(() -> {
            try (PreparedStatement st = db.prepareStatement(sql)) {
                if (caseId != null) {
                    st.setObject(1, caseId);
                }
                st.executeUpdate();
            }
        }).isInstanceOf(SQLException.class).satisfies(e -> assertThat(e.getMessage()).matches(refusal(table)));
    }

    @Test
    void shouldRefuseToUpdateOrDeleteACaseCommentThroughJdbc() throws Exception {
        UUID caseId = returnedCaseWithComments();
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(true);
            assertThat(count(db, "case_comment", caseId)).isEqualTo(2);
            assertRefused(db, "update case_comment set text = '已修改' where case_id = ?", caseId, "case_comment");
            assertRefused(db, "delete from case_comment where case_id = ?", caseId, "case_comment");
            assertThat(count(db, "case_comment", caseId)).isEqualTo(2);
            try (PreparedStatement st = db.prepareStatement("select count(*) from case_comment where case_id = ? and text = '已修改'")) {
                st.setObject(1, caseId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isZero();
                }
            }
        }
    }

    @Test
    void shouldRefuseToRewriteTheStageDecisionsAndTheHistoryThroughJdbc() throws Exception {
        UUID caseId = returnedCaseWithComments();
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(true);
            assertRefused(db, "update stage_decision set decided_by = 'someone-else' where case_id = ?", caseId, "stage_decision");
            assertRefused(db, "delete from stage_decision where case_id = ?", caseId, "stage_decision");
            assertRefused(db, "update case_history set actor = 'someone-else' where case_id = ?", caseId, "case_history");
            assertThat(count(db, "stage_decision", caseId)).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseToTruncateTheAuditTables() throws Exception {
        try (Connection db = dataSource.getConnection(); Statement st = db.createStatement()) {
            db.setAutoCommit(true);
            for (String table : new String[] {"case_comment", "case_history", "stage_decision"}) {
                assertThatThrownBy(() -> st.executeUpdate("truncate " + table))
                        .isInstanceOf(SQLException.class).satisfies(e -> assertThat(e.getMessage()).matches(refusal(table)));
            }
        }
    }
}
