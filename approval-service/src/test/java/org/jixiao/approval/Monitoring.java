package org.jixiao.approval;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.MonitoringAssessed;
import org.jixiao.common.events.MonitoringLine;
import org.jixiao.common.events.Scoresheet;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.EventContracts;
import org.jixiao.common.test.KafkaProbe;

/** What the monitoring tests do as indicator-service would: assessed reports on jixiao.indicator-checks. */
final class Monitoring {
    private final EventCodec codec;

    Monitoring(EventCodec codec) {
        this.codec = codec;
    }

    /** A row of 城区学前教育公用经费 with the given status. */
    static MonitoringAssessed.RowStatus row(int index, String name, String status) {
        return new MonitoringAssessed.RowStatus(index, "产出指标", "数量指标", name, "≥7526人", "QUANTITATIVE", status,
                "全年预计与目标比较", List.of());
    }

    static MonitoringAssessed.Budget budget(String status, String lagPoints) {
        return new MonitoringAssessed.Budget("4515600.00", "1354680.00", "0.3000", "0.5808", lagPoints, status);
    }

    /** An assessed report: rows with {@code statuses} (index 0, 1, …), the budget, the overall status they make. */
    static MonitoringAssessed report(String name, String department, int year, String period, int reportRevision,
            boolean finalReport, MonitoringAssessed.Budget budget, Scoresheet score, String... statuses) {
        List<MonitoringAssessed.RowStatus> rows = new ArrayList<>();
        List<MonitoringLine> lines = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            rows.add(row(i, i == 0 ? "保障幼儿数" : "指标" + i, statuses[i]));
            lines.add(new MonitoringLine(i, "6000", "7000", "LIKELY", "FUNDING", "春季入园人数少于预期", null, null));
        }
        List<String> all = new ArrayList<>(List.of(statuses));
        all.add(budget.status());
        String overall = all.contains("OFF_TRACK") ? "OFF_TRACK" : all.contains("AT_RISK") ? "AT_RISK"
                : all.contains("NOT_ASSESSABLE") ? "NOT_ASSESSABLE" : "ON_TRACK";
        return new MonitoringAssessed(period, reportRevision, LocalDate.parse(period + "-28"), finalReport,
                new MonitoringAssessed.Subject(name, department, "部门" + department, year, "4515600.00", 1),
                budget.spent(), lines, "加快拨付进度", "dept-" + department,
                new MonitoringAssessed.Assessment(overall, rows, budget), score, null);
    }

    /** Publishes the assessment of {@code report} for {@code projectId} (approved revision 1); returns the event. */
    EventEnvelope publish(UUID projectId, MonitoringAssessed report) {
        EventEnvelope event = codec.envelope(EventTypes.MONITORING_ASSESSED, projectId, 1, "indicator-service", report);
        publish(event);
        return event;
    }

    void publish(EventEnvelope event) {
        String json = codec.encode(event);
        EventContracts.assertValid(json);
        KafkaProbe.send(Topics.INDICATOR_CHECKS, event.projectId().toString(), json);
    }

    /** The id of the case of one report revision, once it is open. */
    static String awaitReportCase(UUID projectId, String period, int reportRevision) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(Workflow.READER)
                .when().get("/api/v1/cases?projectId=" + projectId + "&size=100")
                .then().statusCode(200).extract().<List<Object>>path("items.findAll { it.period == '" + period
                        + "' && it.reportRevision == " + reportRevision + " }.id"), ids -> !ids.isEmpty()).get(0).toString();
    }
}
