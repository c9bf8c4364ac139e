package org.jixiao.reporting.plans;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.QueryPlans;
import org.jixiao.common.test.RecordedSql;
import org.jixiao.common.test.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The summary (绩效目标情况表) of a year and of a department's projects in it, at 10,000 projects of three years and
 * 200 departments: read in the bureau's order from an index, not gathered and sorted. A sort holds every row of the
 * year before the first is sent (at 25,000 approved projects it spilled to disk), and a department's summary read
 * its year's rows to find its own. Its own database, so that its rows and its VACUUM touch no other test.
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "jixiao_reporting_plans"))
class SummaryIndexTest {
    static final int PROJECTS = 10_000;
    static final int YEAR = 2062;
    static final String DEPARTMENT = "731";

    static boolean seeded;

    @Test
    void shouldReadAYearsSummaryAndADepartmentsInTheBureausOrderFromAnIndex() throws Exception {
        seed();
        List<String> findings = new ArrayList<>();
        try (Connection c = TestInfrastructure.get().connectToCurrentDatabase()) {
            for (boolean department : new boolean[] {false, true}) {
                String token = department ? DevTokens.department(DEPARTMENT) : DevTokens.reviewer("r");
                int[] rows = new int[1];
                String sql = RecordedSql.during(() -> rows[0] = given().auth().oauth2(token)
                                .get("/api/v1/reports/summary?format=json&budgetYear=" + YEAR).then().statusCode(200)
                                .extract().jsonPath().getList("rows").size())
                        .stream().filter(s -> s.contains(" from report_project ")).findFirst().orElseThrow();
                // a third of the projects are of the year, four in five of those approved; a department has 1 in 200
                assertThat(rows[0]).as("rows of the summary").isEqualTo(department ? approved(c, DEPARTMENT) : approved(c, null));

                QueryPlans.Plan plan = QueryPlans.explain(c, sql, Map.of("budget_year", YEAR, "department_code", DEPARTMENT), true);
                List<JsonNode> sorts = plan.nodes(n -> n.path("Node Type").asText().equals("Sort"));
                List<String> full = plan.fullScans(Set.of("report_project"));
                if (!sorts.isEmpty() || !full.isEmpty() || plan.rowsRead("report_project") > rows[0] * 1.2 + 5) {
                    findings.add((department ? "a department's" : "the year's") + " summary sorts, scans or reads rows"
                            + " beyond its own:\n" + plan);
                }
            }
        }
        assertThat(findings).isEmpty();
    }

    static long approved(Connection c, String department) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("select count(*) from report_project where budget_year = "
                + YEAR + " and approved_revision is not null" + (department == null ? "" : " and department_code = '" + department + "'"))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** 10,000 projects of 2061–2063, departments 700–899, 80% approved, straight into the read model. */
    static synchronized void seed() throws SQLException {
        if (seeded) {
            return;
        }
        try (Connection c = TestInfrastructure.get().connectToCurrentDatabase(); Statement s = c.createStatement()) {
            s.executeUpdate("""
                    insert into report_project (project_id, budget_year, department_code, status, latest_revision,
                        approved_revision, budget_unit_code, budget_unit_name, project_name, funding, updated_at)
                    select gen_random_uuid(), 2061 + i % 3, (700 + i % 200)::text,
                        case when i % 5 = 0 then 'SUBMITTED' else 'APPROVED' end, 1,
                        case when i % 5 = 0 then null else 1 end,
                        (700 + i % 200)::text || '00' || (i % 7), '单位' || (i % 7), '项目' || (i * 7919 % 10000),
                        round((100000 + i * 37.5)::numeric, 2), now()
                    from generate_series(0, :projects - 1) i
                    """.replace(":projects", Integer.toString(PROJECTS)));
            QueryPlans.vacuumUntilAllVisible(c, "report_project", Duration.ofSeconds(30));
        }
        seeded = true;
    }
}
