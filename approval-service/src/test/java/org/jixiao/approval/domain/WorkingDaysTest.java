package org.jixiao.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {
    static OffsetDateTime china(int month, int day, int hour, int minute) {
        return OffsetDateTime.of(2025, month, day, hour, minute, 0, 0, ZoneOffset.ofHours(8));
    }

    @Test
    void shouldCountMondaysToFridaysAfterTheFirstDay() {
        OffsetDateTime monday = china(3, 3, 10, 0);
        assertThat(WorkingDays.between(monday, china(3, 3, 23, 0))).isZero();
        assertThat(WorkingDays.between(monday, china(3, 7, 9, 0))).isEqualTo(4);
        assertThat(WorkingDays.between(monday, china(3, 9, 9, 0))).isEqualTo(4);
        assertThat(WorkingDays.between(monday, china(3, 10, 0, 0))).isEqualTo(5);
        assertThat(WorkingDays.between(china(3, 8, 12, 0), china(3, 10, 8, 0))).isEqualTo(1);
    }

    @Test
    void shouldCountDaysInChinaNotInUtc() {
        // 23:59 and 00:00 in China on Thursday and Friday: a day earlier in UTC.
        OffsetDateTime thursdayNight = china(3, 6, 23, 59);
        OffsetDateTime fridayMidnight = china(3, 7, 0, 0);
        OffsetDateTime monday = china(3, 10, 9, 0);
        assertThat(WorkingDays.between(thursdayNight, monday)).isEqualTo(2);
        assertThat(WorkingDays.between(fridayMidnight, monday)).isEqualTo(1);
        assertThat(WorkingDays.overdueFrom(thursdayNight, 1)).isEqualTo(china(3, 10, 0, 0));
        assertThat(WorkingDays.overdueFrom(fridayMidnight, 1)).isEqualTo(china(3, 11, 0, 0));
    }

    @Test
    void shouldMakeACaseOverdueAtTheStartOfTheFirstWorkingDayBeyondItsTarget() {
        OffsetDateTime monday = china(3, 3, 10, 0);
        assertThat(WorkingDays.overdueFrom(monday, 5)).isEqualTo(china(3, 11, 0, 0));
        assertThat(WorkingDays.overdueFrom(china(3, 8, 10, 0), 5)).isEqualTo(china(3, 17, 0, 0));
        assertThat(WorkingDays.overdueFrom(monday, 0)).isEqualTo(china(3, 4, 0, 0));
    }

    /** The stored due instant answers "overdue" exactly as counting the days does, at every hour. */
    @Test
    void shouldAgreeWithTheDayCountForEveryEntryTargetAndMoment() {
        OffsetDateTime start = china(3, 1, 0, 30);
        List<String> disagreements = new ArrayList<>();
        for (int e = 0; e < 21 * 24; e += 11) {
            OffsetDateTime entered = start.plusHours(e);
            for (int target = 0; target <= 10; target++) {
                OffsetDateTime due = WorkingDays.overdueFrom(entered, target);
                for (int n = 0; n < 42 * 24; n += 7) {
                    OffsetDateTime now = start.plusHours(n);
                    if (!now.isBefore(due) != WorkingDays.between(entered, now) > target) {
                        disagreements.add("entered " + entered + ", target " + target + ", now " + now);
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    /** The dashboard's age bands as ranges of entry instants hold the same cases as counting does. */
    @Test
    void shouldStartEachAgeWindowAtTheEarliestEntryWithinIt() {
        OffsetDateTime start = china(3, 1, 0, 30);
        List<String> disagreements = new ArrayList<>();
        for (int n = 0; n < 14 * 24; n += 7) {
            OffsetDateTime now = start.plusDays(28).plusHours(n);
            for (int days : new int[] {0, 2, 5, 10}) {
                OffsetDateTime window = WorkingDays.windowStart(now, days);
                for (int e = 0; e < 42 * 24; e += 7) {
                    OffsetDateTime entered = start.plusHours(e);
                    if (!entered.isBefore(window) != WorkingDays.between(entered, now) <= days) {
                        disagreements.add("entered " + entered + ", now " + now + ", days " + days);
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }
}
