package org.jixiao.approval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.jixiao.approval.domain.CaseKind;
import org.jixiao.approval.domain.ReviewCase;
import org.jixiao.approval.domain.ReviewRoute;
import org.jixiao.approval.repository.ReviewCaseRepository;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** 1,000 generated cases across 20 departments and both stages, checked against a computation of the test's own. */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_approval_test"))
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {
    static final int YEAR = 2040;
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    ReviewCaseRepository repository;

    record Generated(String department, int stage, String status, OffsetDateTime submitted, OffsetDateTime stageEntered,
            OffsetDateTime decided, UUID projectId) {
    }

    final List<Generated> generated = new ArrayList<>();

    @BeforeAll
    void generate() {
        Random random = new Random(20250101);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ReviewRoute route = ReviewRoute.defaultFor(YEAR);
        List<UUID> projects = Stream.generate(UUID::randomUUID).limit(700).toList();
        Map<UUID, Integer> revisions = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            String dept = String.format("%03d", 101 + random.nextInt(20));
            UUID project = projects.get(random.nextInt(projects.size()));
            int revision = revisions.merge(project, 1, Integer::sum);
            OffsetDateTime submitted = now.minusMinutes(random.nextInt(40 * 24 * 60));
            int kind = random.nextInt(4); // 0,1 open at stage 0/1, 2 approved, 3 returned
            OffsetDateTime stageEntered = submitted;
            OffsetDateTime decided = null;
            if (kind == 1) {
                stageEntered = submitted.plusSeconds((long) (random.nextDouble() * Duration.between(submitted, now).toSeconds()));
            }
            if (kind >= 2) {
                decided = submitted.plusMinutes(30 + random.nextInt((int) Math.max(31, Duration.between(submitted, now).toMinutes())));
                if (decided.isAfter(now)) {
                    decided = now;
                }
            }
            generated.add(new Generated(dept, kind == 1 ? 1 : kind == 0 ? 0 : 1,
                    kind <= 1 ? "OPEN" : kind == 2 ? "APPROVED" : "RETURNED", submitted, stageEntered, decided, project));
            Generated g = generated.get(generated.size() - 1);
            int rev = revision;
            QuarkusTransaction.requiringNew().run(() -> {
                ReviewCase c = ReviewCase.open(new ReviewCase.Opening(g.projectId(), rev, CaseKind.SUBMISSION, YEAR, g.department(),
                        "部门" + g.department(), "项目 " + g.projectId(), new BigDecimal("1000.00"), 3, "{}", null, null,
                        g.submitted()), route);
                if (g.stage() == 1) {
                    c.pass(route, g.stageEntered());
                }
                if ("APPROVED".equals(g.status())) {
                    c.approve("r", null, "JX-" + rev, null, g.decided());
                } else if ("RETURNED".equals(g.status())) {
                    c.returnToDepartment("r", null, g.decided());
                }
                repository.persist(c);
            });
        }
    }

    /** Mondays to Fridays after the day of {@code from} up to the day of {@code to}, in China. */
    static long workingDays(OffsetDateTime from, OffsetDateTime to) {
        LocalDate a = from.atZoneSameInstant(CHINA).toLocalDate();
        LocalDate b = to.atZoneSameInstant(CHINA).toLocalDate();
        return a.datesUntil(b.plusDays(1)).skip(1)
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY).count();
    }

    static double percentile(List<Double> sorted, double p) {
        double rank = p * (sorted.size() - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (rank - lo);
    }

    @Test
    void shouldCountOpenCasesByStageAndDepartmentWithOverdueFlagsInWorkingDays() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        JsonPath queues = given().auth().oauth2(DevTokens.reviewer("r")).get("/api/v1/dashboard/queues?budgetYear=" + YEAR)
                .then().statusCode(200).extract().jsonPath();
        List<Generated> open = generated.stream().filter(g -> g.status().equals("OPEN")).toList();
        long overdue = open.stream().filter(g -> workingDays(g.stageEntered(), now) > 5).count();
        assertThat(queues.getLong("open")).isEqualTo(open.size());
        assertThat(queues.getLong("overdue")).isEqualTo(overdue);
        for (int stage = 0; stage < 2; stage++) {
            int s = stage;
            assertThat(queues.getLong("byStage.find { it.stageIndex == " + stage + " }.open"))
                    .isEqualTo(open.stream().filter(g -> g.stage() == s).count());
            assertThat(queues.getLong("byStage.find { it.stageIndex == " + stage + " }.overdue"))
                    .isEqualTo(open.stream().filter(g -> g.stage() == s && workingDays(g.stageEntered(), now) > 5).count());
        }
        assertThat(queues.getList("byDepartment")).hasSize(20);
        String dept = "107";
        assertThat(queues.getLong("byDepartment.find { it.departmentCode == '" + dept + "' }.overdue"))
                .isEqualTo(open.stream().filter(g -> g.department().equals(dept) && workingDays(g.stageEntered(), now) > 5).count());

        JsonPath own = given().auth().oauth2(DevTokens.department(dept)).get("/api/v1/dashboard/queues?budgetYear=" + YEAR)
                .then().statusCode(200).extract().jsonPath();
        assertThat(own.getList("byDepartment.departmentCode")).containsExactly(dept);
        int listed = given().auth().oauth2(DevTokens.reviewer("r")).get("/api/v1/cases?budgetYear=" + YEAR + "&overdue=true&size=1")
                .then().extract().path("total");
        assertThat(listed).isEqualTo((int) overdue);
    }

    /**
     * A shorter target in the year's route makes more of its open cases overdue at once: every open case is re-timed
     * (about 500 here, several of the batches the change reads them in), and the overdue list agrees with the new route.
     */
    @Test
    void shouldRetimeEveryOpenCaseOfTheYearWhenItsRouteShortensTheTargets() {
        // the other tests count overdue cases under the default route: it is put back as it was
        StringBuilder inForce = new StringBuilder("{\"stages\":[");
        for (ReviewRoute.Stage stage : ReviewRoute.defaultFor(YEAR).stages()) {
            inForce.append(inForce.length() > 11 ? "," : "").append("{\"name\":\"").append(stage.name())
                    .append("\",\"targetDays\":").append(stage.targetDays()).append(",\"fourEyes\":").append(stage.fourEyes()).append('}');
        }
        inForce.append("]}");
        try {
            given().auth().oauth2(DevTokens.admin()).contentType("application/json")
                    .body("{\"stages\":[{\"name\":\"初审\",\"targetDays\":2},{\"name\":\"复审\",\"targetDays\":2}]}")
                    .when().put("/api/v1/routes/" + YEAR).then().statusCode(200);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            long open = generated.stream().filter(g -> g.status().equals("OPEN")).count();
            long overdue = generated.stream().filter(g -> g.status().equals("OPEN") && workingDays(g.stageEntered(), now) > 2).count();
            assertThat(open).isGreaterThan(2 * org.jixiao.approval.service.RouteService.BATCH);
            int listed = given().auth().oauth2(DevTokens.reviewer("r"))
                    .get("/api/v1/cases?budgetYear=" + YEAR + "&overdue=true&size=1").then().statusCode(200)
                    .extract().path("total");
            assertThat(listed).isEqualTo((int) overdue);
        } finally {
            given().auth().oauth2(DevTokens.admin()).contentType("application/json").body(inForce.toString())
                    .when().put("/api/v1/routes/" + YEAR).then().statusCode(200);
        }
    }

    /** The overdue list is filtered, ordered and paged by the database: every page agrees with the count. */
    @Test
    void shouldPageTheOverdueCasesInTheRequestedOrder() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<UUID, Integer> revisions = new HashMap<>();
        List<String> expected = new ArrayList<>();
        for (Generated g : generated) {
            int revision = revisions.merge(g.projectId(), 1, Integer::sum);
            if (g.status().equals("OPEN") && workingDays(g.stageEntered(), now) > 5) {
                expected.add(g.projectId() + "/" + revision);
            }
        }
        List<String> listed = new ArrayList<>();
        List<OffsetDateTime> entered = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath body = given().auth().oauth2(DevTokens.reviewer("r"))
                    .get("/api/v1/cases?budgetYear=" + YEAR + "&overdue=true&sort=-stageEnteredAt&size=37&page=" + page)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(body.getLong("total")).isEqualTo(expected.size());
            List<Map<String, Object>> items = body.getList("items");
            if (items.isEmpty()) {
                break;
            }
            for (Map<String, Object> item : items) {
                assertThat(item.get("overdue")).isEqualTo(true);
                listed.add(item.get("projectId") + "/" + item.get("revision"));
                entered.add(OffsetDateTime.parse((String) item.get("stageEnteredAt")));
            }
        }
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(entered).isSortedAccordingTo((a, b) -> b.compareTo(a));
        int notOverdue = given().auth().oauth2(DevTokens.reviewer("r"))
                .get("/api/v1/cases?budgetYear=" + YEAR + "&overdue=false&size=1").then().statusCode(200)
                .extract().path("total");
        assertThat(notOverdue).isEqualTo(generated.size() - expected.size());
    }

    @Test
    void shouldReportMedianAndNinetiethPercentileLeadTimes() {
        List<Double> hours = generated.stream().filter(g -> g.decided() != null)
                .map(g -> Duration.between(g.submitted().truncatedTo(ChronoUnit.MICROS), g.decided().truncatedTo(ChronoUnit.MICROS))
                        .toNanos() / 3.6e12)
                .sorted().toList();
        JsonPath lead = given().auth().oauth2(DevTokens.reviewer("r")).get("/api/v1/dashboard/lead-times?budgetYear=" + YEAR)
                .then().statusCode(200).extract().jsonPath();
        assertThat(lead.getLong("decided")).isEqualTo(hours.size());
        assertThat(lead.getDouble("medianHours")).isCloseTo(percentile(hours, 0.5), within(0.01));
        assertThat(lead.getDouble("p90Hours")).isCloseTo(percentile(hours, 0.9), within(0.01));
    }

    @Test
    void shouldCountCasesByStatusAndReturnsPerProject() {
        JsonPath counts = given().auth().oauth2(DevTokens.admin()).get("/api/v1/dashboard/counts").then().statusCode(200)
                .extract().jsonPath();
        for (String status : List.of("OPEN", "APPROVED", "RETURNED")) {
            assertThat(counts.getLong("find { it.budgetYear == " + YEAR + " }.byStatus." + status))
                    .isEqualTo(generated.stream().filter(g -> g.status().equals(status)).count());
        }
        Map<UUID, Long> returns = new HashMap<>();
        generated.stream().filter(g -> g.status().equals("RETURNED")).forEach(g -> returns.merge(g.projectId(), 1L, Long::sum));
        long most = returns.values().stream().mapToLong(Long::longValue).max().orElse(0);
        JsonPath top = given().auth().oauth2(DevTokens.admin()).get("/api/v1/dashboard/returns?budgetYear=" + YEAR + "&limit=5")
                .then().statusCode(200).extract().jsonPath();
        assertThat(top.getLong("[0].returns")).isEqualTo(most);
        assertThat(returns.get(UUID.fromString(top.getString("[0].projectId")))).isEqualTo(most);
    }
}
