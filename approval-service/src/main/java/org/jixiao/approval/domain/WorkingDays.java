package org.jixiao.approval.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

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
            if (isWorkingDay(d)) {
                days++;
            }
        }
        return days;
    }

    /**
     * The first instant at which {@code between(entered, now) > targetDays}: midnight (China) starting the
     * working day after the target's last one. Stored with the case, it lets the database answer
     * "overdue" with a comparison instead of a calendar.
     */
    public static OffsetDateTime overdueFrom(OffsetDateTime entered, int targetDays) {
        LocalDate d = entered.atZoneSameInstant(CHINA).toLocalDate();
        int counted = 0;
        while (counted <= Math.max(targetDays, 0)) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return startOf(d);
    }

    /**
     * The earliest instant a stage can have been entered and still show at most {@code days} working days
     * at {@code now}: {@code between(entered, now) <= days} exactly when {@code entered} is not before it.
     */
    public static OffsetDateTime windowStart(OffsetDateTime now, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must be 0 or more: " + days);
        }
        LocalDate d = now.atZoneSameInstant(CHINA).toLocalDate();
        int counted = 0;
        while (!(isWorkingDay(d) && counted == days)) {
            if (isWorkingDay(d)) {
                counted++;
            }
            d = d.minusDays(1);
        }
        return startOf(d);
    }

    private static boolean isWorkingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static OffsetDateTime startOf(LocalDate d) {
        return d.atStartOfDay(CHINA).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
