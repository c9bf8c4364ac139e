package org.jixiao.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.IndicatorCheckCompleted;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.ProjectReturned;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.common.test.SeedFixtures;
import org.jixiao.reporting.domain.ReportProject;
import org.jixiao.reporting.repository.ReportProjectRepository;
import org.jixiao.reporting.service.RebuildService;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_reporting_test"))
class RebuildTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EventCodec codec;
    @Inject
    ReportProjectRepository projects;
    @Inject
    EntityManager em;
    @Inject
    RebuildService rebuildService;
    @ConfigProperty(name = "jixiao.rebuild.batch-size")
    int batchSize;

    ProjectDocument doc(String ref, String funding) throws Exception {
        return doc(ref, funding, 2034);
    }

    ProjectDocument doc(String ref, String funding, int budgetYear) throws Exception {
        ObjectNode node = (ObjectNode) SeedFixtures.project(ref);
        node.put("budgetYear", budgetYear).put("funding", funding);
        return JSON.treeToValue(node, ProjectDocument.class);
    }

    final Set<UUID> sent = new HashSet<>();

    void send(String topic, EventEnvelope e) {
        sent.add(e.eventId());
        KafkaProbe.send(topic, e.projectId().toString(), codec.encode(e));
    }

    /** How many of the events sent so far the consumer has applied (the inbox records each one once). */
    long applied() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where event_id in (:ids)").setParameter("ids", sent)
                .getSingleResult()).longValue());
    }

    /** Everything the read model holds, as sorted lines. */
    @SuppressWarnings("unchecked")
    TreeSet<String> dump() {
        return QuarkusTransaction.requiringNew().call(() -> {
            TreeSet<String> lines = new TreeSet<>();
            projects.listAll().stream().map(ReportProject::state).forEach(lines::add);
            ((List<Object[]>) em.createNativeQuery("select project_id, revision, document from report_revision").getResultList())
                    .forEach(r -> lines.add("rev|" + r[0] + "|" + r[1] + "|" + r[2]));
            ((List<Object[]>) em.createNativeQuery("select project_id, revision, findings from report_findings").getResultList())
                    .forEach(r -> lines.add("findings|" + r[0] + "|" + r[1] + "|" + r[2]));
            ((List<Object>) em.createNativeQuery("select m::text from monitoring_report m").getResultList())
                    .forEach(r -> lines.add("monitoring|" + r));
            ((List<Object>) em.createNativeQuery("select f::text from report_findings f").getResultList())
                    .forEach(r -> lines.add("check|" + r));
            ((List<Object>) em.createNativeQuery("select t::text from report_revision_time t").getResultList())
                    .forEach(r -> lines.add("submitted|" + r));
            ((List<Object>) em.createNativeQuery("select r::text from report_revision_return r").getResultList())
                    .forEach(r -> lines.add("returned|" + r));
            // the statistics' counters (V9): kept statement by statement live, counted once at the rebuild's end
            ((List<Object>) em.createNativeQuery("select concat_ws('|', 'count', budget_year, department_code, status,"
                    + " figure_department_code, figure_department_name, sum(n), sum(funding), sum(targets), sum(quantified))"
                    + " from report_count_project group by budget_year, department_code, status, figure_department_code,"
                    + " figure_department_name having sum(n) <> 0").getResultList()).forEach(r -> lines.add((String) r));
            ((List<Object>) em.createNativeQuery("select concat_ws('|', 'level', budget_year, department_code, status, level1,"
                    + " level2, sum(n), sum(rows)) from report_count_level group by budget_year, department_code, status, level1,"
                    + " level2 having sum(n) <> 0").getResultList()).forEach(r -> lines.add((String) r));
            ((List<Object>) em.createNativeQuery("select concat_ws('|', 'finding', budget_year, department_code, status, code,"
                    + " severity, sum(n)) from report_count_finding group by budget_year, department_code, status, code,"
                    + " severity having sum(n) <> 0").getResultList()).forEach(r -> lines.add((String) r));
            return lines;
        });
    }

    @Test
    void shouldRebuildTheSameModelFromTheTopicsAfterReturnsResubmissionsAndAmendments() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        send(Topics.PROJECTS, codec.envelope(EventTypes.PROJECT_SUBMITTED, a, 1, "d", new ProjectSubmitted(doc("JC-CQ-2025-002", "4515600"), "d", null, null, null)));
        send(Topics.INDICATOR_CHECKS, codec.envelope(EventTypes.INDICATOR_CHECK_COMPLETED, a, 1, "i", new IndicatorCheckCompleted(List.of(), 9, 6)));
        send(Topics.INDICATOR_CHECKS, codec.envelope(EventTypes.INDICATOR_CHECK_COMPLETED, a, 3, "i", new IndicatorCheckCompleted(List.of(), 9, 7)));
        send(Topics.REVIEWS, codec.envelope(EventTypes.PROJECT_RETURNED, a, 1, "r", new ProjectReturned("r", OffsetDateTime.now(), "业务股室初审", "补充", List.of())));
        send(Topics.PROJECTS, codec.envelope(EventTypes.PROJECT_SUBMITTED, a, 2, "d", new ProjectSubmitted(doc("JC-CQ-2025-002", "4515600"), "d", null, null, null)));
        send(Topics.REVIEWS, codec.envelope(EventTypes.PROJECT_APPROVED, a, 2, "r", new ProjectApproved("JX-2", "r", OffsetDateTime.now(), "良", doc("JC-CQ-2025-002", "4515600"))));
        send(Topics.PROJECTS, codec.envelope(EventTypes.PROJECT_AMENDED, a, 3, "d", new ProjectSubmitted(doc("JC-CQ-2025-002", "4600000"), "d", "调整", 2, List.of())));
        send(Topics.REVIEWS, codec.envelope(EventTypes.PROJECT_APPROVED, a, 3, "r", new ProjectApproved("JX-3", "r", OffsetDateTime.now(), null, doc("JC-CQ-2025-002", "4600000"))));
        EventEnvelope submittedB = codec.envelope(EventTypes.PROJECT_SUBMITTED, b, 1, "d", new ProjectSubmitted(doc("JC-CQ-2025-014", "3793200"), "d", null, null, null));
        send(Topics.PROJECTS, submittedB);
        send(Topics.PROJECTS, submittedB); // a redelivery
        // 双监控: the July report of a, its second submission before the first
        send(Topics.INDICATOR_CHECKS, codec.envelope(EventTypes.MONITORING_ASSESSED, a, 3, "i", MonitoringFixtures.assessed(
                "JC-CQ-2025-002", 2034, "2034-07", 2, java.time.LocalDate.of(2034, 7, 31), false, java.util.Map.of(), "AT_RISK",
                MonitoringFixtures.JULY, null, null)));
        send(Topics.INDICATOR_CHECKS, codec.envelope(EventTypes.MONITORING_ASSESSED, a, 3, "i", MonitoringFixtures.assessed(
                "JC-CQ-2025-002", 2034, "2034-07", 1, java.time.LocalDate.of(2034, 7, 31), false, java.util.Map.of(), "OFF_TRACK",
                MonitoringFixtures.JULY, null, null)));

        String reviewer = DevTokens.reviewer("r");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(reviewer)
                .get("/api/v1/reports/summary?budgetYear=2034").then().body("total", org.hamcrest.Matchers.equalTo("4600000.00")));
        await().atMost(Duration.ofSeconds(30)).until(() -> dump().stream().anyMatch(l -> l.startsWith(b.toString())));
        // a barrier instead of a pause: every event sent has been applied before the model is compared
        await().atMost(Duration.ofSeconds(30)).until(() -> applied() == sent.size());
        TreeSet<String> incremental = dump();

        given().auth().oauth2(DevTokens.admin()).post("/api/v1/admin/rebuild").then().statusCode(200);
        TreeSet<String> rebuilt = dump();
        assertThat(rebuilt).isEqualTo(incremental);
        assertThat(rebuilt).anyMatch(l -> l.startsWith(a + "|2034|034|APPROVED|3|3|JX-3"));
        assertThat(rebuilt).anyMatch(l -> l.startsWith("monitoring|(" + a + ",2034-07,2,1,2034,034,"));
        assertThat(rebuilt).anyMatch(l -> l.startsWith("count|2034|034|APPROVED|")).anyMatch(l -> l.startsWith("level|2034|034|"));
        given().auth().oauth2(reviewer).get("/api/v1/reports/monitoring?budgetYear=2034").then().statusCode(200)
                .body("items.overall", org.hamcrest.Matchers.equalTo(List.of("AT_RISK")))
                .body("items.reportRevision", org.hamcrest.Matchers.equalTo(List.of(2)));
        var stats = given().auth().oauth2(reviewer).get("/api/v1/reports/statistics?budgetYear=2034").then().statusCode(200)
                .extract().jsonPath();
        // project a counts with its approved revision 3: 7 of 9 targets quantified; its lead time is from the amendment
        assertThat(stats.getLong("quantifiedTargets.quantified")).isEqualTo(7);
        assertThat(stats.getLong("approvalLeadTimes.approved")).isEqualTo(1);

        // the live consumer goes on after the swap, without re-applying what the rebuild replayed
        UUID c = UUID.randomUUID();
        send(Topics.REVIEWS, codec.envelope(EventTypes.PROJECT_APPROVED, c, 1, "r", new ProjectApproved("JX-9", "r", OffsetDateTime.now(), null, doc("JC-CQ-2025-023", "4600000"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(reviewer)
                .get("/api/v1/reports/summary?budgetYear=2034").then().body("total", org.hamcrest.Matchers.equalTo("9200000.00")));
    }

    /**
     * The tests rebuild in batches of a few events ({@code %test.jixiao.rebuild.batch-size}): here one project's
     * history spans many batches, a return and an approval come before their submissions, a check and a submission
     * are delivered twice far apart, and the later monitoring report comes first.
     */
    @Test
    void shouldRebuildAHistoryLargerThanOneBatchIntoTheModelTheLiveConsumerBuilt() throws Exception {
        assertThat(batchSize).isLessThan(5);
        UUID f = UUID.randomUUID();
        UUID g = UUID.randomUUID();
        UUID h = UUID.randomUUID();
        EventEnvelope submittedF1 = codec.envelope(EventTypes.PROJECT_SUBMITTED, f, 1, "d",
                new ProjectSubmitted(doc("JC-CQ-2025-005", "1000000", 2035), "d", null, null, null));
        EventEnvelope checkedG1 = codec.envelope(EventTypes.INDICATOR_CHECK_COMPLETED, g, 1, "i", new IndicatorCheckCompleted(List.of(), 8, 5));
        send(Topics.REVIEWS, codec.envelope(EventTypes.PROJECT_RETURNED, f, 1, "r", new ProjectReturned("r", OffsetDateTime.now(), "业务股室初审", "补充", List.of())));
        send(Topics.REVIEWS, codec.envelope(EventTypes.PROJECT_APPROVED, g, 1, "r", new ProjectApproved("JX-G1", "r", OffsetDateTime.now(), "优", doc("JC-CQ-2025-006", "2000000", 2035))));
        send(Topics.INDICATOR_CHECKS, checkedG1);
        send(Topics.INDICATOR_CHECKS, codec.envelope(EventTypes.MONITORING_ASSESSED, g, 1, "i", MonitoringFixtures.assessed(
                "JC-CQ-2025-006", 2035, "2035-07", 2, LocalDate.of(2035, 7, 31), false, Map.of(), "ON_TRACK", MonitoringFixtures.JULY, null, null)));
        send(Topics.PROJECTS, submittedF1);
        for (int revision = 2; revision <= 9; revision++) {
            send(Topics.PROJECTS, codec.envelope(EventTypes.PROJECT_SUBMITTED, f, revision, "d",
                    new ProjectSubmitted(doc("JC-CQ-2025-005", String.valueOf(1000000 + revision), 2035), "d", null, null, null)));
            send(Topics.INDICATOR_CHECKS, codec.envelope(EventTypes.INDICATOR_CHECK_COMPLETED, f, revision, "i",
                    new IndicatorCheckCompleted(List.of(), 10, revision)));
            send(Topics.PROJECTS, codec.envelope(EventTypes.PROJECT_SUBMITTED, h, revision - 1, "d",
                    new ProjectSubmitted(doc("JC-CQ-2025-007", String.valueOf(3000000 + revision), 2035), "d", null, null, null)));
        }
        send(Topics.REVIEWS, codec.envelope(EventTypes.PROJECT_APPROVED, f, 8, "r", new ProjectApproved("JX-F8", "r", OffsetDateTime.now(), null, doc("JC-CQ-2025-005", "1000008", 2035))));
        send(Topics.REVIEWS, codec.envelope(EventTypes.PROJECT_RETURNED, h, 8, "r", new ProjectReturned("r", OffsetDateTime.now(), "业务股室初审", "补充", List.of())));
        send(Topics.PROJECTS, codec.envelope(EventTypes.PROJECT_SUBMITTED, g, 1, "d", new ProjectSubmitted(doc("JC-CQ-2025-006", "2000000", 2035), "d", null, null, null)));
        send(Topics.INDICATOR_CHECKS, codec.envelope(EventTypes.MONITORING_ASSESSED, g, 1, "i", MonitoringFixtures.assessed(
                "JC-CQ-2025-006", 2035, "2035-07", 1, LocalDate.of(2035, 7, 31), false, Map.of(), "OFF_TRACK", MonitoringFixtures.JULY, null, null)));
        send(Topics.PROJECTS, submittedF1); // redeliveries, many batches after the first delivery
        send(Topics.INDICATOR_CHECKS, checkedG1);
        await().atMost(Duration.ofSeconds(60)).until(() -> applied() == sent.size());
        TreeSet<String> incremental = dump();
        assertThat(incremental).anyMatch(l -> l.startsWith(f + "|2035|") && l.contains("|SUBMITTED|9|8|JX-F8|"));

        var result = given().auth().oauth2(DevTokens.admin()).post("/api/v1/admin/rebuild").then().statusCode(200).extract().jsonPath();

        assertThat(dump()).isEqualTo(incremental);
        assertThat(result.getLong("events")).isGreaterThanOrEqualTo(sent.size()).isGreaterThan(10L * batchSize);
        given().auth().oauth2(DevTokens.reviewer("r")).get("/api/v1/reports/summary?budgetYear=2035").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo("3000008.00"));
    }

    @Test
    void shouldHoldNoMoreThanOneBatchOfTheHistoryInMemoryWhileRebuilding() throws Exception {
        for (int i = 0; i < 6 * batchSize; i++) {
            send(Topics.PROJECTS, codec.envelope(EventTypes.PROJECT_SUBMITTED, UUID.randomUUID(), 1, "d",
                    new ProjectSubmitted(doc("JC-CQ-2025-009", "500000", 2036), "d", null, null, null)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> applied() == sent.size());

        long events = given().auth().oauth2(DevTokens.admin()).post("/api/v1/admin/rebuild").then().statusCode(200)
                .extract().jsonPath().getLong("events");

        assertThat(events).isGreaterThan(5L * batchSize);
        assertThat(rebuildService.largestBatch()).isPositive().isLessThanOrEqualTo(batchSize);
        assertThat(given().auth().oauth2(DevTokens.reviewer("r")).get("/api/v1/reports/summary?budgetYear=2036&status=SUBMITTED")
                .then().statusCode(200).extract().jsonPath().getList("rows")).hasSize(6 * batchSize);
    }
}
