package org.jixiao.project.plans;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.QueryPlans;
import org.jixiao.common.test.RecordedSql;
import org.jixiao.common.test.SeedFixtures;
import org.jixiao.common.test.TestInfrastructure;
import org.jixiao.project.repository.ProjectNameCounts;
import org.junit.jupiter.api.Test;

/**
 * The project list at 10,000 projects (200 departments, three budget years): every filter and every sort the
 * API offers is read through an index. The test records the SQL each list request sends and explains
 * it with the request's values; a plan that reads all of {@code project} (a sequential scan, or a whole index
 * read without a condition or a LIMIT) fails it.
 *
 * <p>Its own database (jixiao_project_plans, a resource restricted to this class, so Quarkus restarts for it),
 * so that its 10,000 rows and its ANALYZE touch no other test.
 *
 * <p>Every page (ORDER BY … LIMIT 20) is judged. A total is not judged when its filter keeps at least a tenth of
 * the projects by the planner's estimate (no filter; a budget year, a third; APPROVED, half; SUBMITTED, a
 * fifth): such a count reads most pages of the table whatever the index, and PostgreSQL rightly reads it
 * sequentially unless the visibility map lets it count from an index alone (after autovacuum has run, which
 * a test cannot wait for deterministically). The totals of selective filters (a department, a name, a funding
 * range, a status within a year) are judged.
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "jixiao_project_plans"))
class ProjectListIndexTest {
    static final int PROJECTS = 10_000;
    static final Set<String> LARGE_TABLES = Set.of("project");
    /** A count that keeps this share of a table or more reads most of its pages anyway: not judged. */
    static final double LARGE_SHARE = 0.10;
    static final String ADMIN = DevTokens.admin();
    static final List<String> SORTS = List.of("name", "-name", "budgetYear", "-budgetYear", "funding", "-funding",
            "status", "-status", "createdAt", "-createdAt", "updatedAt", "-updatedAt");

    static boolean seeded;
    static String nameFragment;

    /**
     * A request, the values it binds (by column, as QueryPlans takes them), and whether its count may read the
     * whole of an index (never the table) rather than use a condition.
     */
    record Call(String token, String query, Map<String, Object> values, boolean countReadsIndex) {
    }

    @Test
    void shouldServeEveryListFilterAndSortFromAnIndexAtTenThousandProjects() throws Exception {
        seed();
        List<Call> calls = new ArrayList<>();
        BigDecimal min = new BigDecimal("1000000.00");
        BigDecimal max = new BigDecimal("1500000.00");
        calls.add(call(ADMIN, "budgetYear=2062", Map.of("budget_year", 2062)));
        calls.add(call(ADMIN, "departmentCode=712", Map.of("department_code", "712")));
        calls.add(call(DevTokens.department("712"), "budgetYear=2062", Map.of("budget_year", 2062, "department_code", "712")));
        calls.add(call(ADMIN, "status=SUBMITTED", Map.of("status", "SUBMITTED")));
        calls.add(call(ADMIN, "status=RETURNED&budgetYear=2063", Map.of("status", "RETURNED", "budget_year", 2063)));
        // a term's grams (project_term_grams); LIKE follows for a term longer than two characters
        calls.add(call(ADMIN, "nameContains=" + nameFragment, search(nameFragment)));
        calls.add(call(ADMIN, "nameContains=（1234）", search("（1234）")));
        calls.add(call(ADMIN, "budgetYear=2061&nameContains=" + nameFragment, search(nameFragment, "budget_year", 2061)));
        for (Map.Entry<String, Integer> gram : GRAM_TERMS.entrySet()) {
            String term = gram.getKey();
            int year = gram.getValue();
            calls.add(call(ADMIN, "nameContains=" + term, search(term)));
            calls.add(call(ADMIN, "budgetYear=" + year + "&nameContains=" + term, search(term, "budget_year", year)));
            calls.add(call(ADMIN, "status=SUBMITTED&nameContains=" + term, search(term, "status", "SUBMITTED")));
            calls.add(call(ADMIN, "departmentCode=712&nameContains=" + term, search(term, "department_code", "712")));
            for (String sort : List.of("name", "-funding")) {
                calls.add(call(ADMIN, "budgetYear=" + year + "&sort=" + sort + "&nameContains=" + term,
                        search(term, "budget_year", year)));
            }
        }
        calls.add(call(ADMIN, "fundingMin=" + min + "&fundingMax=" + max, Map.of("funding", List.of(min, max))));
        calls.add(call(ADMIN, "fundingMin=89000000", Map.of("funding", new BigDecimal("89000000"))));
        calls.add(call(ADMIN, "fundingMax=500000", Map.of("funding", new BigDecimal("500000"))));
        for (String sort : SORTS) {
            calls.add(new Call(ADMIN, "sort=" + sort, Map.of(), false));
            calls.add(call(ADMIN, "budgetYear=2062&sort=" + sort, Map.of("budget_year", 2062)));
            calls.add(call(ADMIN, "status=APPROVED&sort=" + sort, Map.of("status", "APPROVED")));
        }

        List<String> findings = new ArrayList<>();
        try (Connection c = connect()) {
            Map<String, Double> rows = QueryPlans.rows(c, LARGE_TABLES);
            for (Call call : calls) {
                List<String> statements = RecordedSql.during(() -> given().auth().oauth2(call.token())
                                .get("/api/v1/projects?size=20&" + call.query()).then().statusCode(200))
                        .stream().filter(sql -> sql.contains(" from project ")
                                || sql.startsWith("select coalesce(sum(n), 0) from project_count")
                                || sql.startsWith("select coalesce(sum(n), 0) from project_gram_count")).toList();
                // the count (from project_count when it filters only by year, department and status, from
                // project_gram_count for a term of one or two characters alone or with a year) and the page: a
                // request that sent fewer was not measured
                assertThat(statements).as("statements of %s", call.query()).hasSize(2);
                Map<String, Object> values = new HashMap<>(call.values());
                values.put("offset", 0);
                values.put("limit", 20);
                for (String sql : statements) {
                    QueryPlans.Plan plan = QueryPlans.explain(c, sql, values);
                    if (sql.startsWith("select count(") && plan.largestShare(rows) >= LARGE_SHARE) {
                        continue;
                    }
                    List<String> full = plan.fullScans(LARGE_TABLES, call.countReadsIndex() && sql.startsWith("select count("));
                    if (!full.isEmpty()) {
                        findings.add("GET /api/v1/projects?" + call.query() + " reads all of project (" + full + "):\n" + plan);
                    }
                }
            }
        }
        assertThat(findings).as("list requests whose SQL reads all of project").isEmpty();
    }

    /**
     * A year's page in every sort order reads about its own rows. A walk of the table's whole index of the sorted
     * column passes no test above (it stops after the page), but reads the rows of every year and keeps the
     * year's: here, with three years, three rows for each kept; in a database that holds its past years, many
     * more (460 rows for a page of 20 at 620,000 projects). Not the status sorts: of five statuses, a page reads
     * its status's rows of the year whole to order them by the tiebreaker id (only an index of year, status and id
     * in each direction would spare that; a rare sort, left so).
     */
    @Test
    void shouldReadAboutOnePageOfRowsForAYearsPageInEverySortOrder() throws Exception {
        seed();
        List<String> findings = new ArrayList<>();
        try (Connection c = connect()) {
            for (String sort : SORTS.stream().filter(sort -> !sort.endsWith("status")).toList()) {
                String query = "budgetYear=2062&size=20&sort=" + sort;
                String page = RecordedSql.during(() -> given().auth().oauth2(ADMIN).get("/api/v1/projects?" + query)
                                .then().statusCode(200))
                        .stream().filter(sql -> sql.contains(" from project ") && sql.contains(" order by ")).findFirst()
                        .orElseThrow();
                QueryPlans.Plan plan = QueryPlans.explain(c, page, Map.of("budget_year", 2062), true);
                double read = plan.rowsRead("project");
                // the page, the first row of the next group of equal keys (the incremental sort of the tiebreaker
                // id), and some slack; a walk that keeps one row in three reads 60
                if (read > 30) {
                    findings.add("GET /api/v1/projects?" + query + " reads " + read + " rows of project for a page of 20:\n" + plan);
                }
            }
        }
        assertThat(findings).as("pages of a year that read other years' rows").isEmpty();
    }

    /**
     * A one-character, a two-character Chinese term and a term mixing digits and Chinese, each in about 1 name
     * in 21, with the budget year their names have (the seed's name and year both follow the row's number):
     * the trigram index of V7 had no trigram for the first two and returned every project for them.
     */
    static final Map<String, Integer> GRAM_TERMS = Map.of("卫", 2063, "学校", 2062, "2025年", 2062);

    @Test
    void shouldFindNamesContainingATermOfAnyLengthFromTheGramIndexNotFromEveryProject() throws Exception {
        seed();
        List<String> findings = new ArrayList<>();
        try (Connection c = connect()) {
            for (Map.Entry<String, Integer> gram : GRAM_TERMS.entrySet()) {
                String term = gram.getKey();
                // every year; the year all its names have; another year, which has none of them (the seed's name
                // and year both follow the row's number): there the index should offer no candidate at all
                int otherYear = gram.getValue() == 2063 ? 2061 : gram.getValue() + 1;
                for (Integer year : java.util.Arrays.asList(null, gram.getValue(), otherYear)) {
                    // a term of one or two characters alone or with a year is counted by project_gram_count
                    // (ProjectCountsTest); with a status its count still comes from the gram indexes
                    String query = (year == null ? "" : "budgetYear=" + year + "&") + "nameContains=" + term
                            + (ProjectNameCounts.answers(term) ? "&status=DRAFT" : "");
                    String count = RecordedSql.during(() -> given().auth().oauth2(ADMIN)
                                    .get("/api/v1/projects?size=20&" + query).then().statusCode(200))
                            .stream().filter(sql -> sql.startsWith("select count(") && sql.contains(" from project "))
                            .findFirst().orElseThrow();
                    QueryPlans.Plan plan = QueryPlans.explain(c, count, search(term, "status", "DRAFT"), true);
                    // within a year, the year's names containing the term: candidates of other years are waste
                    long containing = containing(c, term, year);
                    if (year == null) {
                        // about a twentieth of the projects: reading them through the index is the point
                        assertThat(containing).as("names containing %s", term).isBetween(100L, PROJECTS / 10L);
                    }
                    List<Double> read = gramIndexScans(plan).stream().map(n -> n.path("Actual Rows").asDouble()).toList();
                    if (read.isEmpty()) {
                        findings.add(query + " does not read a gram index:\n" + plan);
                    } else if (read.get(0) > containing * 1.5) {
                        findings.add(query + " reads " + read.get(0) + " projects from the gram index for "
                                + containing + " containing the term:\n" + plan);
                    }
                }
            }
        }
        assertThat(findings).as("name searches not served by the gram index").isEmpty();
    }

    @Test
    void shouldReadAFewPagesOfTheGramIndexesUnmergedEntriesNotMegabytes() throws Exception {
        seed();
        // New names wait in each GIN index's pending list until it is merged (by an insert that finds it over
        // gin_pending_list_limit, or by VACUUM), and every search reads all of it: 2,000 names' grams are about
        // 230 pages of each list at the default limit of 4 MB.
        int year = 2064;
        try (Connection c = connect()) {
            try (Statement s = c.createStatement()) {
                // an autovacuum worker's ANALYZE of the new rows would merge the list before the count reads it
                s.execute("alter table project set (autovacuum_enabled = false)");
                s.executeUpdate("""
                        insert into project (id, budget_year, name, department_code, department_name, budget_unit_code,
                            budget_unit_name, attribute, implementing_unit, status, revision, version, created_by,
                            created_at, updated_by, updated_at)
                        select gen_random_uuid(), %d, '公路养护工程' || i || '标段（乡镇道路）', '701', '部门701', '701001',
                            '单位', '经常性项目', '实施单位', 'DRAFT', 1, 1, 'dept-701', now(), 'dept-701', now()
                        from generate_series(1, 2000) i
                        """.formatted(year));
            }
            try {
                String count = RecordedSql.during(() -> given().auth().oauth2(ADMIN)
                                .get("/api/v1/projects?size=20&budgetYear=" + year + "&nameContains=养护工程").then().statusCode(200))
                        .stream().filter(sql -> sql.startsWith("select count(") && sql.contains(" from project "))
                        .findFirst().orElseThrow();
                QueryPlans.Plan plan = QueryPlans.explain(c, count, search("养护工程"), true);
                List<Double> pages = gramIndexScans(plan).stream()
                        .map(n -> n.path("Shared Hit Blocks").asDouble() + n.path("Shared Read Blocks").asDouble()).toList();
                assertThat(pages).as("pages of the gram index read by the count:%n%s", plan).isNotEmpty()
                        .allSatisfy(read -> assertThat(read).isLessThanOrEqualTo(48.0));
            } finally {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("delete from project where budget_year = " + year);
                    s.execute("alter table project reset (autovacuum_enabled)");
                }
            }
        }
    }

    /** The name grams of every year (V9) and those prefixed with the year (V11). */
    static final Set<String> GRAM_INDEXES = Set.of("project_name_grams", "project_year_name_grams");

    /** The Bitmap Index Scans of the gram indexes in a plan. */
    static List<JsonNode> gramIndexScans(QueryPlans.Plan plan) {
        return plan.nodes(n -> n.path("Node Type").asText().equals("Bitmap Index Scan")
                && GRAM_INDEXES.contains(n.path("Index Name").asText()));
    }

    /** The projects whose name contains {@code term}, of {@code budgetYear} unless it is null. */
    static long containing(Connection c, String term, Integer budgetYear) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select count(*) from project where strpos(name, ?) > 0"
                + " and (cast(? as integer) is null or budget_year = ?)")) {
            p.setString(1, term);
            p.setObject(2, budgetYear, java.sql.Types.INTEGER);
            p.setObject(3, budgetYear, java.sql.Types.INTEGER);
            try (java.sql.ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The values of a nameContains search, and of one more filter given as column and value. */
    static Map<String, Object> search(String term, Object... more) {
        Map<String, Object> values = new HashMap<>();
        values.put("project_term_grams", term);
        values.put("gram", term);
        values.put("name", "%" + term + "%");
        for (int i = 0; i < more.length; i += 2) {
            values.put((String) more[i], more[i + 1]);
        }
        return values;
    }

    static Call call(String token, String query, Map<String, Object> values) {
        return new Call(token, query, values, false);
    }

    static Connection connect() throws SQLException {
        return TestInfrastructure.get().connectToCurrentDatabase();
    }

    /**
     * 10,000 projects shaped like the seed's (its names, texts and departments' spread), inserted by one
     * statement: budget years 2061–2063, departments 700–899, every status, fundings from 0.1 to 90 million yuan.
     */
    static synchronized void seed() throws SQLException {
        if (seeded) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode p : SeedFixtures.projects()) {
            names.add(p.get("name").asText());
        }
        JsonNode first = SeedFixtures.projects().get(0);
        nameFragment = names.get(3).substring(0, Math.min(4, names.get(3).length()));
        try (Connection c = connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("select setseed(0.15)");
            }
            try (PreparedStatement p = c.prepareStatement("""
                    insert into project (id, external_ref, budget_year, name, department_code, department_name,
                        budget_unit_code, budget_unit_name, attribute, overview, basis, necessity, safeguards,
                        implementation_plan, annual_goal, implementing_unit, funding, status, revision,
                        approved_revision, version, created_by, created_at, updated_by, updated_at)
                    select gen_random_uuid(), case when i % 4 = 0 then null else 'PLAN-' || i end, 2061 + i % 3,
                        (?::text[])[1 + i % cardinality(?::text[])] || '（' || i || '）',
                        (700 + i % 200)::text, '部门' || (700 + i % 200), (700 + i % 200)::text || '001', '单位',
                        '经常性项目', ?, ?, ?, ?, ?, ?, '实施单位',
                        round((100000 + random() * 90000000)::numeric, 2),
                        (array['APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED','APPROVED',
                               'APPROVED','APPROVED','SUBMITTED','SUBMITTED','SUBMITTED','SUBMITTED','DRAFT','DRAFT',
                               'DRAFT','RETURNED','RETURNED','AMENDING'])[1 + (i * 7) % 20],
                        1 + i % 3, case when (i * 7) % 20 < 10 then 1 end, 1, 'dept-' || (700 + i % 200),
                        make_timestamptz(2060 + i % 3, 9, 1, 0, 0, 0) + (i / 3) * interval '150 minutes',
                        'dept-' || (700 + i % 200),
                        make_timestamptz(2060 + i % 3, 9, 1, 0, 0, 0) + (i / 3) * interval '150 minutes'
                            + (i % 50) * interval '1 day'
                    from generate_series(0, ? - 1) i
                    """)) {
                java.sql.Array array = c.createArrayOf("text", names.toArray());
                p.setArray(1, array);
                p.setArray(2, array);
                int n = 3;
                for (String field : List.of("overview", "basis", "necessity", "safeguards", "implementationPlan", "annualGoal")) {
                    p.setString(n++, first.path(field).asText(""));
                }
                p.setInt(n, PROJECTS);
                p.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze project");
            }
        }
        seeded = true;
    }
}
