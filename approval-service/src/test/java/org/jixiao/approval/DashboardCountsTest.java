package org.jixiao.approval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jixiao.approval.Workflow.decide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jixiao.approval.repository.ReviewCaseCounts;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.repository.DeltaCounters;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.common.test.RecordedSql;
import org.jixiao.common.test.SeedFixtures;
import org.jixiao.common.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's counts come from review_case_count (kept by a trigger) and answer exactly what counting the
 * declarations answered, for all departments and for a department's own, through the review cycle.
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_approval_test"))
class DashboardCountsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String R1 = DevTokens.reviewer("计数一");
    static final String R2 = DevTokens.reviewer("计数二");
    static final Pattern CASE_TABLE = Pattern.compile("\\breview_case\\b");

    @Inject
    EventCodec codec;
    @Inject
    DeltaCounters counters;
    @Inject
    ReviewCaseCounts caseCounts;

    static Connection connect() throws SQLException {
        return TestInfrastructure.get().connectToCurrentDatabase();
    }

    /** The answer of /dashboard/counts as the old code computed it: count(*) of the declarations. */
    static JsonNode countedAnswer(String department) throws Exception {
        Map<Integer, Map<String, Long>> byYear = new TreeMap<>();
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement("select budget_year, status, count(*)"
                + " from review_case where (cast(? as varchar) is null or department_code = ?)"
                + " and kind in ('SUBMISSION', 'AMENDMENT') group by budget_year, status order by budget_year, status")) {
            p.setString(1, department);
            p.setString(2, department);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    byYear.computeIfAbsent(r.getInt(1), y -> {
                        Map<String, Long> m = new LinkedHashMap<>();
                        List.of("OPEN", "APPROVED", "RETURNED").forEach(s -> m.put(s, 0L));
                        return m;
                    }).put(r.getString(2), r.getLong(3));
                }
            }
        }
        List<Map<String, Object>> answer = new ArrayList<>();
        byYear.forEach((y, m) -> answer.add(Map.of("budgetYear", y, "byStatus", m)));
        return JSON.readTree(JSON.writeValueAsString(answer));
    }

    static JsonNode answer(String token) throws Exception {
        return JSON.readTree(given().auth().oauth2(token).get("/api/v1/dashboard/counts").then().statusCode(200)
                .extract().asString());
    }

    /** Keys whose counter sum differs from the cases' count(*), as text. */
    static List<String> wrongCounters() throws SQLException {
        List<String> wrong = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                select budget_year, department_code, kind, status, coalesce(p.n, 0), coalesce(k.n, 0)
                  from (select budget_year, department_code, kind, status, count(*) n from review_case group by 1, 2, 3, 4) p
                  full join (select budget_year, department_code, kind, status, sum(n) n from review_case_count
                              group by 1, 2, 3, 4) k using (budget_year, department_code, kind, status)
                 where coalesce(p.n, 0) <> coalesce(k.n, 0)""")) {
            while (r.next()) {
                wrong.add(r.getInt(1) + "/" + r.getString(2) + "/" + r.getString(3) + "/" + r.getString(4) + ": "
                        + r.getLong(5) + " cases, counters say " + r.getLong(6));
            }
        }
        return wrong;
    }

    void assertSameAnswers(String department) throws Exception {
        assertThat(wrongCounters()).isEmpty();
        assertThat(answer(DevTokens.admin())).isEqualTo(countedAnswer(null));
        assertThat(answer(DevTokens.department(department))).isEqualTo(countedAnswer(department));
    }

    @Test
    void shouldCountDeclarationsWithoutReadingTheCases() throws Exception {
        Workflow workflow = new Workflow(codec);
        String department = SeedFixtures.project("JC-CQ-2025-007").get("departmentCode").asText();
        workflow.awaitCase(workflow.submit("JC-CQ-2025-007", 1, UUID.randomUUID()), 1);

        JsonNode[] answers = new JsonNode[2];
        List<String> statements = RecordedSql.during(() -> {
            try {
                answers[0] = answer(DevTokens.admin());
                answers[1] = answer(DevTokens.department(department));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(answers[0]).isEqualTo(countedAnswer(null)).isNotEmpty();
        assertThat(answers[1]).isEqualTo(countedAnswer(department)).isNotEmpty();
        assertThat(statements).filteredOn(sql -> CASE_TABLE.matcher(sql).find()).as("statements reading review_case")
                .isEmpty();
        // the scheduled compaction may run meanwhile: its statements are not the requests'
        assertThat(statements).filteredOn(sql -> sql.startsWith("select") && sql.contains(" from review_case_count"))
                .hasSize(2);
    }

    @Test
    void shouldAnswerTheSameCountsThroughSubmissionsDecisionsAmendmentsAndRollbacks() throws Exception {
        Workflow workflow = new Workflow(codec);
        ProjectDocument doc = JSON.treeToValue(SeedFixtures.project("JC-CQ-2025-004"), ProjectDocument.class);
        String department = doc.departmentCode();
        String approved = workflow.checkedCase(doc);
        String returned = workflow.checkedCase("JC-CQ-2025-005");
        workflow.checkedCase("JC-CQ-2025-006");
        assertSameAnswers(department);

        decide(R1, approved, "{\"action\":\"PASS\"}").statusCode(200);
        decide(R2, approved, "{\"action\":\"APPROVE\",\"grade\":\"优\"}").statusCode(200);
        decide(R1, returned, "{\"action\":\"RETURN\",\"comment\":\"请补充依据\"}").statusCode(200);
        assertSameAnswers(department);

        // the approved project's amendment opens a case of its own
        UUID projectId = UUID.fromString(given().auth().oauth2(Workflow.READER).get("/api/v1/cases/" + approved)
                .then().extract().path("projectId"));
        EventEnvelope amended = codec.envelope(EventTypes.PROJECT_AMENDED, projectId, 2, "dept-" + department,
                new ProjectSubmitted(doc, "dept-" + department, "幼儿人数调整", 1, List.of()));
        KafkaProbe.send(Topics.PROJECTS, projectId.toString(), codec.encode(amended));
        workflow.awaitCase(projectId, 2);
        assertSameAnswers(department);

        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update review_case set status = 'APPROVED', decided_at = now() where status = 'OPEN'");
                c.rollback();
            }
        }
        assertSameAnswers(department);
        counters.compact(caseCounts);
        assertSameAnswers(department);
    }
}
