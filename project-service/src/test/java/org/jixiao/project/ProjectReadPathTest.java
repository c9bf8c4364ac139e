package org.jixiao.project;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.query.PageRequest;
import org.jixiao.common.query.SortOrder;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.ProjectReturned;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.security.VerifiedTokenCache;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.common.test.RecordedSql;
import org.jixiao.project.domain.ProjectFilter;
import org.jixiao.project.repository.ProjectRepository;
import org.jixiao.project.rest.ProjectRenderings;
import org.junit.jupiter.api.Test;

/**
 * A project read is the most frequent request of all (every screen of a declaration starts with it), the list the
 * next: what they cost in statements, and that the cheaper paths answer exactly what they answered before.
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_project_test"))
class ProjectReadPathTest {
    static final String EDU = DevTokens.department("034");
    /** Statements on this service's project tables; the relay's and consumers' own polling is not the read's. */
    static final String HEAD = "select department_code, version from project where id = ?";
    static final Pattern PROJECT_TABLES = Pattern.compile("\\b(project|project_indicator|review_comment)\\b");

    @Inject
    EventCodec codec;
    @Inject
    JWTParser tokenParser;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;
    @Inject
    ProjectRenderings renderings;
    @Inject
    EntityManager em;
    @Inject
    org.jixiao.common.repository.DirectReads direct;
    @Inject
    ProjectRepository projects;

    static List<String> projectStatementsOf(Runnable read) {
        return RecordedSql.during(read).stream().filter(sql -> PROJECT_TABLES.matcher(sql).find()).toList();
    }

    @Test
    void shouldReadAProjectNoReviewerCommentedOnInOneStatement() {
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-004"));
        int rows = given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().statusCode(200)
                .extract().jsonPath().getList("indicators").size();
        assertThat(rows).isGreaterThan(1);
        renderings.forget(UUID.fromString(id));

        JsonPath[] answer = new JsonPath[1];
        List<String> statements = projectStatementsOf(() -> answer[0] = given().auth().oauth2(EDU)
                .get("/api/v1/projects/" + id).then().statusCode(200).extract().jsonPath());

        assertThat(statements).as("its version, then the project and its indicator rows in one statement").hasSize(2)
                .first().isEqualTo(HEAD);
        assertThat(answer[0].getList("indicators")).hasSize(rows);
        assertThat(answer[0].getString("name")).isNotBlank();
        assertThat(answer[0].getList("reviewComments")).isEmpty();
    }

    @Test
    void shouldReadAReturnedProjectWithItsCommentsInTwoStatements() {
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-004"));
        given().auth().oauth2(EDU).when().post("/api/v1/projects/" + id + "/submit").then().statusCode(200);
        EventEnvelope returned = codec.envelope(EventTypes.PROJECT_RETURNED, UUID.fromString(id), 1, "张审核",
                new ProjectReturned("张审核", OffsetDateTime.now(), "业务股室初审", "请完善绩效指标",
                        List.of(new ProjectReturned.ReviewComment(null, 0, "发放教材数量", "数量与学生人数不符"))));
        KafkaProbe.send(Topics.REVIEWS, id, codec.encode(returned));
        await().atMost(Duration.ofSeconds(20)).until(() -> "RETURNED".equals(
                given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().extract().path("status")));
        renderings.forget(UUID.fromString(id));

        JsonPath[] answer = new JsonPath[1];
        List<String> statements = projectStatementsOf(() -> answer[0] = given().auth().oauth2(EDU)
                .get("/api/v1/projects/" + id).then().statusCode(200).extract().jsonPath());

        assertThat(statements).as("its version, the project with its rows, then the comments").hasSize(3);
        assertThat(answer[0].getList("reviewComments.text")).containsExactly("请完善绩效指标", "数量与学生人数不符");
    }

    @Test
    void shouldAnswerARepeatedReadOfAnUnchangedProjectFromItsRenderingByteForByte() {
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-004"));
        renderings.forget(UUID.fromString(id));
        io.restassured.response.Response first = given().auth().oauth2(EDU).get("/api/v1/projects/" + id);
        first.then().statusCode(200);

        io.restassured.response.Response[] again = new io.restassured.response.Response[1];
        List<String> statements = projectStatementsOf(() -> again[0] = given().auth().oauth2(EDU).get("/api/v1/projects/" + id));

        assertThat(statements).as("no entity read: only the version").containsExactly(HEAD);
        assertThat(again[0].statusCode()).isEqualTo(200);
        assertThat(again[0].asByteArray()).isEqualTo(first.asByteArray());
        assertThat(again[0].header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again[0].contentType()).isEqualTo(first.contentType()).isEqualTo("application/json;charset=UTF-8");
    }

    @Test
    void shouldAnswerTheDatabasesVersionOfAProjectChangedByAnotherReplica() {
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-004"));
        io.restassured.response.Response before = given().auth().oauth2(EDU).get("/api/v1/projects/" + id);
        before.then().statusCode(200).header("ETag", "\"0\"");

        // another replica's write: this process hears nothing of it, only the row's version tells
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update project set name = '义务教育免费地方教材（调整后）', version = version + 1 where id = cast(?1 as uuid)")
                .setParameter(1, id).executeUpdate());

        given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("version", org.hamcrest.Matchers.is(1))
                .body("name", org.hamcrest.Matchers.is("义务教育免费地方教材（调整后）"));
    }

    @Test
    void shouldNotShowAProjectItHoldsARenderingOfToAnotherDepartment() {
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-004"));
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().statusCode(200);
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().statusCode(200);

        given().auth().oauth2(DevTokens.department("035")).get("/api/v1/projects/" + id).then().statusCode(404);
    }

    @Test
    void shouldAnswer404ForADeletedProjectWhoseRenderingItHeld() {
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-004"));
        given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().statusCode(200);
        // deleted behind this process's back: the row is gone, whatever is held
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from project where id = cast(?1 as uuid)")
                .setParameter(1, id).executeUpdate());

        given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().statusCode(404);
    }

    @Test
    void shouldTranslateAFailedDirectReadAsHibernateWould() {
        // the same translation maps an unreachable database to JDBCConnectionException, answered 503
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> direct.query("select no_such_column from project",
                s -> { }, rows -> rows.next())).isInstanceOf(org.hibernate.exception.SQLGrammarException.class);
    }

    @Test
    void shouldListAPageOfProjectsWithoutReadingTheirLongTexts() {
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-004"));
        String overview = given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().statusCode(200)
                .extract().path("overview");
        assertThat(overview).isNotBlank();

        JsonPath[] page = new JsonPath[1];
        List<String> statements = projectStatementsOf(() -> page[0] = given().auth().oauth2(EDU)
                .get("/api/v1/projects?budgetYear=2025&sort=-updatedAt&size=500").then().statusCode(200).extract().jsonPath());

        // 项目概况, 立项依据, … are about 2 KB a project that the list never shows
        List<String> pageQueries = statements.stream().filter(sql -> sql.contains(" order by ")).toList();
        assertThat(pageQueries).hasSize(1);
        assertThat(pageQueries.get(0)).doesNotContain("overview", "basis", "necessity", "safeguards",
                "implementation_plan", "annual_goal");
        List<java.util.Map<String, Object>> items = page[0].getList("items");
        java.util.Map<String, Object> item = items.stream().filter(i -> id.equals(i.get("id"))).findFirst().orElseThrow();
        assertThat(item).containsEntry("name", given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then()
                .extract().path("name")).containsEntry("status", "DRAFT").containsEntry("departmentCode", "034")
                .containsKeys("funding", "version", "revision", "budgetUnitName", "createdAt", "updatedAt")
                .doesNotContainKeys("overview", "indicators", "reviewComments");
    }

    @Test
    void shouldReadAProjectAndAPageOfProjectsWithoutATransactionOfTheirOwn() {
        String[] id = new String[1];
        List<RecordedSql.Sent> written = RecordedSql.sentDuring(
                () -> id[0] = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-004")));
        // a declaration is written in a transaction: the recording tells one from the other
        assertThat(written).filteredOn(s -> s.sql().startsWith("insert into project ")).isNotEmpty()
                .allMatch(RecordedSql.Sent::inTransaction);

        List<RecordedSql.Sent> sent = RecordedSql.sentDuring(() -> {
            given().auth().oauth2(EDU).get("/api/v1/projects/" + id[0]).then().statusCode(200);
            // a term of the project's own name (义务教育免费地方教材): the count finds it, so the page is read too
            given().auth().oauth2(EDU).get("/api/v1/projects?budgetYear=2025&nameContains=教材").then().statusCode(200)
                    .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        });

        // begin and commit cost a read under load as much as its statement (issue 15); one statement, or a page
        // and its count, gain nothing from one in READ COMMITTED
        List<RecordedSql.Sent> reads = sent.stream().filter(s -> PROJECT_TABLES.matcher(s.sql()).find()).toList();
        assertThat(reads).extracting(RecordedSql.Sent::sql).anyMatch(sql -> sql.contains(" where p1_0.id="))
                .anyMatch(sql -> sql.contains(" order by ")).anyMatch(sql -> sql.contains("count("));
        assertThat(reads).as("reads in a transaction").noneMatch(RecordedSql.Sent::inTransaction);
    }

    @Test
    void shouldVerifyBearerTokensThroughTheVerifiedTokenCache() {
        assertThat(ClientProxy.unwrap(tokenParser)).isInstanceOf(VerifiedTokenCache.class);
        given().auth().oauth2(DevTokens.expired("dept-034", "department")).get("/api/v1/projects").then().statusCode(401);
        given().auth().oauth2(DevTokens.signedByUnknownKey("dept-034", "department")).get("/api/v1/projects").then().statusCode(401);
    }

    @Test
    void shouldWriteTheInstantsOfAListWithoutJacksonsDateFormatter() throws Exception {
        // the formatter was 7% of the CPU of a list under load; IsoTimestampsTest shows both write the same text
        assertThat(mapper.getSerializerProviderInstance().findValueSerializer(OffsetDateTime.class).getClass()
                .getEnclosingClass()).isEqualTo(org.jixiao.common.rest.IsoTimestamps.class);
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-004"));
        String createdAt = given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().statusCode(200)
                .extract().path("createdAt");
        assertThat(createdAt).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d*[1-9])?(Z|[+-]\\d{2}:\\d{2})");
        assertThat(OffsetDateTime.parse(createdAt)).isCloseTo(OffsetDateTime.now(),
                org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.MINUTES));
    }
    @Test
    void shouldSendTheListOfAYearAndAStatusAsAStatementPostgreSQLCanPlanOnce() {
        ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-004"));
        String admin = DevTokens.admin();

        List<String> page = RecordedSql.during(() -> given().auth().oauth2(admin)
                        .get("/api/v1/projects?budgetYear=2025&status=DRAFT&sort=-funding&size=20").then().statusCode(200))
                .stream().filter(sql -> sql.contains(" from project ") && sql.contains(" order by ")).toList();

        // a statement with a parameter is planned again at every execution; this one is planned once per connection
        assertThat(page).hasSize(1);
        assertThat(page.get(0)).doesNotContain("?").contains("budget_year=2025").contains("'DRAFT'")
                .endsWith("offset 0 rows fetch first 20 rows only");
    }

    @Test
    void shouldAnswerEachPageWithItsOwnRowsWhenRequestsAlternateBetweenPages() {
        // the page is written into the SQL: a translation kept for one page must not answer another
        int year = 2071;
        for (int i = 0; i < 5; i++) {
            com.fasterxml.jackson.databind.node.ObjectNode doc = ProjectApiTest.draftDocument("JC-CQ-2025-004");
            doc.put("budgetYear", year);
            ProjectApiTest.create(EDU, doc);
        }
        String list = "/api/v1/projects?budgetYear=" + year + "&status=DRAFT&sort=createdAt";
        List<String> all = given().auth().oauth2(EDU).get(list + "&size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertThat(all).hasSizeBetween(5, 99);

        for (int page : new int[] {0, 1, 0, 2, 1, 0}) {
            List<String> ids = given().auth().oauth2(EDU).get(list + "&size=2&page=" + page).then().statusCode(200)
                    .extract().jsonPath().getList("items.id");
            assertThat(ids).as("page %d", page).isEqualTo(all.subList(2 * page, Math.min(2 * page + 2, all.size())));
        }
        assertThat(given().auth().oauth2(EDU).get(list + "&size=3&page=1").then().statusCode(200)
                .extract().jsonPath().getList("items.id")).isEqualTo(all.subList(3, Math.min(6, all.size())));
    }

    @Test
    void shouldPlanEveryNameSearchForItsOwnTermButKeepTheDepartmentListsPlan() {
        // a year of its own with a match for each, so that both run their page and not only their count
        int year = 2072;
        com.fasterxml.jackson.databind.node.ObjectNode school = ProjectApiTest.draftDocument("JC-CQ-2025-004");
        school.put("budgetYear", year).put("name", "城区学校保安服务");
        ProjectApiTest.create(EDU, school);
        PageRequest first = new PageRequest(0, 20);
        SortOrder recent = new SortOrder("updatedAt", true);
        ProjectFilter named = new ProjectFilter(year, null, null, "学校", null, null);
        ProjectFilter department = new ProjectFilter(year, "034", null, null, null, null);

        // One transaction holds one connection throughout; the driver prepares a statement on the server after
        // its fifth execution there, and only a prepared statement can be given a generic plan.
        List<String> prepared = QuarkusTransaction.requiringNew().call(() -> {
            for (int i = 0; i < 12; i++) {
                assertThat(projects.search(named, recent, first).total()).isOne();
                assertThat(projects.search(department, recent, first).total()).isOne();
            }
            return direct.query("select statement from pg_prepared_statements where statement like '% from project %'",
                    s -> { }, rows -> {
                        List<String> statements = new java.util.ArrayList<>();
                        while (rows.next()) {
                            statements.add(rows.getString(1));
                        }
                        return statements;
                    });
        });

        assertThat(prepared).as("the department list, a statement with the same best plan for every value, is kept")
                .anyMatch(sql -> sql.contains("department_code=$1") && sql.contains("order by updated_at desc"));
        assertThat(prepared).as("neither the search's page nor its count may get one plan for every term")
                .noneMatch(sql -> sql.contains("project_term_grams"));
    }
}
