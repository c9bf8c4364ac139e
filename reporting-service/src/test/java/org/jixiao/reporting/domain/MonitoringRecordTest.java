package org.jixiao.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Order safety of monitoring reports: whatever the order of arrival, the latest submission of a period is kept. */
class MonitoringRecordTest {
    static final UUID PROJECT = UUID.randomUUID();

    static MonitoringRecord report(String period, int revision, String overall) {
        return new MonitoringRecord(PROJECT, period, revision, 1, 2025, "034", "晋城市城区教育局", "城区学前教育公用经费",
                LocalDate.of(2025, 7, 31), false, overall, null, null, null, null, null, null, 0, 0, 0, 0, null, null,
                OffsetDateTime.now(), "{}");
    }

    @Test
    void shouldKeepTheLatestRevisionOfEachPeriodInEveryOrderAndIgnoreRepeats() {
        List<MonitoringRecord> events = List.of(report("2025-07", 1, "AT_RISK"), report("2025-07", 2, "OFF_TRACK"),
                report("2025-07", 3, "ON_TRACK"), report("2025-07", 3, "ON_TRACK"), report("2025-03", 1, "NOT_ASSESSABLE"));
        for (int shuffle = 0; shuffle < 50; shuffle++) {
            List<MonitoringRecord> order = new ArrayList<>(events);
            Collections.shuffle(order, new java.util.Random(shuffle));
            InMemoryReadModel model = new InMemoryReadModel();
            order.forEach(model::saveMonitoring);
            assertThat(model.monitoringReports()).extracting(r -> r.period() + "@" + r.reportRevision() + ":" + r.overall())
                    .containsExactlyInAnyOrder("2025-07@3:ON_TRACK", "2025-03@1:NOT_ASSESSABLE");
        }
    }

    @Test
    void shouldLetOnlyALaterRevisionSupersede() {
        assertThat(report("2025-07", 2, "AT_RISK").supersedes(report("2025-07", 1, "ON_TRACK"))).isTrue();
        assertThat(report("2025-07", 1, "AT_RISK").supersedes(report("2025-07", 2, "ON_TRACK"))).isFalse();
        assertThat(report("2025-07", 2, "AT_RISK").supersedes(report("2025-07", 2, "ON_TRACK"))).isFalse();
        assertThat(report("2025-07", 1, "AT_RISK").supersedes(null)).isTrue();
    }

    @Test
    void shouldMergeConsecutiveRowsOfTheSameLevelsOnly() {
        MergedLevels levels = new MergedLevels(List.of("产出指标", "产出指标", "产出指标", "效益指标"),
                List.of("数量指标", "数量指标", "质量指标", "社会效益指标"));
        assertThat(levels.span(0, false)).isEqualTo(3);
        assertThat(levels.span(0, true)).isEqualTo(2);
        assertThat(levels.starts(2, true)).isTrue();
        assertThat(levels.starts(2, false)).isFalse();
        assertThat(levels.starts(3, false)).isTrue();
    }
}
