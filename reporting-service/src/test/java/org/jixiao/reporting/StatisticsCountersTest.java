package org.jixiao.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jixiao.common.contract.Json;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.repository.DeltaCounters;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.RecordedSql;
import org.junit.jupiter.api.Test;

/**
 * The year's statistics come from counters V9's triggers keep as projects, revisions and pre-reviews are written.
 * What they must equal is what the statistics counted before, straight from the read model: the statements of
 * {@link #COUNTED} and below are those (a project counts with its approved revision, else its latest, when that
 * revision's figures are there). Its own database: the checks compare whole tables.
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "jixiao_reporting_counters"))
class StatisticsCountersTest {
    static final String REVIEWER = DevTokens.reviewer("r");
    static final String[][] LEVELS = {{"产出指标", "数量指标"}, {"产出指标", "质量指标"}, {"产出指标", "时效指标"},
            {"效益指标", "社会效益指标"}, {"满意度指标", "服务对象满意度指标"}, {null, "成本指标"}, {"null", "成本指标"}};
    static final String[] FUNDINGS = {"4515600", "1200.5", "0.07", null, "一百万", "98765432109.99"};

    /** The counted projects, as the statistics selected them before V9. */
    static final String COUNTED = "(select p.budget_year, p.department_code as d, p.status, p.project_id, p.latest_revision,"
            + " p.approved_at, p.approved_submitted_at, coalesce(p.approved_revision, p.latest_revision) as revision,"
            + " r.department_code, r.department_name, r.funding from report_project p join report_revision_figures r"
            + " on r.project_id = p.project_id and r.revision = coalesce(p.approved_revision, p.latest_revision)) c";

    /** Each fact counted from the projects and from the counters, per year, department and status; both ways round. */
    static final List<String[]> FACTS = List.of(
            new String[] {"funding by the document's department",
                "select c.budget_year, c.d, c.status, c.department_code, c.department_name, count(*), sum(coalesce(c.funding, 0))"
                    + " from " + COUNTED + " group by 1, 2, 3, 4, 5",
                "select budget_year, department_code, status, figure_department_code, figure_department_name, sum(n), sum(funding)"
                    + " from report_count_project group by 1, 2, 3, 4, 5 having sum(n) <> 0"},
            new String[] {"quantified targets",
                "select c.budget_year, c.d, c.status, sum(f.targets), sum(coalesce(f.quantified_targets, 0)) from " + COUNTED
                    + " join report_findings f on f.project_id = c.project_id and f.revision = c.revision and f.targets is not null"
                    + " group by 1, 2, 3 having sum(f.targets) <> 0 or sum(coalesce(f.quantified_targets, 0)) <> 0", // 0 adds nothing
                "select budget_year, department_code, status, sum(targets), sum(quantified) from report_count_project"
                    + " group by 1, 2, 3 having sum(targets) <> 0 or sum(quantified) <> 0"},
            new String[] {"indicators by level",
                "select c.budget_year, c.d, c.status, coalesce(l.level1, 'null'), coalesce(l.level2, 'null'),"
                    + " count(distinct c.project_id), sum(l.rows) from " + COUNTED
                    + " join report_revision_level l on l.project_id = c.project_id and l.revision = c.revision group by 1, 2, 3, 4, 5",
                "select budget_year, department_code, status, level1, level2, sum(n), sum(rows) from report_count_level"
                    + " group by 1, 2, 3, 4, 5 having sum(n) <> 0"},
            new String[] {"findings of the latest revision",
                "select c.budget_year, c.d, c.status, f.code, f.severity, sum(f.n) from " + COUNTED
                    + " join report_finding_count f on f.project_id = c.project_id and f.revision = c.latest_revision group by 1, 2, 3, 4, 5",
                "select budget_year, department_code, status, code, severity, sum(n) from report_count_finding"
                    + " group by 1, 2, 3, 4, 5 having sum(n) <> 0"},
            new String[] {"lead times",
                "select budget_year, d, status, array_agg(h order by h) from (select c.budget_year, c.d, c.status,"
                    + " cast(trunc((extract(epoch from c.approved_at) - extract(epoch from c.approved_submitted_at)) * 1000)"
                    + " as double precision) / 3600000 as h from " + COUNTED
                    + " where c.approved_at is not null and c.approved_submitted_at is not null) t group by 1, 2, 3",
                "select budget_year, department_code, status, array_agg(lead_hours order by lead_hours) from report_counted"
                    + " where counted and lead_hours is not null group by 1, 2, 3"});

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    DeltaCounters counters;
    @Inject
    jakarta.enterprise.inject.Instance<DeltaCounters.Table> tables;

    static OffsetDateTime at(long minutes) {
        return OffsetDateTime.of(2051, 2, 1, 8, 0, 0, 0, ZoneOffset.UTC).plusMinutes(minutes).plusNanos(minutes * 1_317_000L);
    }

    String document(int year, String department, String funding, Random random) {
        List<ProjectDocument.IndicatorRow> rows = new ArrayList<>();
        for (int r = random.nextInt(5); r > 0; r--) {
            String[] level = LEVELS[random.nextInt(LEVELS.length)];
            rows.add(new ProjectDocument.IndicatorRow(level[0], level[1], "指标" + r, "≥" + r, null, null));
        }
        return Json.write(json, new ProjectDocument(null, year, "项目", department, "部门" + department + (random.nextInt(4) == 0 ? "（新）" : ""),
                department + "001", "单位", "经常性项目（长期开展）", null, null, null, null, null, null, null, funding, rows));
    }

    static String findings(Random random) {
        StringBuilder f = new StringBuilder("[");
        for (int i = random.nextInt(4); i > 0; i--) {
            f.append(f.length() > 1 ? "," : "").append("{\"code\":\"F").append(random.nextInt(3)).append("\",\"severity\":")
                    .append(random.nextInt(5) == 0 ? "null" : "\"" + (random.nextBoolean() ? "ERROR" : "WARNING") + "\"").append('}');
        }
        return f.append(']').toString();
    }

    void upsertDocument(UUID id, int revision, String document) {
        em.createNativeQuery("insert into report_revision (project_id, revision, document) values (:p, :r, :d)"
                + " on conflict (project_id, revision) do update set document = excluded.document")
                .setParameter("p", id).setParameter("r", revision).setParameter("d", document).executeUpdate();
    }

    void upsertFindings(UUID id, int revision, Random random) {
        Integer targets = random.nextInt(4) == 0 ? null : random.nextInt(9);
        em.createNativeQuery("insert into report_findings (project_id, revision, findings, targets, quantified_targets)"
                + " values (:p, :r, :f, :t, :q) on conflict (project_id, revision) do update set findings = excluded.findings,"
                + " targets = excluded.targets, quantified_targets = excluded.quantified_targets")
                .setParameter("p", id).setParameter("r", revision).setParameter("f", findings(random)).setParameter("t", targets)
                .setParameter("q", targets == null || random.nextInt(5) == 0 ? null : random.nextInt(targets + 1)).executeUpdate();
    }

    int latest(UUID id) {
        List<?> r = em.createNativeQuery("select latest_revision from report_project where project_id = :p").setParameter("p", id)
                .getResultList();
        return r.isEmpty() ? 0 : ((Number) r.get(0)).intValue();
    }

    /** One step of a project's life in the read model, as the events would write it (and some they never would). */
    void step(UUID id, int year, Random random, int t) {
        String department = List.of("034", "038", "194").get(random.nextInt(3));
        int latest = latest(id);
        switch (random.nextInt(9)) {
            case 0, 1 -> { // submitted: its document first, then the project points at it
                int revision = latest + 1;
                upsertDocument(id, revision, document(year, department, FUNDINGS[random.nextInt(FUNDINGS.length)], random));
                if (latest == 0) {
                    em.createNativeQuery("insert into report_project (project_id, budget_year, department_code, status, latest_revision,"
                            + " updated_at) values (:p, :y, :d, 'SUBMITTED', 1, now())").setParameter("p", id).setParameter("y", year)
                            .setParameter("d", department).executeUpdate();
                } else {
                    em.createNativeQuery("update report_project set latest_revision = :r, status = 'SUBMITTED', updated_at = now()"
                            + " where project_id = :p").setParameter("r", revision).setParameter("p", id).executeUpdate();
                }
            }
            case 2 -> em.createNativeQuery("update report_project set status = 'APPROVED', approved_revision = latest_revision,"
                    + " approved_at = :a, approved_submitted_at = :s where project_id = :p").setParameter("a", at(t + random.nextInt(900)))
                    .setParameter("s", random.nextInt(6) == 0 ? null : at(t)).setParameter("p", id).executeUpdate();
            case 3 -> em.createNativeQuery("update report_project set status = 'RETURNED' where project_id = :p")
                    .setParameter("p", id).executeUpdate();
            case 4, 5 -> upsertFindings(id, Math.max(1, latest + random.nextInt(3) - 1), random); // also before or after its revision
            case 6 -> em.createNativeQuery("update report_project set department_code = :d, project_name = '改名'"
                    + " where project_id = :p").setParameter("d", department).setParameter("p", id).executeUpdate();
            case 7 -> { // a revision's document written again (V8 takes its figures anew), or a revision that never came
                if (latest > 0) {
                    upsertDocument(id, 1 + random.nextInt(latest), document(year, department, FUNDINGS[random.nextInt(FUNDINGS.length)], random));
                } else {
                    upsertDocument(id, 1, document(year, department, "100", random));
                }
            }
            default -> {
                if (random.nextInt(4) == 0) { // gone with its history, as a rebuild clears the model
                    em.createNativeQuery("delete from report_findings where project_id = :p").setParameter("p", id).executeUpdate();
                    em.createNativeQuery("delete from report_revision where project_id = :p").setParameter("p", id).executeUpdate();
                    em.createNativeQuery("delete from report_project where project_id = :p").setParameter("p", id).executeUpdate();
                } else {
                    em.createNativeQuery("update report_project set project_name = '只改名称' where project_id = :p")
                            .setParameter("p", id).executeUpdate();
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    List<String> mismatches() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> found = new ArrayList<>();
            for (String[] fact : FACTS) {
                for (String[] way : List.of(new String[] {fact[1], fact[2], "counted, not in the counters"},
                        new String[] {fact[2], fact[1], "in the counters, not counted"})) {
                    ((List<Object>) em.createNativeQuery("select cast(row(x.*) as text) from (" + way[0] + " except " + way[1] + ") x")
                            .getResultList()).forEach(r -> found.add(fact[0] + ", " + way[2] + ": " + r));
                }
            }
            return found;
        });
    }

    long countedProjects() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from " + COUNTED)
                .getSingleResult()).longValue());
    }

    @Test
    void shouldKeepTheStatisticsEqualToTheCountedProjectsThroughSubmissionsApprovalsReturnsAndPreReviews() {
        Random random = new Random(20261201);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(UUID.nameUUIDFromBytes(("counted-" + i).getBytes()));
        }
        for (int round = 0; round < 15; round++) {
            for (int tx = 0; tx < 10; tx++) {
                boolean rollBack = random.nextInt(8) == 0;
                int t = round * 100 + tx;
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        for (int s = 1 + random.nextInt(4); s > 0; s--) {
                            step(ids.get(random.nextInt(ids.size())), 2051 + random.nextInt(2), random, t);
                        }
                        if (rollBack) {
                            throw new IllegalStateException("rolled back");
                        }
                    });
                } catch (IllegalStateException e) {
                    assertThat(e).hasMessage("rolled back");
                }
            }
            if (round % 3 == 2) {
                tables.forEach(counters::compact);
            }
            assertThat(mismatches()).as("after round " + round).isEmpty();
        }
        assertThat(countedProjects()).as("projects the statistics count at the end").isGreaterThan(10);
    }

    @Test
    void shouldAnswerTheStatisticsFromTheCountersWithoutReadingTheProjects() {
        Random random = new Random(7);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 30; i++) {
                UUID id = UUID.nameUUIDFromBytes(("read-" + i).getBytes());
                upsertDocument(id, 1, document(2053, "034", "1000.10", random));
                em.createNativeQuery("insert into report_project (project_id, budget_year, department_code, status, latest_revision,"
                        + " approved_revision, approved_at, approved_submitted_at, updated_at) values (:p, 2053, '034', 'APPROVED', 1, 1,"
                        + " :a, :s, now())").setParameter("p", id).setParameter("a", at(60L * i + 30)).setParameter("s", at(0))
                        .executeUpdate();
            }
        });
        AtomicReference<io.restassured.path.json.JsonPath> body = new AtomicReference<>();
        List<String> statements = RecordedSql.during(() -> body.set(given().auth().oauth2(REVIEWER)
                .get("/api/v1/reports/statistics?budgetYear=2053").then().statusCode(200).extract().jsonPath()));
        assertThat(body.get().getLong("projects")).isEqualTo(30);
        assertThat(body.get().getString("funding")).isEqualTo("30003.00");
        assertThat(body.get().getString("byDepartment[0].name")).startsWith("部门034");
        // lead times 0.5 h, 1.5 h … 29.5 h: median 15, 90th percentile 26.6 (interpolated)
        assertThat(body.get().getDouble("approvalLeadTimes.medianHours")).isEqualTo(15.0);
        assertThat(body.get().getDouble("approvalLeadTimes.p90Hours")).isEqualTo(26.6);
        // (the recorder also sees other threads' statements, e.g. the consumer's: only the statistics' tables are asked about)
        assertThat(statements).as("statements of the statistics")
                .filteredOn(s -> s.contains("report_count_") || s.contains("from report_counted ")).hasSize(4);
        assertThat(statements).as("the tables the statistics summed before V9").noneMatch(s -> s.contains("report_revision_level")
                || s.contains("report_revision_figures") || s.contains("report_finding_count"));
    }

    /**
     * A pre-review (indicator-service's topic) arrives while the project's next submission (project-service's topic)
     * is being written in another transaction: neither sees the other's rows, and whichever recounts last must.
     */
    @Test
    void shouldCountAPreReviewThatArrivesWhileTheProjectsNextSubmissionIsBeingWritten() throws Exception {
        Random random = new Random(3);
        UUID id = UUID.nameUUIDFromBytes("concurrent".getBytes());
        QuarkusTransaction.requiringNew().run(() -> {
            upsertDocument(id, 1, document(2054, "194", "10", random));
            em.createNativeQuery("insert into report_project (project_id, budget_year, department_code, status, latest_revision,"
                    + " updated_at) values (:p, 2054, '194', 'RETURNED', 1, now())").setParameter("p", id).executeUpdate();
        });
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch preReviewStarted = new CountDownLatch(1);
        CompletableFuture<Void> submission = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            upsertDocument(id, 2, document(2054, "194", "20", random));
            em.createNativeQuery("update report_project set latest_revision = 2, status = 'SUBMITTED' where project_id = :p")
                    .setParameter("p", id).executeUpdate();
            written.countDown();
            try {
                preReviewStarted.await(10, TimeUnit.SECONDS);
                Thread.sleep(500); // the pre-review's statement runs meanwhile, against the submission's open transaction
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> preReview = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            preReviewStarted.countDown();
            em.createNativeQuery("insert into report_findings (project_id, revision, findings, targets, quantified_targets)"
                    + " values (:p, 2, '[{\"code\":\"F7\",\"severity\":\"ERROR\"}]', 4, 3)").setParameter("p", id).executeUpdate();
        }));
        CompletableFuture.allOf(submission, preReview).get(30, TimeUnit.SECONDS);

        assertThat(mismatches()).isEmpty();
        var stats = given().auth().oauth2(REVIEWER).get("/api/v1/reports/statistics?budgetYear=2054").then().statusCode(200)
                .extract().jsonPath();
        assertThat(stats.getList("findings.code")).containsExactly("F7");
        assertThat(stats.getLong("quantifiedTargets.quantified")).isEqualTo(3);
        assertThat(stats.getString("funding")).isEqualTo("20.00");
    }
}
