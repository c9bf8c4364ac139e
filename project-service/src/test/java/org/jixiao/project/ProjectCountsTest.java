package org.jixiao.project;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.ProjectReturned;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.repository.DeltaCounters;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.common.test.RecordedSql;
import org.jixiao.common.test.SeedShapedDocuments;
import org.jixiao.common.test.TestInfrastructure;
import org.jixiao.project.repository.ProjectCounts;
import org.jixiao.project.repository.ProjectNameCounts;
import org.junit.jupiter.api.Test;

/**
 * The list's {@code total} for a filter of year, department and status comes from project_count (kept by a
 * trigger) rather than from counting a year's projects, and a short term's search total from project_gram_count;
 * both stay exactly {@code count(*)} of the projects through imports, the review cycle, renames, deletes,
 * rollbacks and compaction running beside concurrent writers.
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_project_test"))
class ProjectCountsTest {
    static final String EDU = DevTokens.department("034");
    static final String ADMIN = DevTokens.admin();

    @Inject
    EventCodec codec;
    @Inject
    DeltaCounters counters;
    @Inject
    ProjectCounts projectCounts;
    @Inject
    ProjectNameCounts nameCounts;

    static Connection connect() throws SQLException {
        return TestInfrastructure.get().connectToCurrentDatabase();
    }

    static long exactCount(String where) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from project where " + where)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Keys whose counter sum differs from the projects' count(*), as text; empty when every count is exact. */
    static List<String> wrongCounters() throws SQLException {
        List<String> wrong = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                select coalesce(p.budget_year, k.budget_year), coalesce(p.department_code, k.department_code),
                       coalesce(p.status, k.status), coalesce(p.n, 0), coalesce(k.n, 0)
                  from (select budget_year, department_code, status, count(*) n from project group by 1, 2, 3) p
                  full join (select budget_year, department_code, status, sum(n) n from project_count group by 1, 2, 3) k
                    using (budget_year, department_code, status)
                 where coalesce(p.n, 0) <> coalesce(k.n, 0)""")) {
            while (r.next()) {
                wrong.add(r.getInt(1) + "/" + r.getString(2) + "/" + r.getString(3) + ": " + r.getLong(4)
                        + " projects, counters say " + r.getLong(5));
            }
        }
        return wrong;
    }

    /** (year, gram) keys whose counter sum differs from the number of the year's names having that gram. */
    static List<String> wrongNameCounters() throws SQLException {
        List<String> wrong = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                select coalesce(p.budget_year, k.budget_year), coalesce(p.gram, k.gram), coalesce(p.n, 0), coalesce(k.n, 0)
                  from (select budget_year, g as gram, count(*) n from project, unnest(name_grams) g group by 1, 2) p
                  full join (select budget_year, gram, sum(n) n from project_gram_count group by 1, 2) k
                    using (budget_year, gram)
                 where coalesce(p.n, 0) <> coalesce(k.n, 0)""")) {
            while (r.next()) {
                wrong.add(r.getInt(1) + "/" + r.getString(2) + ": " + r.getLong(3) + " names, counters say " + r.getLong(4));
            }
        }
        return wrong;
    }

    /** The number of projects whose name contains {@code term}, by strpos rather than the search's own LIKE or grams. */
    static long exactNameCount(Integer year, String term) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("select count(*) from project where"
                + " strpos(name, ?) > 0" + (year == null ? "" : " and budget_year = " + year))) {
            s.setString(1, term);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static int nameTotal(Integer year, String term) {
        var request = given().auth().oauth2(ADMIN).queryParam("size", 1).queryParam("nameContains", term);
        if (year != null) {
            request.queryParam("budgetYear", year);
        }
        return request.get("/api/v1/projects").then().statusCode(200).extract().path("total");
    }

    static int total(String token, String query) {
        return given().auth().oauth2(token).get("/api/v1/projects?size=1&" + query).then().statusCode(200)
                .extract().path("total");
    }

    @Test
    void shouldCountAYearsProjectsWithoutReadingThem() throws Exception {
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-004"));
        int year = given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().extract().path("budgetYear");
        long exact = exactCount("budget_year = " + year + " and status = 'DRAFT'");
        long exactOfDepartment = exactCount("budget_year = " + year + " and status = 'DRAFT' and department_code = '034'");

        int[] totals = new int[2];
        List<String> statements = RecordedSql.during(() -> {
            totals[0] = total(ADMIN, "budgetYear=" + year + "&status=DRAFT&sort=-funding");
            totals[1] = total(EDU, "budgetYear=" + year + "&status=DRAFT");
        });

        assertThat(totals[0]).isEqualTo(exact).isPositive();
        assertThat(totals[1]).isEqualTo(exactOfDepartment).isPositive();
        assertThat(statements).filteredOn(sql -> sql.startsWith("select count(") && sql.contains(" from project "))
                .as("counts that read the projects").isEmpty();
        // the scheduled compaction may run meanwhile: its statements are not the requests'
        assertThat(statements).filteredOn(sql -> sql.startsWith("select") && sql.contains(" from project_count"))
                .hasSize(2);
    }

    @Test
    void shouldStillCountANameOrFundingFilterFromTheProjects() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        var doc = ProjectApiTest.draftDocument("JC-CQ-2025-004");
        doc.put("name", doc.get("name").asText() + marker);
        ProjectApiTest.create(EDU, doc);
        assertThat(total(ADMIN, "nameContains=" + marker)).isEqualTo(1);
        assertThat(total(ADMIN, "fundingMin=1&nameContains=" + marker)).isEqualTo(1);
    }

    @Test
    void shouldAnswerTheTotalOfAShortTermsSearchFromTheNameCountersExactly() throws Exception {
        String prefix = "GRAM-" + UUID.randomUUID().toString().substring(0, 8);
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        new SeedShapedDocuments(prefix, 2046).writeNdjson(300, ndjson);
        given().auth().oauth2(DevTokens.integration()).contentType("application/x-ndjson").body(ndjson.toByteArray())
                .when().post("/api/v1/projects/import").then().statusCode(200);
        assertThat(wrongNameCounters()).isEmpty();

        // one and two characters (the counters' terms), a character of a name's numbering, LIKE's own characters
        List<String> terms = List.of("学", "学校", "经费", "率", "（", "1）", "%", "_", "无此");
        List<Integer> years = new ArrayList<>();
        years.add(2046);
        years.add(null);
        List<long[]> answered = new ArrayList<>();
        List<String> statements = RecordedSql.during(() -> {
            for (Integer year : years) {
                for (String term : terms) {
                    answered.add(new long[] {nameTotal(year, term)});
                }
            }
        });
        int i = 0;
        for (Integer year : years) {
            for (String term : terms) {
                assertThat(answered.get(i++)[0]).as("total of %s in %s", term, year).isEqualTo(exactNameCount(year, term));
            }
        }
        assertThat(exactNameCount(2046, "学")).as("a term the year's names contain").isPositive();
        assertThat(exactNameCount(2046, "（")).isEqualTo(300);
        assertThat(statements).filteredOn(sql -> sql.startsWith("select count(") && sql.contains(" from project "))
                .as("counts that read the projects").isEmpty();
        assertThat(statements).filteredOn(sql -> sql.startsWith("select") && sql.contains(" from project_gram_count"))
                .hasSize(terms.size() * years.size());

        // a longer term, or a short one with another filter, is still counted from the projects, exactly
        assertThat(nameTotal(2046, "学校（1")).isEqualTo(exactNameCount(2046, "学校（1"));
        assertThat(total(ADMIN, "budgetYear=2046&status=DRAFT&nameContains=学")).isEqualTo(exactNameCount(2046, "学"));
    }

    @Test
    void shouldKeepEveryTotalExactThroughImportsTheReviewCycleDeletesAndRollbacks() throws Exception {
        // an import of 200 projects for a year of its own
        String prefix = "CNT-" + UUID.randomUUID().toString().substring(0, 8);
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        new SeedShapedDocuments(prefix, 2044).writeNdjson(200, ndjson);
        given().auth().oauth2(DevTokens.integration()).contentType("application/x-ndjson").body(ndjson.toByteArray())
                .when().post("/api/v1/projects/import").then().statusCode(200);
        assertThat(wrongCounters()).isEmpty();
        assertThat(total(ADMIN, "budgetYear=2044")).isEqualTo(exactCount("budget_year = 2044")).isEqualTo(200);

        // submit, approve, amend, resubmit, return: every status change moves one project between counters
        String id = ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-002"));
        int year = given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().extract().path("budgetYear");
        given().auth().oauth2(EDU).when().post("/api/v1/projects/" + id + "/submit").then().statusCode(200);
        assertThat(wrongCounters()).isEmpty();
        ProjectDocument exported = ProjectApiTest.JSON.readValue(
                given().auth().oauth2(EDU).get("/api/v1/projects/" + id + "/export").asString(), ProjectDocument.class);
        send(EventTypes.PROJECT_APPROVED, id, 1, new ProjectApproved("JX-CNT-1", "李复审", OffsetDateTime.now(), "良", exported));
        awaitStatus(id, "APPROVED");
        assertThat(wrongCounters()).isEmpty();
        given().auth().oauth2(EDU).contentType(ContentType.JSON).body("{\"reason\":\"幼儿人数调整\"}")
                .when().post("/api/v1/projects/" + id + "/amendments").then().statusCode(200);
        assertThat(wrongCounters()).isEmpty();
        given().auth().oauth2(EDU).when().post("/api/v1/projects/" + id + "/submit").then().statusCode(200);
        send(EventTypes.PROJECT_RETURNED, id, 2, new ProjectReturned("张审核", OffsetDateTime.now(), "业务股室初审", "请完善",
                List.of()));
        awaitStatus(id, "RETURNED");
        assertThat(wrongCounters()).isEmpty();
        for (String status : List.of("DRAFT", "SUBMITTED", "APPROVED", "RETURNED", "AMENDING")) {
            assertThat(total(ADMIN, "budgetYear=" + year + "&status=" + status)).as(status)
                    .isEqualTo(exactCount("budget_year = " + year + " and status = '" + status + "'"));
            assertThat(total(EDU, "status=" + status)).as("034 " + status)
                    .isEqualTo(exactCount("department_code = '034' and status = '" + status + "'"));
        }

        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // a transaction that rolls back leaves no delta behind
                s.executeUpdate("update project set status = 'DRAFT' where budget_year = 2044");
                s.executeUpdate("delete from project where budget_year = 2044 and external_ref like '" + prefix + "-1%'");
                s.executeUpdate("update project set name = name || '改名' where budget_year = 2044 and external_ref like '" + prefix + "-3%'");
                c.rollback();
                assertThat(wrongCounters()).isEmpty();
                assertThat(wrongNameCounters()).isEmpty();
                assertThat(total(ADMIN, "budgetYear=2044&status=DRAFT")).isEqualTo(exactCount("budget_year = 2044 and status = 'DRAFT'"));
                // a delete that commits counts down, moving a project to another year counts it there
                s.executeUpdate("delete from project where budget_year = 2044 and external_ref like '" + prefix + "-1%'");
                s.executeUpdate("update project set budget_year = 2045 where budget_year = 2044 and external_ref like '" + prefix + "-2%'");
                // a rename counts the new name's grams and no longer the old one's
                s.executeUpdate("update project set name = '改名' || name where budget_year = 2044 and external_ref like '" + prefix + "-3%'");
                c.commit();
            }
        }
        assertThat(wrongCounters()).isEmpty();
        assertThat(wrongNameCounters()).isEmpty();
        assertThat(nameTotal(2044, "改名")).isEqualTo(exactNameCount(2044, "改名")).isPositive();
        assertThat(total(ADMIN, "budgetYear=2044")).isEqualTo(exactCount("budget_year = 2044")).isLessThan(200);
        assertThat(total(ADMIN, "budgetYear=2045")).isEqualTo(exactCount("budget_year = 2045")).isPositive();
    }

    @Test
    void shouldLoseNoDeltaWhenCompactingWhileSeveralWritersChangeProjects() throws Exception {
        int writers = 4;
        int rounds = 60;
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        try {
            List<Future<Long>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int seed = w;
                writes.add(pool.submit(() -> write(new Random(seed), rounds)));
            }
            List<Future<Long>> compactions = new ArrayList<>();
            for (int k = 0; k < 2; k++) {
                compactions.add(pool.submit((Callable<Long>) () -> {
                    long deltas = 0;
                    while (writing.get()) {
                        deltas += counters.compact(projectCounts).deltas() + counters.compact(nameCounts).deltas();
                    }
                    return deltas;
                }));
            }
            for (Future<Long> f : writes) {
                assertThat(f.get(2, TimeUnit.MINUTES)).as("committed write transactions").isPositive();
            }
            writing.set(false);
            long compacted = 0;
            for (Future<Long> f : compactions) {
                compacted += f.get(1, TimeUnit.MINUTES);
            }
            assertThat(compacted).as("deltas compacted while the writers ran").isPositive();
        } finally {
            pool.shutdownNow();
        }
        assertThat(wrongCounters()).isEmpty();
        assertThat(wrongNameCounters()).isEmpty();
        counters.compact(projectCounts);
        counters.compact(nameCounts);
        assertThat(wrongCounters()).isEmpty();
        assertThat(wrongNameCounters()).isEmpty();
        assertThat(keysWithSeveralRows()).as("keys left with more than one row after compacting").isZero();
        assertThat(keysWithSeveralRows("project_gram_count", "budget_year, gram")).isZero();
    }

    @Test
    void shouldCompactTheCountersOnItsOwn() throws Exception {
        for (int i = 0; i < 3; i++) {
            ProjectApiTest.create(EDU, ProjectApiTest.draftDocument("JC-CQ-2025-004"));
        }
        // the scheduled compaction (every 5 s after a 10 s delay) leaves one row per key
        await().atMost(Duration.ofSeconds(60)).until(() -> keysWithSeveralRows() == 0
                && keysWithSeveralRows("project_gram_count", "budget_year, gram") == 0);
        assertThat(wrongCounters()).isEmpty();
        assertThat(wrongNameCounters()).isEmpty();
    }

    static long keysWithSeveralRows() throws SQLException {
        return keysWithSeveralRows("project_count", "budget_year, department_code, status");
    }

    static long keysWithSeveralRows(String table, String keys) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select count(*) from (select 1 from " + table + " group by " + keys + " having count(*) > 1) d")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Rounds of insert, status change, department move and delete in transactions of their own, a fifth rolled back. */
    static long write(Random random, int rounds) throws SQLException {
        long committed = 0;
        List<UUID> mine = new ArrayList<>();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            String[] statuses = {"DRAFT", "SUBMITTED", "APPROVED", "RETURNED", "AMENDING"};
            String[] names = {"并发计数", "并发改名", "计数改名"};
            for (int i = 0; i < rounds; i++) {
                List<UUID> added = new ArrayList<>();
                try (PreparedStatement insert = c.prepareStatement("""
                        insert into project (id, budget_year, name, department_code, status, revision, version,
                            created_by, created_at, updated_by, updated_at)
                        values (?, ?, '并发计数', ?, ?, 1, 1, 't', now(), 't', now())""")) {
                    for (int n = 0; n < 3; n++) {
                        UUID id = UUID.randomUUID();
                        insert.setObject(1, id);
                        insert.setInt(2, 2071 + random.nextInt(2));
                        insert.setString(3, String.valueOf(900 + random.nextInt(3)));
                        insert.setString(4, statuses[random.nextInt(statuses.length)]);
                        insert.addBatch();
                        added.add(id);
                    }
                    insert.executeBatch();
                }
                List<UUID> touched = new ArrayList<>(mine);
                touched.addAll(added);
                if (!touched.isEmpty()) {
                    try (PreparedStatement update = c.prepareStatement(
                            "update project set status = ?, department_code = ?, name = ? where id = ?")) {
                        update.setString(1, statuses[random.nextInt(statuses.length)]);
                        update.setString(2, String.valueOf(900 + random.nextInt(3)));
                        update.setString(3, names[random.nextInt(names.length)]);
                        update.setObject(4, touched.get(random.nextInt(touched.size())));
                        update.executeUpdate();
                    }
                }
                UUID deleted = null;
                if (!mine.isEmpty() && random.nextInt(3) == 0) {
                    deleted = mine.get(random.nextInt(mine.size()));
                    try (PreparedStatement delete = c.prepareStatement("delete from project where id = ?")) {
                        delete.setObject(1, deleted);
                        delete.executeUpdate();
                    }
                }
                if (random.nextInt(5) == 0) {
                    c.rollback();
                } else {
                    c.commit();
                    committed++;
                    mine.addAll(added);
                    mine.remove(deleted);
                }
            }
        }
        return committed;
    }

    void send(String type, String id, int revision, Object data) {
        EventEnvelope event = codec.envelope(type, UUID.fromString(id), revision, "李复审", data);
        KafkaProbe.send(Topics.REVIEWS, id, codec.encode(event));
    }

    static void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status.equals(
                given().auth().oauth2(EDU).get("/api/v1/projects/" + id).then().extract().path("status")));
    }
}
