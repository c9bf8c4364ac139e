package org.jixiao.indicator.plans;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
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
 * 历史标准 for a department with tens of thousands of approved targets: the suggestions for a name that many
 * indicators share (率) read at most a page of each matching indicator's history, newest first from an index,
 * never the department's whole history. Its own database, so that its rows touch no other test.
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "jixiao_indicator_plans"))
class SuggestionIndexTest {
    static final String DEPARTMENT = "812";
    static final int ENTRIES = 40_000;

    @Test
    void shouldSuggestTheNewestTargetsOfABusyDepartmentReadingAPageOfEachMatchingIndicatorOnly() throws Exception {
        try (Connection c = TestInfrastructure.get().connectToCurrentDatabase(); Statement s = c.createStatement()) {
            // the library holds the seed's indicators; a department approved targets for all of them over ten
            // years, another department half as many
            s.executeUpdate("""
                    insert into library_history (indicator_id, department_code, budget_year, project_id, revision,
                        project_name, target, approved_at)
                    select (select id from library_indicator order by id offset i % (select count(*) from library_indicator) limit 1),
                        case when i % 3 = 0 then '813' else '812' end, 2015 + i % 10, gen_random_uuid(), 1,
                        '项目' || i, 'T' || i, timestamptz '2026-01-01' + i * interval '1 minute'
                    from generate_series(0, :n - 1) i
                    """.replace(":n", Integer.toString(ENTRIES * 3 / 2)));
            QueryPlans.vacuumUntilAllVisible(c, "library_history", Duration.ofSeconds(30));

            List<String> answered = new ArrayList<>();
            String sql = RecordedSql.during(() -> answered.addAll(given().auth().oauth2(DevTokens.department(DEPARTMENT))
                            .get("/api/v1/library/suggestions?name=率&budgetYear=2025").then().statusCode(200)
                            .extract().jsonPath().getList("target", String.class)))
                    .stream().filter(q -> q.contains(" library_history ")).findFirst().orElseThrow();

            // the newest 50 of the department's targets for indicators named like 率, as a plain read tells them
            List<String> newest = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select h.target from library_history h join library_indicator i on i.id = h.indicator_id
                    where h.department_code = '812' and h.budget_year < 2025 and i.name like '%率%'
                    order by h.budget_year desc, h.approved_at desc, h.id limit 50""")) {
                while (rs.next()) {
                    newest.add(rs.getString(1));
                }
            }
            assertThat(newest).hasSize(50);
            assertThat(answered).isEqualTo(newest);

            long matching;
            try (ResultSet rs = s.executeQuery("select count(*) from library_indicator where name like '%率%'")) {
                rs.next();
                matching = rs.getLong(1);
            }
            QueryPlans.Plan plan = QueryPlans.explain(c, sql,
                    Map.of("department_code", DEPARTMENT, "budget_year", 2025, "name", "%率%"), true);
            assertThat(plan.fullScans(Set.of("library_history"))).as("%s", plan).isEmpty();
            assertThat(plan.rowsRead("library_history")).as("history read of %s indicators named like 率 in %s",
                    matching, plan).isLessThanOrEqualTo(50.0 * matching);
        }
    }
}
