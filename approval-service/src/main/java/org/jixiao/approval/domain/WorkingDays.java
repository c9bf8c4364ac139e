package org.jixiao.approval.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** 工作日: Mondays to Fridays in China Standard Time (public holidays are not modelled yet). */
public final class WorkingDays {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private WorkingDays() {
    }

    /** Whole working days after the day of {@code from} up to and including the day of {@code to}. */
    public static int between(OffsetDateTime from, OffsetDateTime to) {
        LocalDate start = from.atZoneSameInstant(CHINA).toLocalDate();
        LocalDate end = to.atZoneSameInstant(CHINA).toLocalDate();
        int days = 0;
        for (LocalDate d = start.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }
}
