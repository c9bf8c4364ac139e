package org.jixiao.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.MonitoringAssessed;
import org.jixiao.common.events.Scoresheet;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.EventContracts;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.common.test.ReportContents;
import org.jixiao.reporting.MonitoringFixtures.Money;
import org.jixiao.reporting.MonitoringFixtures.Reported;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_reporting_test"))
class MonitoringTablesTest {
    static final String REVIEWER = DevTokens.reviewer("r");
    static final String EDUCATION = DevTokens.department("034");
    static final String PRESCHOOL = "JC-CQ-2025-002"; // 城区学前教育公用经费, 034, 4,515,600 元, 9 rows
    static final LocalDate JULY_31 = LocalDate.of(2025, 7, 31);

    @Inject
    EventCodec codec;
    @Inject
    EntityManager em;

    /** The July report of the acceptance example: 保障幼儿数 ≥7526人 forecast at 7000 (7% short), spending 30% at 58% of the year. */
    static Map<Integer, Reported> july(String childrenForecast, String childrenStatus) {
        return Map.of(
                0, Reported.of("33所", "29", "OFF_TRACK"),
                1, new Reported("6000", childrenForecast, childrenStatus, "FUNDING", "LIKELY", "秋季学期新入园幼儿减少", List.of()),
                3, new Reported("及时", "及时", "ON_TRACK", null, "CERTAIN", null, List.of()),
                8, new Reported(null, null, "NOT_ASSESSABLE", null, null, "满意度调查于年底开展", List.of()));
    }

    EventEnvelope send(UUID project, MonitoringAssessed data) {
        EventEnvelope event = codec.envelope(EventTypes.MONITORING_ASSESSED, project, data.project().approvedRevision(), "indicator-service", data);
        String json = codec.encode(event);
        EventContracts.assertValid(json);
        KafkaProbe.send(Topics.INDICATOR_CHECKS, project.toString(), json);
        return event;
    }

    /** Barrier: the consumer has applied (or skipped as already applied) every one of these events. */
    void awaitApplied(EventEnvelope... events) {
        Set<UUID> ids = new java.util.HashSet<>();
        for (EventEnvelope e : events) {
            ids.add(e.eventId());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_event where event_id in (:ids)").setParameter("ids", ids).getSingleResult()).longValue()) == ids.size());
    }

    static List<List<String>> cells(byte[] xlsx) throws Exception {
        List<List<String>> cells = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : wb.getFirstSheet().read()) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    Cell cell = row.getCell(c);
                    boolean empty = cell == null || cell.getType() == CellType.EMPTY;
                    values.add(empty ? null : (cell.getType() == CellType.NUMBER ? "#" : "") + cell.getText());
                }
                cells.add(values);
            }
        }
        return cells;
    }

    static List<String> rowStartingAt(List<List<String>> cells, int column, String text) {
        Optional<List<String>> row = cells.stream().filter(r -> r.size() > column && text.equals(r.get(column))).findFirst();
        assertThat(row).as("a row with '" + text + "' in column " + column).isPresent();
        return row.get();
    }

    static void assertNumber(String cell, String expected) {
        assertThat(cell).as("a number cell").startsWith("#");
        assertThat(new BigDecimal(cell.substring(1))).isEqualByComparingTo(expected);
    }

    @Test
    void shouldRenderJulyMonitoringTableOfPreschoolFundsAsPdfAndXlsx() throws Exception {
        UUID id = UUID.randomUUID();
        send(id, MonitoringFixtures.assessed(PRESCHOOL, 2025, "2025-07", 1, JULY_31, false, july("7000", "AT_RISK"),
                "OFF_TRACK", MonitoringFixtures.JULY, null, null));
        String url = "/api/v1/reports/projects/" + id + "/monitoring/2025-07";
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(REVIEWER).get(url).statusCode() == 200);

        String html = given().auth().oauth2(EDUCATION).accept("text/html").get(url)
                .then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
        assertThat(html).contains("晋城市城区项目支出绩效运行监控表").contains("2025年1—7月（截至2025-07-31）")
                .contains("rowspan=\"6\">产出指标");

        byte[] pdf = given().auth().oauth2(REVIEWER).accept("application/pdf").get(url)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = ReportContents.pdfText(pdf);
        assertThat(text).contains("晋城市城区项目支出绩效运行监控表", "城区学前教育公用经费", "034-晋城市城区教育局",
                        "年度预算（元）", "执行数（元）", "执行率", "时间进度", "4515600.00", "1354680.00", "30.00%", "58.08%",
                        "一级指标", "二级指标", "三级指标", "年度指标值", "执行情况", "全年预计", "状态", "偏差原因", "完成可能性",
                        "纠偏措施", "加快拨付进度，督促各园按月报送在园幼儿数")
                // 保障幼儿数 ≥7526人: executed 6000, forecast 7000 → 预警, for lack of funding, likely to be reached
                .contains("保障幼儿数≥7526人60007000预警经费保障：秋季学期新入园幼儿减少有可能")
                .contains("保障幼儿园数≥33所33所29偏离")
                .contains("教职工满意度≥90%无法判断满意度调查于年底开展")
                .contains("公共经费拨付及时性及时及时及时正常确定能");

        byte[] xlsx = given().auth().oauth2(REVIEWER).get(url + "?format=xlsx")
                .then().statusCode(200).extract().asByteArray();
        List<List<String>> cells = cells(xlsx);
        assertThat(cells.get(0).get(0)).isEqualTo("晋城市城区项目支出绩效运行监控表");
        assertThat(cells.get(1).get(0)).isEqualTo("单位：元");
        List<String> children = rowStartingAt(cells, 2, "保障幼儿数");
        assertThat(children.subList(3, 9)).containsExactly("≥7526人", "6000", "7000", "预警", "经费保障：秋季学期新入园幼儿减少", "有可能");
        assertThat(rowStartingAt(cells, 2, "保障幼儿园数").get(6)).isEqualTo("偏离");
        assertThat(rowStartingAt(cells, 2, "教职工满意度").get(6)).isEqualTo("无法判断");
        assertThat(rowStartingAt(cells, 2, "经费拨付标准").get(6)).isEqualTo("正常");
        List<String> budgetHead = rowStartingAt(cells, 0, "预算执行");
        List<String> budget = cells.get(cells.indexOf(budgetHead) + 1);
        assertNumber(budget.get(2), "4515600.00");
        assertNumber(budget.get(4), "1354680.00");
        assertNumber(budget.get(6), "0.3000");
        assertNumber(budget.get(7), "0.5808");
        assertThat(budget.get(8)).isEqualTo("预警");
        assertThat(rowStartingAt(cells, 0, "纠偏措施").get(2)).isEqualTo("加快拨付进度，督促各园按月报送在园幼儿数");
        assertThat(rowStartingAt(cells, 0, "总体状态").get(2)).isEqualTo("偏离");
    }

    @Test
    void shouldKeepLatestReportRevisionWhenOlderArrivesLate() throws Exception {
        UUID id = UUID.randomUUID();
        // returned and resubmitted: the second submission forecasts 6700 (11% short) → 偏离; the first (7000, 预警) arrives after it
        EventEnvelope second = send(id, MonitoringFixtures.assessed(PRESCHOOL, 2025, "2025-07", 2, JULY_31, false,
                july("6700", "OFF_TRACK"), "OFF_TRACK", MonitoringFixtures.JULY, null, null));
        EventEnvelope first = send(id, MonitoringFixtures.assessed(PRESCHOOL, 2025, "2025-07", 1, JULY_31, false,
                july("7000", "AT_RISK"), "AT_RISK", MonitoringFixtures.JULY, null, null));
        KafkaProbe.send(Topics.INDICATOR_CHECKS, id.toString(), codec.encode(second)); // and a redelivery
        awaitApplied(second, first);

        String url = "/api/v1/reports/projects/" + id + "/monitoring/2025-07";
        List<List<String>> cells = cells(given().auth().oauth2(REVIEWER).get(url + "?format=xlsx")
                .then().statusCode(200).extract().asByteArray());
        assertThat(rowStartingAt(cells, 2, "保障幼儿数").subList(5, 7)).containsExactly("6700", "偏离");
        assertThat(rowStartingAt(cells, 0, "监控期间").get(2)).isEqualTo("2025年1—7月（截至2025-07-31），第2次提交");
        given().auth().oauth2(REVIEWER).get("/api/v1/reports/monitoring?budgetYear=2025&departmentCode=034&size=500")
                .then().statusCode(200)
                .body("items.find { it.projectId == '" + id + "' }.reportRevision", equalTo(2))
                .body("items.find { it.projectId == '" + id + "' }.overall", equalTo("OFF_TRACK"));
    }

    /**
     * The year-end report with its score, computed by indicator-service and only shown here: 55% of the budget
     * executed → 预算执行率 5.50 of 10; 产出 49.75 of 50 (保障幼儿数 7300 of ≥7526: completion 97.00%, 8.08 of 8.33);
     * 效益 28.50; 满意度 10.00; 93.75 before the local cap "execution rate below 60% → at most 69", so 69.00 / 中.
     */
    static Scoresheet yearEndScore() {
        List<Scoresheet.Row> output = List.of(
                new Scoresheet.Row(0, "保障幼儿园数", "QUANTITY", "8.33", "1.0000", "8.33", false, "MEASURED"),
                new Scoresheet.Row(1, "保障幼儿数", "QUANTITY", "8.33", "0.9700", "8.08", false, "MEASURED"),
                new Scoresheet.Row(2, "公用经费拨付标准达标率", "QUANTITY", "8.33", "1.0000", "8.33", false, "MEASURED"),
                new Scoresheet.Row(3, "公共经费拨付及时性", "QUALITATIVE", "8.33", "1.0000", "8.33", true, "STATED"),
                new Scoresheet.Row(4, "幼儿园正常运转时间", "QUALITATIVE", "8.33", "1.0000", "8.33", true, "STATED"),
                new Scoresheet.Row(5, "经费拨付标准", "QUANTITY", "8.33", "1.0000", "8.33", false, "MEASURED"));
        List<Scoresheet.Row> outcome = List.of(
                new Scoresheet.Row(6, "推动学前教育健康发展", "QUALITATIVE", "15.00", "0.9000", "13.50", true, "STATED"),
                new Scoresheet.Row(7, "保障我区公办幼儿园正常运转", "QUALITATIVE", "15.00", "1.0000", "15.00", true, "STATED"));
        List<Scoresheet.Row> satisfaction = List.of(
                new Scoresheet.Row(8, "教职工满意度", "QUANTITY", "10.00", "1.0000", "10.00", false, "MEASURED"));
        return new Scoresheet("69.00", "中", List.of(
                new Scoresheet.Part("预算执行率", "10", "5.50", List.of()),
                new Scoresheet.Part("产出指标", "50", "49.75", output),
                new Scoresheet.Part("效益指标", "30", "28.50", outcome),
                new Scoresheet.Part("满意度指标", "10", "10.00", satisfaction)),
                List.of(new Scoresheet.Cap("0.60", "69", "93.75")), "48.33");
    }

    static final Money YEAR_END = new Money("4515600.00", "2483580.00", "0.5500", "1.0000", "45.00", "OFF_TRACK");

    static Map<Integer, Reported> yearEnd() {
        return Map.of(1, new Reported("7300", "7300", "AT_RISK", "OTHER", null, "适龄幼儿减少", List.of()),
                6, new Reported("已推动", "已推动", "ON_TRACK", null, "CERTAIN", "普惠性幼儿园覆盖率提高", List.of()),
                8, Reported.of("95%", "95%", "ON_TRACK"));
    }

    @Test
    void shouldRenderSelfEvaluationTableWithScoreAndGrade() throws Exception {
        UUID id = UUID.randomUUID();
        send(id, MonitoringFixtures.assessed(PRESCHOOL, 2025, "2025-12", 1, LocalDate.of(2025, 12, 31), true, yearEnd(),
                "OFF_TRACK", YEAR_END, yearEndScore(), null));
        String url = "/api/v1/reports/projects/" + id + "/self-evaluation/2025";
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(REVIEWER).get(url).statusCode() == 200);

        byte[] pdf = given().auth().oauth2(EDUCATION).get(url + "?format=pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(ReportContents.pdfText(pdf)).contains("晋城市城区项目支出绩效自评表", "（2025年度）", "城区学前教育公用经费",
                        "4515600.00", "2483580.00", "55.00%", "分值", "得分", "完成率")
                // the budget block: 10 points, 5.50 scored
                .contains("55.00%10.005.50")
                // 保障幼儿数: target ≥7526人, actual 7300, 8.33 points, 97.00% done, 8.08 scored, with the department's reason
                .contains("保障幼儿数≥7526人73008.3397.00%8.08适龄幼儿减少")
                .contains("推动学前教育健康发展（定性）推动已推动15.0090.00%13.50普惠性幼儿园覆盖率提高")
                .contains("产出指标分值50.00得分49.75", "效益指标分值30.00得分28.50", "满意度指标分值10.00得分10.00")
                .contains("总分69.00自评等级中")
                .contains("执行率低于60.00%，总分不超过69.00（封顶前93.75）");

        List<List<String>> cells = cells(given().auth().oauth2(REVIEWER).accept(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").get(url).then().statusCode(200)
                .extract().asByteArray());
        assertThat(cells.get(0).get(0)).isEqualTo("晋城市城区项目支出绩效自评表");
        List<String> children = rowStartingAt(cells, 2, "保障幼儿数");
        assertThat(children.subList(3, 5)).containsExactly("≥7526人", "7300");
        assertNumber(children.get(5), "8.33");
        assertNumber(children.get(6), "0.97");
        assertNumber(children.get(7), "8.08");
        List<String> total = rowStartingAt(cells, 0, "总分");
        assertNumber(total.get(2), "69.00");
        assertThat(total.get(4)).isEqualTo("中");
        // the parts below the rows: name, 分值, weight, 得分, score
        List<List<String>> parts = cells.stream().filter(r -> r.size() > 5 && "分值".equals(r.get(2))).toList();
        assertThat(parts.stream().map(r -> r.get(0)).toList()).containsExactly("预算执行率", "产出指标", "效益指标", "满意度指标");
        assertNumber(parts.get(0).get(5), "5.50");
        assertNumber(parts.get(1).get(3), "50");
        assertNumber(parts.get(1).get(5), "49.75");
        assertThat(rowStartingAt(cells, 0, "封顶规则").get(2)).isEqualTo("执行率低于60.00%，总分不超过69.00（封顶前93.75）");
    }

    @Test
    void shouldSayInTheSelfEvaluationTableWhyThereIsNoScore() throws Exception {
        UUID id = UUID.randomUUID();
        send(id, MonitoringFixtures.assessed(PRESCHOOL, 2025, "2025-12", 1, LocalDate.of(2025, 12, 31), true, yearEnd(),
                "OFF_TRACK", YEAR_END, null, "2025年度未配置含成本指标框架的权重"));
        String url = "/api/v1/reports/projects/" + id + "/self-evaluation/2025";
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(REVIEWER).get(url).statusCode() == 200);
        String html = given().auth().oauth2(REVIEWER).get(url).then().statusCode(200).contentType(startsWith("text/html"))
                .extract().asString();
        assertThat(html).contains("未评分：2025年度未配置含成本指标框架的权重").contains("7300").doesNotContain("自评等级");
        List<List<String>> cells = cells(given().auth().oauth2(REVIEWER).get(url + "?format=xlsx").then().statusCode(200)
                .extract().asByteArray());
        assertThat(rowStartingAt(cells, 0, "总分").get(2)).isEqualTo("未评分：2025年度未配置含成本指标框架的权重");
        assertThat(rowStartingAt(cells, 2, "保障幼儿数").get(4)).isEqualTo("7300");
    }

    @Test
    void shouldAnswer404WithoutTheReportAnd400ForABadPeriod() throws Exception {
        UUID id = UUID.randomUUID();
        EventEnvelope july = send(id, MonitoringFixtures.assessed(PRESCHOOL, 2025, "2025-07", 1, JULY_31, false,
                july("7000", "AT_RISK"), "AT_RISK", MonitoringFixtures.JULY, null, null));
        awaitApplied(july);
        String base = "/api/v1/reports/projects/" + id;
        given().auth().oauth2(REVIEWER).get(base + "/monitoring/2025-06").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("type", equalTo("https://jixiao.org/problems/not-found"));
        // a July report is no self-evaluation: that needs the final report of period 2025-12
        given().auth().oauth2(REVIEWER).get(base + "/self-evaluation/2025").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("final report"));
        given().auth().oauth2(REVIEWER).get("/api/v1/reports/projects/" + UUID.randomUUID() + "/self-evaluation/2025").then().statusCode(404);
        given().auth().oauth2(REVIEWER).get(base + "/monitoring/2025-13").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(REVIEWER).get(base + "/monitoring/2025-07?format=docx").then().statusCode(400);
        given().get(base + "/monitoring/2025-07").then().statusCode(401);
    }

    @Test
    void shouldRefuseAnotherDepartmentsTables() throws Exception {
        UUID id = UUID.randomUUID();
        EventEnvelope july = send(id, MonitoringFixtures.assessed(PRESCHOOL, 2025, "2025-07", 1, JULY_31, false,
                july("7000", "AT_RISK"), "AT_RISK", MonitoringFixtures.JULY, null, null));
        EventEnvelope december = send(id, MonitoringFixtures.assessed(PRESCHOOL, 2025, "2025-12", 1, LocalDate.of(2025, 12, 31),
                true, yearEnd(), "OFF_TRACK", YEAR_END, yearEndScore(), null));
        awaitApplied(july, december);
        String base = "/api/v1/reports/projects/" + id;
        String health = DevTokens.department("038");
        given().auth().oauth2(health).get(base + "/monitoring/2025-07").then().statusCode(404);
        given().auth().oauth2(health).get(base + "/self-evaluation/2025").then().statusCode(404);
        given().auth().oauth2(EDUCATION).get(base + "/monitoring/2025-07").then().statusCode(200);
        given().auth().oauth2(DevTokens.admin()).get(base + "/self-evaluation/2025?format=xlsx").then().statusCode(200);
        given().auth().oauth2(DevTokens.integration()).get(base + "/monitoring/2025-07?format=pdf").then().statusCode(200);
    }

    @Test
    void shouldListYearViewWorstFirstAndFilterByDepartment() throws Exception {
        int year = 2041;
        Money calm = new Money("1000000.00", "600000.00", "0.6000", "0.5808", "-1.92", "ON_TRACK");
        Money lagging = new Money("1000000.00", "420000.00", "0.4200", "0.5808", "16.08", "AT_RISK");
        UUID offTrack = UUID.randomUUID(); // 034: March on track, then July off track: the July report counts
        UUID badlyLagging = UUID.randomUUID(); // 041: at risk, 28.08 points behind
        UUID lagged = UUID.randomUUID(); // 038: at risk, 16.08 points behind
        UUID unknown = UUID.randomUUID(); // 034: a row without a forecast
        UUID fine = UUID.randomUUID(); // 034: on track
        List<EventEnvelope> sent = new ArrayList<>();
        sent.add(send(offTrack, MonitoringFixtures.assessed("JC-CQ-2025-004", year, year + "-03", 1, LocalDate.of(year, 3, 31), false,
                Map.of(), "ON_TRACK", calm, null, null)));
        sent.add(send(offTrack, MonitoringFixtures.assessed("JC-CQ-2025-004", year, year + "-07", 1, LocalDate.of(year, 7, 31), false,
                Map.of(0, Reported.of("1", "2", "OFF_TRACK"), 1, Reported.of("1", "2", "AT_RISK")), "OFF_TRACK", calm, null, null)));
        sent.add(send(badlyLagging, MonitoringFixtures.assessed("JC-CQ-2025-013", year, year + "-06", 1, LocalDate.of(year, 6, 30), false,
                Map.of(), "AT_RISK", MonitoringFixtures.JULY, null, null)));
        sent.add(send(lagged, MonitoringFixtures.assessed("JC-CQ-2025-007", year, year + "-07", 1, LocalDate.of(year, 7, 31), false,
                Map.of(), "AT_RISK", lagging, null, null)));
        sent.add(send(unknown, MonitoringFixtures.assessed("JC-CQ-2025-005", year, year + "-07", 1, LocalDate.of(year, 7, 31), false,
                Map.of(2, Reported.of(null, null, "NOT_ASSESSABLE")), "NOT_ASSESSABLE", calm, null, null)));
        sent.add(send(fine, MonitoringFixtures.assessed("JC-CQ-2025-003", year, year + "-07", 1, LocalDate.of(year, 7, 31), false,
                Map.of(), "ON_TRACK", calm, null, null)));
        awaitApplied(sent.toArray(EventEnvelope[]::new));

        String url = "/api/v1/reports/monitoring?budgetYear=" + year;
        var all = given().auth().oauth2(REVIEWER).get(url).then().statusCode(200).contentType(startsWith("application/json"))
                .body("total", equalTo(5)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items.projectId", equalTo(List.of(offTrack, badlyLagging, lagged, unknown, fine).stream().map(UUID::toString).toList()))
                .body("items.overall", equalTo(List.of("OFF_TRACK", "AT_RISK", "AT_RISK", "NOT_ASSESSABLE", "ON_TRACK")))
                .extract().jsonPath();
        assertThat(all.getString("items[0].projectName")).isEqualTo("义务教育免费地方教材");
        assertThat(all.getString("items[0].period")).isEqualTo(year + "-07");
        assertThat(all.getInt("items[0].rowCounts.offTrack")).isEqualTo(1);
        assertThat(all.getInt("items[0].rowCounts.atRisk")).isEqualTo(1);
        assertThat(all.getInt("items[0].rowCounts.onTrack")).isEqualTo(6);
        assertThat(all.getString("items[1].funding")).isEqualTo("4515600.00");
        assertThat(all.getString("items[1].spent")).isEqualTo("1354680.00");
        assertThat(all.getString("items[1].executionRate")).isEqualTo("0.3000");
        assertThat(all.getString("items[1].timeProgress")).isEqualTo("0.5808");
        assertThat(all.getString("items[1].budgetStatus")).isEqualTo("AT_RISK");
        assertThat(all.getString("items[1].departmentName")).isEqualTo("晋城市城区民政局");

        given().auth().oauth2(REVIEWER).get(url + "&departmentCode=034").then().statusCode(200)
                .body("total", equalTo(3)).body("items.projectId", equalTo(List.of(offTrack.toString(), unknown.toString(), fine.toString())));
        given().auth().oauth2(REVIEWER).get(url + "&status=AT_RISK").then().statusCode(200)
                .body("items.projectId", equalTo(List.of(badlyLagging.toString(), lagged.toString())));
        given().auth().oauth2(REVIEWER).get(url + "&page=1&size=2").then().statusCode(200)
                .body("total", equalTo(5)).body("items.projectId", equalTo(List.of(lagged.toString(), unknown.toString())));
        // a department sees its own projects only, whatever department it names
        given().auth().oauth2(DevTokens.department("038")).get(url + "&departmentCode=034").then().statusCode(200)
                .body("total", equalTo(1)).body("items.projectId", equalTo(List.of(lagged.toString())));
        given().auth().oauth2(REVIEWER).get(url + "&status=LATE").then().statusCode(400);
        given().auth().oauth2(REVIEWER).get("/api/v1/reports/monitoring").then().statusCode(400);

        List<List<String>> cells = cells(given().auth().oauth2(REVIEWER).accept(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").get(url + "&size=1").then().statusCode(200)
                .extract().asByteArray());
        assertThat(cells.get(0).get(0)).isEqualTo(year + "年绩效运行监控情况");
        assertThat(cells.subList(2, cells.size()).stream().map(r -> r.get(0)).toList())
                .containsExactly("义务教育免费地方教材", "城乡低保金", "计划生育服务补助", "城区学校保安服务", "职中免学费");
        assertThat(cells.get(2).get(4)).isEqualTo("偏离");
        List<String> second = cells.get(3);
        assertThat(second.get(4)).isEqualTo("预警");
        assertNumber(second.get(5), "4515600.00");
        assertNumber(second.get(6), "1354680.00");
        assertNumber(second.get(7), "0.3000");
        assertNumber(second.get(8), "0.5808");
        assertThat(second.get(9)).isEqualTo("预警");
    }
}
