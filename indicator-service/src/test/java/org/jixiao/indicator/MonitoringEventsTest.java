package org.jixiao.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.MonitoringLine;
import org.jixiao.common.events.MonitoringReported;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.EventContracts;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.common.test.SeedFixtures;
import org.junit.jupiter.api.Test;

/**
 * 双监控 and 自评 by event: a MonitoringReported (jixiao.projects) comes back as a MonitoringAssessed
 * (jixiao.indicator-checks), and the pre-review of a submitted revision carries the review-time score preview.
 * The project is 城区学前教育公用经费 (JC-CQ-2025-002): funding 4,515,600; row 1 is 保障幼儿数 ≥7526人.
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_indicator_test"))
class MonitoringEventsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PRESCHOOL = "JC-CQ-2025-002";
    static final int APPROVED_REVISION = 2;

    @Inject
    EventCodec codec;

    static ProjectDocument preschool() throws Exception {
        return JSON.treeToValue(SeedFixtures.project(PRESCHOOL), ProjectDocument.class);
    }

    static MonitoringLine line(int index, String actual, String forecast) {
        return new MonitoringLine(index, actual, forecast, null, null, null, null, null);
    }

    static MonitoringLine stated(int index, String completion) {
        return new MonitoringLine(index, null, null, null, null, null, completion, "按实际完成情况自评");
    }

    static MonitoringReported july(ProjectDocument project, String forecast) {
        return new MonitoringReported("2025-07", 1, LocalDate.parse("2025-07-31"), "1354680.00", false,
                List.of(new MonitoringLine(1, "6100", forecast, null, "OTHER", "生源变化", null, null),
                        new MonitoringLine(6, null, null, "CERTAIN", null, null, null, null)),
                "加强招生宣传", "dept-034", OffsetDateTime.parse("2025-08-05T09:00:00Z"), APPROVED_REVISION, project);
    }

    String send(UUID projectId, MonitoringReported report) {
        String encoded = codec.encode(codec.envelope(EventTypes.MONITORING_REPORTED, projectId, APPROVED_REVISION,
                "dept-034", report));
        KafkaProbe.send(Topics.PROJECTS, projectId.toString(), encoded);
        return encoded;
    }

    static List<ConsumerRecord<String, String>> published(UUID projectId, String eventType, int expected) {
        return KafkaProbe.records(Topics.INDICATOR_CHECKS, r -> r.key().equals(projectId.toString())
                && r.value().contains("\"eventType\":\"" + eventType + "\""), expected, Duration.ofSeconds(30));
    }

    static JsonNode assessed(UUID projectId) throws Exception {
        List<ConsumerRecord<String, String>> records = published(projectId, EventTypes.MONITORING_ASSESSED, 1);
        assertThat(records).hasSize(1);
        EventContracts.assertValid(records.get(0).value());
        return JSON.readTree(records.get(0).value());
    }

    /** Null, or left out by a serializer that omits nulls: either way the consumer reads no value. */
    static boolean absent(JsonNode data, String field) {
        return data.path(field).isMissingNode() || data.path(field).isNull();
    }

    @Test
    void shouldAssessJulyReportOfPreschoolFundsAndPublishMonitoringAssessed() throws Exception {
        ProjectDocument project = preschool();
        // 7600 meets ≥7526; 7000 is 526 short = 6.99% of 7526 (≤ 10%); 6700 is 826 short = 10.98% (> 10%)
        Map<String, String> expected = Map.of("7600", "ON_TRACK", "7000", "AT_RISK", "6700", "OFF_TRACK");
        Map<String, UUID> projects = new HashMap<>();
        expected.keySet().forEach(forecast -> {
            UUID id = UUID.randomUUID();
            projects.put(forecast, id);
            send(id, july(project, forecast));
        });
        for (Map.Entry<String, UUID> e : projects.entrySet()) {
            JsonNode event = assessed(e.getValue());
            JsonNode data = event.get("data");
            assertThat(event.get("revision").asInt()).isEqualTo(APPROVED_REVISION);
            assertThat(event.get("projectId").asText()).isEqualTo(e.getValue().toString());
            JsonNode row = data.at("/assessment/rows/1");
            assertThat(row.get("index").asInt()).isEqualTo(1);
            assertThat(row.get("status").asText()).as("forecast %s", e.getKey()).isEqualTo(expected.get(e.getKey()));
            assertThat(row.get("level1").asText()).isEqualTo("产出指标");
            assertThat(row.get("level2").asText()).isEqualTo("数量指标");
            assertThat(row.get("name").asText()).isEqualTo("保障幼儿数");
            assertThat(row.get("target").asText()).isEqualTo("≥7526人");
            assertThat(row.get("kind").asText()).isEqualTo("QUANTITATIVE");
            assertThat(row.get("reason").asText()).contains(e.getKey());
            assertThat(data.at("/assessment/rows/6/status").asText()).isEqualTo("ON_TRACK"); // 推动, CERTAIN
            assertThat(data.at("/assessment/rows/0/status").asText()).isEqualTo("NOT_ASSESSABLE"); // not reported
            // 1,354,680 / 4,515,600 = 0.3; 31 July is day 212 of 365 = 0.5808; 58.08 − 30 = 28.08 points behind (> 15)
            JsonNode budget = data.at("/assessment/budget");
            assertThat(budget.get("funding").asText()).isEqualTo("4515600.00");
            assertThat(budget.get("spent").asText()).isEqualTo("1354680.00");
            assertThat(budget.get("executionRate").asText()).isEqualTo("0.3000");
            assertThat(budget.get("timeProgress").asText()).isEqualTo("0.5808");
            assertThat(budget.get("lagPoints").asText()).isEqualTo("28.08");
            assertThat(budget.get("status").asText()).isEqualTo("AT_RISK");
            assertThat(data.at("/assessment/overall").asText())
                    .isEqualTo(e.getKey().equals("6700") ? "OFF_TRACK" : "AT_RISK");
            assertThat(data.get("project").get("name").asText()).isEqualTo("城区学前教育公用经费");
            assertThat(data.get("project").get("departmentCode").asText()).isEqualTo("034");
            assertThat(data.get("project").get("departmentName").asText()).isEqualTo("晋城市城区教育局");
            assertThat(data.get("project").get("budgetYear").asInt()).isEqualTo(2025);
            assertThat(data.get("project").get("funding").asText()).isEqualTo("4515600.00");
            assertThat(data.get("project").get("approvedRevision").asInt()).isEqualTo(APPROVED_REVISION);
            // the report travels with its assessment, as the department stated it
            assertThat(data.get("period").asText()).isEqualTo("2025-07");
            assertThat(data.get("asOf").asText()).isEqualTo("2025-07-31");
            assertThat(data.get("final").asBoolean()).isFalse();
            assertThat(data.get("spent").asText()).isEqualTo("1354680.00");
            assertThat(data.at("/indicators/0/forecast").asText()).isEqualTo(e.getKey());
            assertThat(data.at("/indicators/0/note").asText()).isEqualTo("生源变化");
            assertThat(data.at("/indicators/1/likelihood").asText()).isEqualTo("CERTAIN");
            assertThat(data.get("measures").asText()).isEqualTo("加强招生宣传");
            assertThat(data.get("submittedBy").asText()).isEqualTo("dept-034");
            assertThat(absent(data, "score")).isTrue();
            assertThat(absent(data, "scoreUnavailable")).isTrue();
        }
    }

    /**
     * The year-end self-evaluation (自评) of 城区学前教育公用经费, by the classic weights:
     * <pre>
     * 预算执行率  4,515,600.00 / 4,515,600 = 1                          × 10 = 10
     * 产出 50 over 6 rows = 8.333… each
     *   0 ≥33所     actual 33: met                                     8.333…
     *   1 ≥7526人   actual 7000: 7000/7526 = 0.930109…   × 8.333… =    7.750907963504…
     *   2 100%      actual 100: met                                     8.333…
     *   3 及时      stated 1                                            8.333…
     *   4 全年      stated 1                                            8.333…
     *   5 每人每年600元 actual 600: met                                 8.333…
     *   产出 = 41.666… + 7.750907963504… = 49.417574630170…
     * 效益 30 over 2 = 15 each: 6 推动 stated 0.9 = 13.5; 7 保障 stated 1 = 15;  效益 = 28.5
     * 满意度 10: 8 ≥90% actual 85: 85/90 = 0.9444…                       9.444444444444…
     * total = 10 + 49.417574630170 + 28.5 + 9.444444444444 = 97.362019074615 → 97.36, 优
     * subjectivePoints: 推动 and 保障 (qualitative) = 15 + 15 = 30.00
     * </pre>
     */
    @Test
    void shouldScoreTheFinalReportOfPreschoolFundsByTheYearsWeights() throws Exception {
        UUID id = UUID.randomUUID();
        MonitoringReported selfEvaluation = new MonitoringReported("2025-12", 1, LocalDate.parse("2025-12-31"),
                "4515600.00", true, List.of(line(0, "33", null), line(1, "7000", null), line(2, "100", null),
                        stated(3, "1"), stated(4, "1"), line(5, "600", null), stated(6, "0.9"), stated(7, "1"),
                        line(8, "85", null)),
                null, "dept-034", OffsetDateTime.parse("2026-01-20T09:00:00Z"), APPROVED_REVISION, preschool());
        send(id, selfEvaluation);
        JsonNode data = assessed(id).get("data");
        assertThat(data.get("final").asBoolean()).isTrue();
        assertThat(absent(data, "scoreUnavailable")).isTrue();
        JsonNode score = data.get("score");
        assertThat(score.get("total").asText()).isEqualTo("97.36");
        assertThat(score.get("grade").asText()).isEqualTo("优");
        assertThat(score.get("subjectivePoints").asText()).isEqualTo("30.00");
        assertThat(score.get("parts").findValuesAsText("part")).containsExactly("预算执行率", "产出指标", "效益指标", "满意度指标");
        List<String> partScores = new ArrayList<>();
        score.get("parts").forEach(p -> partScores.add(p.get("score").asText()));
        assertThat(partScores).containsExactly("10.00", "49.42", "28.50", "9.44");
        assertThat(score.at("/parts/1/rows/1/score").asText()).isEqualTo("7.75");
        assertThat(score.at("/parts/1/rows/1/completion").asText()).isEqualTo("0.9301");
        assertThat(score.at("/parts/1/rows/1/basis").asText()).isEqualTo("MEASURED");
        assertThat(score.at("/parts/2/rows/0/basis").asText()).isEqualTo("STATED");
        // the year is over: a row without a forecast is assessed on its actual (7000 is 7% short)
        assertThat(data.at("/assessment/rows/1/status").asText()).isEqualTo("AT_RISK");
        assertThat(data.at("/assessment/budget/status").asText()).isEqualTo("ON_TRACK");
        assertThat(data.at("/indicators/6/justification").asText()).isEqualTo("按实际完成情况自评");
    }

    @Test
    void shouldStillPublishTheAssessmentWhenTheFinalReportCannotBeScored() throws Exception {
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body("{\"frameworkCode\":\"mof-2021\"}")
                .when().put("/api/v1/frameworks/years/2043").then().statusCode(200);
        ObjectNode doc = (ObjectNode) SeedFixtures.project(PRESCHOOL);
        doc.put("budgetYear", 2043);
        UUID id = UUID.randomUUID();
        send(id, new MonitoringReported("2043-12", 1, LocalDate.parse("2043-12-31"), "4515600.00", true,
                List.of(line(1, "7600", null)), null, "dept-034", null, APPROVED_REVISION,
                JSON.treeToValue(doc, ProjectDocument.class)));
        JsonNode data = assessed(id).get("data");
        assertThat(absent(data, "score")).isTrue();
        assertThat(data.get("scoreUnavailable").asText()).startsWith("scoring-weights-not-configured").contains("成本指标");
        assertThat(data.at("/assessment/rows/1/status").asText()).isEqualTo("ON_TRACK");
        assertThat(data.at("/assessment/budget/status").asText()).isEqualTo("ON_TRACK");
    }

    @Test
    void shouldPublishOneMonitoringAssessedForADuplicateMonitoringReported() throws Exception {
        UUID id = UUID.randomUUID();
        String encoded = send(id, july(preschool(), "7600"));
        KafkaProbe.send(Topics.PROJECTS, id.toString(), encoded);
        // records() reads to the end of the topic behind the barrier (the service consumed both and drained its outbox)
        assertThat(published(id, EventTypes.MONITORING_ASSESSED, 1)).hasSize(1);
    }

    @Test
    void shouldDeadLetterAReportThatCannotBeAssessedAndGoOnWithTheProjectsNextEvent() throws Exception {
        UUID id = UUID.randomUUID();
        ProjectDocument project = preschool();
        // a line naming a row the approved table does not have: the same on every delivery
        MonitoringReported noSuchRow = new MonitoringReported("2025-07", 1, LocalDate.parse("2025-07-31"), "1354680.00",
                false, List.of(line(42, "1", "1")), null, "dept-034", null, APPROVED_REVISION, project);
        String first = send(id, noSuchRow);
        // data that is no report at all (asOf is not a date)
        ObjectNode garbled = (ObjectNode) JSON.readTree(codec.encode(codec.envelope(EventTypes.MONITORING_REPORTED, id,
                APPROVED_REVISION, "dept-034", july(project, "7600"))));
        ((ObjectNode) garbled.get("data")).put("asOf", "上个月底");
        KafkaProbe.send(Topics.PROJECTS, id.toString(), garbled.toString());
        // behind them on the same partition, a good report of the same project is assessed
        send(id, july(project, "7600"));

        JsonNode event = assessed(id);
        assertThat(event.at("/data/assessment/rows/1/status").asText()).isEqualTo("ON_TRACK");
        List<Map<String, Object>> deadLetters = given().auth().oauth2(DevTokens.admin()).get("/api/v1/admin/dead-letters")
                .then().statusCode(200).extract().path("findAll { it.topic == '" + Topics.PROJECTS + "' }");
        String firstId = JSON.readTree(first).get("eventId").asText();
        String garbledId = garbled.get("eventId").asText();
        assertThat(deadLetters).anySatisfy(d -> {
            assertThat(d.get("eventId")).isEqualTo(firstId);
            assertThat((String) d.get("reason")).contains("invalid-report-lines").contains("/report/indicators/0/index");
        });
        assertThat(deadLetters).anySatisfy(d -> assertThat(d.get("eventId")).isEqualTo(garbledId));
    }

    @Test
    void shouldMarkARowWhoseForecastIsNoFigureNotAssessableRatherThanRefuseTheSubmittedReport() throws Exception {
        UUID id = UUID.randomUUID();
        send(id, july(preschool(), "七千左右"));
        JsonNode data = assessed(id).get("data");
        assertThat(data.at("/assessment/rows/1/status").asText()).isEqualTo("NOT_ASSESSABLE");
        assertThat(data.at("/assessment/rows/1/reason").asText()).contains("七千左右").contains("人");
        assertThat(data.at("/assessment/budget/status").asText()).isEqualTo("AT_RISK");
    }

    @Test
    void shouldPreviewEveryRowsPointsAndSubjectivePointsOnPreReview() throws Exception {
        UUID id = UUID.randomUUID();
        ProjectDocument doc = preschool();
        KafkaProbe.send(Topics.PROJECTS, id.toString(), codec.encode(codec.envelope(EventTypes.PROJECT_SUBMITTED, id, 1,
                "dept-034", new ProjectSubmitted(doc, "dept-034", null, null, null))));
        List<ConsumerRecord<String, String>> records = published(id, EventTypes.INDICATOR_CHECK_COMPLETED, 1);
        assertThat(records).hasSize(1);
        EventContracts.assertValid(records.get(0).value());
        JsonNode data = JSON.readTree(records.get(0).value()).get("data");
        assertThat(data.get("findings").isArray()).isTrue();
        assertThat(data.get("readings")).hasSize(doc.indicators().size());
        JsonNode preview = data.get("preview");
        assertThat(absent(data, "previewUnavailable")).isTrue();
        assertThat(preview.get("total").asText()).isEqualTo("100.00");
        assertThat(preview.get("grade").asText()).isEqualTo("优");

        // independently: the classic weights split equally over each level-1 group's rows of the fixture
        Map<String, BigDecimal> groupWeights = Map.of("产出指标", new BigDecimal(50), "效益指标", new BigDecimal(30),
                "满意度指标", BigDecimal.TEN);
        Map<String, Integer> groupSizes = new HashMap<>();
        doc.indicators().forEach(r -> groupSizes.merge(r.level1(), 1, Integer::sum));
        Map<Integer, String> points = new HashMap<>();
        List<Integer> listed = new ArrayList<>();
        preview.get("parts").forEach(p -> p.get("rows").forEach(r -> {
            points.put(r.get("index").asInt(), r.get("weight").asText());
            listed.add(r.get("index").asInt());
        }));
        assertThat(listed).hasSize(doc.indicators().size()).doesNotHaveDuplicates();
        BigDecimal judged = BigDecimal.ZERO;
        for (int i = 0; i < doc.indicators().size(); i++) {
            ProjectDocument.IndicatorRow row = doc.indicators().get(i);
            BigDecimal weight = groupWeights.get(row.level1()).divide(new BigDecimal(groupSizes.get(row.level1())),
                    MathContext.DECIMAL128);
            assertThat(points.get(i)).as("points of row %d %s", i, row.name())
                    .isEqualTo(weight.setScale(2, RoundingMode.HALF_UP).toPlainString());
            String kind = data.at("/readings/" + i + "/kind").asText();
            if (kind.equals("QUALITATIVE") || kind.equals("DESCRIPTIVE")) {
                judged = judged.add(weight);
            }
        }
        // 产出 6 rows × 8.33, 效益 2 × 15.00, 满意度 1 × 10.00; 推动 and 保障 are the qualitative rows: 30.00
        assertThat(points).containsEntry(1, "8.33").containsEntry(6, "15.00").containsEntry(8, "10.00");
        assertThat(preview.get("subjectivePoints").asText()).isEqualTo(judged.setScale(2, RoundingMode.HALF_UP).toPlainString())
                .isEqualTo("30.00");
    }

    @Test
    void shouldSayWhyThereIsNoPreviewForAYearWhoseCostGroupHasNoWeights() throws Exception {
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body("{\"frameworkCode\":\"mof-2021\"}")
                .when().put("/api/v1/frameworks/years/2045").then().statusCode(200);
        ObjectNode doc = (ObjectNode) SeedFixtures.project(PRESCHOOL);
        doc.put("budgetYear", 2045);
        UUID id = UUID.randomUUID();
        KafkaProbe.send(Topics.PROJECTS, id.toString(), codec.encode(codec.envelope(EventTypes.PROJECT_SUBMITTED, id, 1,
                "dept-034", new ProjectSubmitted(JSON.treeToValue(doc, ProjectDocument.class), "dept-034", null, null, null))));
        List<ConsumerRecord<String, String>> records = published(id, EventTypes.INDICATOR_CHECK_COMPLETED, 1);
        assertThat(records).hasSize(1);
        EventContracts.assertValid(records.get(0).value());
        JsonNode data = JSON.readTree(records.get(0).value()).get("data");
        assertThat(absent(data, "preview")).isTrue();
        assertThat(data.get("previewUnavailable").asText()).startsWith("scoring-weights-not-configured");
        assertThat(data.get("findings").findValuesAsText("code")).contains("LEVEL_NOT_IN_FRAMEWORK");
    }
}
