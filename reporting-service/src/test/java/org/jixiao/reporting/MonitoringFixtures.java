package org.jixiao.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jixiao.common.events.MonitoringAssessed;
import org.jixiao.common.events.MonitoringLine;
import org.jixiao.common.events.Scoresheet;
import org.jixiao.common.test.SeedFixtures;

/** MonitoringAssessed events as indicator-service sends them, built on the seed's approved tables. */
final class MonitoringFixtures {
    private MonitoringFixtures() {
    }

    /** What the department reported for a row and the status indicator-service gave it. */
    record Reported(String actual, String forecast, String status, String cause, String likelihood, String note,
            List<String> flags) {
        static Reported of(String actual, String forecast, String status) {
            return new Reported(actual, forecast, status, null, null, null, List.of());
        }
    }

    /** The budget line: funding, spent, rates as fractions, lag in points, status. */
    record Money(String funding, String spent, String executionRate, String timeProgress, String lagPoints, String status) {
    }

    /** 城区学前教育公用经费 at 31 July 2025 (the acceptance example): 1,354,680 spent of 4,515,600, 58% of the year gone. */
    static final Money JULY = new Money("4515600.00", "1354680.00", "0.3000", "0.5808", "28.08", "AT_RISK");

    /**
     * A report of {@code seedRef}'s table: every row ON_TRACK with its target as actual and forecast unless
     * {@code reported} says otherwise; {@code overall} as given.
     */
    static MonitoringAssessed assessed(String seedRef, int budgetYear, String period, int reportRevision, LocalDate asOf,
            boolean finalReport, Map<Integer, Reported> reported, String overall, Money money, Scoresheet score,
            String scoreUnavailable) {
        JsonNode seed = SeedFixtures.project(seedRef);
        List<MonitoringLine> lines = new ArrayList<>();
        List<MonitoringAssessed.RowStatus> rows = new ArrayList<>();
        JsonNode indicators = seed.get("indicators");
        for (int i = 0; i < indicators.size(); i++) {
            JsonNode row = indicators.get(i);
            Reported r = reported.getOrDefault(i, Reported.of(row.get("target").asText(), row.get("target").asText(), "ON_TRACK"));
            lines.add(new MonitoringLine(i, r.actual(), r.forecast(), r.likelihood(), r.cause(), r.note(), null, null));
            rows.add(new MonitoringAssessed.RowStatus(i, row.get("level1").asText(), row.get("level2").asText(),
                    row.get("name").asText(), row.get("target").asText(), null, r.status(),
                    r.status().equals("ON_TRACK") ? null : "forecast " + r.forecast() + " against " + row.get("target").asText(),
                    r.flags()));
        }
        return new MonitoringAssessed(period, reportRevision, asOf, finalReport,
                new MonitoringAssessed.Subject(seed.get("name").asText(), seed.get("departmentCode").asText(),
                        seed.get("departmentName").asText(), budgetYear, money.funding(), 1),
                money.spent(), lines, "加快拨付进度，督促各园按月报送在园幼儿数", "edu-034",
                new MonitoringAssessed.Assessment(overall, rows, new MonitoringAssessed.Budget(money.funding(), money.spent(),
                        money.executionRate(), money.timeProgress(), money.lagPoints(), money.status())),
                score, scoreUnavailable);
    }
}
