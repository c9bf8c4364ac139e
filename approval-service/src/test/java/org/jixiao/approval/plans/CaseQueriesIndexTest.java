package org.jixiao.approval.plans;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
 * The case list and the dashboard at 10,000 cases (10,000 projects' declarations and monitoring reports over 200
 * departments and three budget years; open, decided, returned, overdue, at every stage): the queries that
 * select a part of the cases read it through an index. The test records the SQL each request made Hibernate
 * send and explains it with the request's values; a plan that reads all of {@code review_case} or
 * {@code project_warning} (a sequential scan, or a whole index read without a condition or a LIMIT) fails it.
 *
 * <p>Its own database (jixiao_approval_plans, a resource restricted to this class, so Quarkus restarts for it),
 * so that its rows and its ANALYZE touch no other test.
 *
 * <p>Every page of rows (… LIMIT n) is judged. A total or an aggregate is not judged when it keeps at least a tenth of a
 * table by the planner's estimate: it reads most pages of the table whatever the index, and a sequential scan
 * is then the right plan. That spares the total of an unfiltered list, of {@code overdue=false} (every case but
 * the overdue ones), of a year or a common status, and for a reviewer (all departments) the dashboard's
 * aggregates — counts (every declaration, by year and status), queues (every open case), lead-times (every
 * decided case), returns (every case, grouped by project) and the count of all warnings. For a department
 * token the same aggregates are about 1/200 of the cases and are judged.
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "jixiao_approval_plans"))
class CaseQueriesIndexTest {
    static final int CASES = 10_000;
    static final Set<String> LARGE_TABLES = Set.of("review_case", "project_warning");
    /** A count or aggregate that keeps this share of a table or more reads most of its pages anyway: not judged. */
    static final double LARGE_SHARE = 0.10;
    static final String REVIEWER = DevTokens.reviewer("reviewer-7");
    static final String DEPARTMENT = DevTokens.department("712");
    static final List<String> SORTS = List.of("openedAt", "-openedAt", "submittedAt", "-submittedAt", "stageEnteredAt",
            "-stageEnteredAt", "funding", "-funding", "projectName", "-projectName", "departmentCode", "-departmentCode",
            "decidedAt", "-decidedAt");

    static boolean seeded;
    static String someProject;

    /** A request and the values it binds (by column, as QueryPlans takes them). */
    record Call(String token, String path, Map<String, Object> values) {
    }

    @Test
    void shouldServeEveryCaseFilterSortAndDepartmentDashboardFromAnIndexAtTenThousandCases() throws Exception {
        seed();
        List<Call> calls = new ArrayList<>();
        calls.add(call(REVIEWER, "/api/v1/cases?status=OPEN", "status", "OPEN"));
        calls.add(call(REVIEWER, "/api/v1/cases?status=OPEN&stage=1", "status", "OPEN", "stage_index", 1));
        calls.add(call(REVIEWER, "/api/v1/cases?department=712", "department_code", "712"));
        calls.add(call(DEPARTMENT, "/api/v1/cases?status=OPEN", "status", "OPEN", "department_code", "712"));
        calls.add(call(REVIEWER, "/api/v1/cases?projectId=" + someProject, "project_id", someProject));
        calls.add(call(REVIEWER, "/api/v1/cases?budgetYear=2062", "budget_year", 2062));
        calls.add(call(REVIEWER, "/api/v1/cases?overdue=true", "status", "OPEN", "stage_due_at", "now"));
        calls.add(call(REVIEWER, "/api/v1/cases?overdue=false", "status", "OPEN", "stage_due_at", "now"));
        calls.add(call(REVIEWER, "/api/v1/cases?assignee=me", "assignee", "reviewer-7"));
        calls.add(call(REVIEWER, "/api/v1/cases?assignee=me&status=OPEN", "assignee", "reviewer-7", "status", "OPEN"));
        calls.add(call(REVIEWER, "/api/v1/cases?kind=MONITORING", "kind", "MONITORING"));
        calls.add(call(REVIEWER, "/api/v1/cases?kind=AMENDMENT&status=OPEN", "kind", "AMENDMENT", "status", "OPEN"));
        for (String sort : SORTS) {
            calls.add(call(REVIEWER, "/api/v1/cases?sort=" + sort));
            calls.add(call(REVIEWER, "/api/v1/cases?status=OPEN&sort=" + sort, "status", "OPEN"));
            calls.add(call(REVIEWER, "/api/v1/cases?budgetYear=2062&sort=" + sort, "budget_year", 2062));
        }
        calls.add(call(REVIEWER, "/api/v1/dashboard/my-cases", "assignee", "reviewer-7", "status", "OPEN"));
        calls.add(call(REVIEWER, "/api/v1/dashboard/warnings", "warning_level", 0));
        calls.add(call(REVIEWER, "/api/v1/dashboard/warnings?budgetYear=2062", "budget_year", 2062));
        calls.add(call(REVIEWER, "/api/v1/dashboard/warnings?departmentCode=712", "department_code", "712"));
        calls.add(call(DEPARTMENT, "/api/v1/dashboard/warnings?budgetYear=2062", "budget_year", 2062, "department_code", "712"));
        for (String year : new String[] {"", "?budgetYear=2062"}) {
            Object y = year.isEmpty() ? null : 2062;
            for (String path : List.of("/api/v1/dashboard/queues", "/api/v1/dashboard/lead-times", "/api/v1/dashboard/returns")) {
                calls.add(call(REVIEWER, path + year, "budget_year", y, "department_code", null));
                calls.add(call(DEPARTMENT, path + year, "budget_year", y, "department_code", "712"));
            }
        }
        calls.add(call(REVIEWER, "/api/v1/dashboard/counts", "department_code", null));
        calls.add(call(DEPARTMENT, "/api/v1/dashboard/counts", "department_code", "712"));

        List<String> findings = new ArrayList<>();
        try (Connection c = connect()) {
            Map<String, Double> rows = QueryPlans.rows(c, LARGE_TABLES);
            for (Call call : calls) {
                OffsetDateTime now = OffsetDateTime.now();
                List<String> statements = RecordedSql.during(() -> given().auth().oauth2(call.token())
                                .get(call.path()).then().statusCode(200))
                        .stream().filter(sql -> sql.contains(" review_case ") || sql.contains(" project_warning ")
                                // the counts' sums (the scheduled compaction of the counters is no request's)
                                || sql.startsWith("select budget_year, status, sum(n) from review_case_count"))
                        .toList();
                assertThat(statements).as("statements of %s", call.path()).isNotEmpty();
                Map<String, Object> values = new HashMap<>(call.values());
                values.replaceAll((k, v) -> "now".equals(v) ? now.toString() : v);
                values.putIfAbsent("offset", 0);
                values.putIfAbsent("limit", call.path().contains("returns") ? 50 : 20);
                // the age bands of the queues only count within the rows read (FILTER): they do not change the plan
                values.putIfAbsent("stage_entered_at", Collections.nCopies(40, now.toString()));
                values.putIfAbsent("stage_due_at", now.toString());
                for (String sql : statements) {
                    QueryPlans.Plan plan = QueryPlans.explain(c, sql, values);
                    // a page of rows; a grouped aggregate with a LIMIT (returns) reads all of its groups' rows first
                    boolean page = (sql.contains(" fetch first ") || sql.contains(" limit ")) && !sql.contains(" group by ");
                    if (!page && plan.largestShare(rows) >= LARGE_SHARE) {
                        continue;
                    }
                    List<String> full = plan.fullScans(LARGE_TABLES);
                    if (!full.isEmpty()) {
                        findings.add("GET " + call.path() + " reads all of a table (" + full + "):\n" + plan);
                    }
                }
            }
        }
        assertThat(findings).as("case and dashboard requests whose SQL reads all of a table").isEmpty();
    }

    @Test
    void shouldReadTheLeadTimesOfAYearAndOfAllYearsFromTheirOrderedIndexAlone() throws Exception {
        forAYearAndAllYears((c, year) -> {
            QueryPlans.Plan plan = planOfTheOneCaseStatement(c, "/api/v1/dashboard/lead-times" + (year == null ? "" : "?budgetYear=" + year),
                    values("budget_year", year, "department_code", null));
            String index = year == null ? "review_case_lead_seconds_all" : "review_case_lead_seconds";
            // both percentiles' positions read in the index's order (the 90th's from the far end), nothing sorted
            assertThat(scansOfCases(plan, true))
                    .as("scans of the cases for the lead times of " + (year == null ? "all years" : year))
                    .containsExactlyInAnyOrder("Index Only Scan " + index + " Forward", "Index Only Scan " + index + " Backward");
            assertThat(plan.nodes(n -> n.path("Node Type").asText().equals("Sort"))).isEmpty();
        });
    }

    @Test
    void shouldGroupTheReturnsOfAYearAndOfAllYearsFromTheReturnedProjectsOnly() throws Exception {
        forAYearAndAllYears((c, year) -> {
            // hundreds of projects were returned in a year of the seed: one statement answers, no fallback
            QueryPlans.Plan plan = planOfTheOneCaseStatement(c, "/api/v1/dashboard/returns?limit=20" + (year == null ? "" : "&budgetYear=" + year),
                    values("budget_year", year, "department_code", null, "limit", 20));
            // the returned cases' projects found by their index alone, so that only their cases are grouped and
            // sorted. How the cases are matched to them is the planner's choice by size: here a year's bitmap
            // or the whole table hashed, at 100,000 cases the covering project index read whole (V12).
            assertThat(scansOfCases(plan, false))
                    .as("scans of the cases for the returns of " + (year == null ? "all years" : year))
                    .contains("Index Only Scan review_case_returned");
        });
    }

    /** The plan of the one statement on the cases that a reviewer's GET of {@code path} runs. */
    private static QueryPlans.Plan planOfTheOneCaseStatement(Connection c, String path, Map<String, Object> values) throws Exception {
        List<String> statements = RecordedSql.during(() -> given().auth().oauth2(REVIEWER).get(path).then().statusCode(200))
                .stream().filter(sql -> sql.contains(" review_case ")).toList();
        assertThat(statements).as("statements on the cases of GET " + path).hasSize(1);
        return QueryPlans.explain(c, statements.get(0), values);
    }

    /** "node type index name" of every scan of the cases, with the scan's direction when asked. */
    private static List<String> scansOfCases(QueryPlans.Plan plan, boolean withDirection) {
        return plan.nodes(n -> n.path("Relation Name").asText().equals("review_case")).stream()
                .map(n -> n.path("Node Type").asText() + " " + n.path("Index Name").asText()
                        + (withDirection ? " " + n.path("Scan Direction").asText() : ""))
                .toList();
    }

    /** A check of the dashboard's statements for one year and for all years. */
    private interface YearCheck {
        void check(Connection c, Integer year) throws Exception;
    }

    /** Runs {@code check} for the seed's year 2062 and for all years, on the seeded cases. */
    private void forAYearAndAllYears(YearCheck check) throws Exception {
        seed();
        try (Connection c = connect()) {
            // the visibility map, as autovacuum keeps it, lets an index answer without the cases' pages
            QueryPlans.vacuumUntilAllVisible(c, "review_case", java.time.Duration.ofSeconds(20));
            for (Integer year : java.util.Arrays.asList(2062, null)) {
                check.check(c, year);
            }
        }
    }

    @Test
    void shouldReadTheQueuesOfAYearAndOfAllYearsFromTheOpenCasesIndexAlone() throws Exception {
        forAYearAndAllYears((c, year) -> {
            String now = java.time.OffsetDateTime.now().toString();
            // the age bands' bounds: as many as the statement has, any instants will do for its plan
            QueryPlans.Plan plan = planOfTheOneCaseStatement(c, "/api/v1/dashboard/queues" + (year == null ? "" : "?budgetYear=" + year),
                    values("budget_year", year, "department_code", null, "stage_due_at", now,
                            "stage_entered_at", java.util.Collections.nCopies(6, now)));
            assertThat(plan.toString()).as("plan of the queues of " + (year == null ? "all years" : year))
                    .contains("Index Only Scan").contains("review_case_open_queue");
        });
    }

    static Call call(String token, String path, Object... keysAndValues) {
        return new Call(token, path, values(keysAndValues));
    }

    /** Keys and values; a value may be null (a criterion the request leaves out). */
    static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Connection connect() throws SQLException {
        return TestInfrastructure.get().connectToCurrentDatabase();
    }

    /**
     * 10,000 cases by one statement: 7,000 projects (budget years 2061–2063, departments 700–899), nine in ten
     * cases declarations (one in ten an amendment), one in ten a monitoring report; 30% open at stages 0–2 (a
     * quarter of them assigned, most of them past their due instant), the rest approved/acknowledged or returned.
     * A warning for every project with a monitoring case.
     */
    static synchronized void seed() throws SQLException {
        if (seeded) {
            return;
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("select setseed(0.15)");
            s.execute("""
                    insert into review_case (id, project_id, revision, kind, budget_year, department_code, department_name,
                        project_name, funding, indicator_count, snapshot, status, stage_index, stage_name, assignee,
                        opened_at, stage_entered_at, submitted_at, stage_due_at, decided_at, decided_by, version,
                        period, report_revision)
                    select gen_random_uuid(), p, r, k, 2061 + n % 3, (700 + n % 200)::text, '部门' || (700 + n % 200),
                        '义务教育阶段学校运转经费（' || n || '）', round((100000 + random() * 90000000)::numeric, 2), 8, '{}',
                        st, case when st = 'OPEN' then i % 3 else 2 end, '第' || (i % 3 + 1) || '审',
                        case when st = 'OPEN' and i % 4 = 0 then 'reviewer-' || (i % 30) end,
                        o, o + (i % 3) * interval '2 days', o, o + (i % 3) * interval '2 days' + (i % 60) * interval '1 day',
                        case when st <> 'OPEN' then o + (i % 15) * interval '1 day' end,
                        case when st <> 'OPEN' then 'reviewer-' || (i % 30) end, 1,
                        case when k = 'MONITORING' then (2061 + n % 3) || '-06' end,
                        case when k = 'MONITORING' then r end
                    from (select i, i % 7000 as n, md5('plan-' || (i % 7000))::uuid as p, 1 + i / 7000 as r,
                              case when i % 10 = 9 then 'MONITORING' when i % 10 = 8 then 'AMENDMENT' else 'SUBMISSION' end as k,
                              now() - interval '120 days' + i * interval '17 minutes' as o
                          from generate_series(0, CASES - 1) i) g,
                         lateral (select case when i % 20 < 6 then 'OPEN' when i % 20 < 17
                             then case when k = 'MONITORING' then 'ACKNOWLEDGED' else 'APPROVED' end else 'RETURNED' end as st) x
                    """.replace("CASES", String.valueOf(CASES)));
            s.execute("""
                    insert into project_warning (project_id, project_name, department_code, budget_year, period, as_of,
                        report_revision, overall, lag_points, on_track_rows, at_risk_rows, off_track_rows,
                        not_assessable_rows, warning_level, case_id, updated_at)
                    select distinct on (project_id) project_id, project_name, department_code, budget_year, period,
                        date '2061-06-30', report_revision, 'AT_RISK', (random() * 40)::numeric(5, 2), 5, 2,
                        (random() * 3)::int, 0, (random() * 2.4)::int, id, now()
                    from review_case where kind = 'MONITORING' order by project_id, report_revision desc
                    """);
            try (ResultSet rs = s.executeQuery("select project_id from review_case order by id limit 1")) {
                rs.next();
                someProject = rs.getString(1);
            }
            s.execute("vacuum analyze review_case");
            s.execute("vacuum analyze project_warning");
        }
        seeded = true;
    }
}
