package org.jixiao.indicator.domain.target;

import java.time.LocalDate;
import java.util.List;

/**
 * What a printed 指标值 means. Exactly the fields of its {@code kind} are set; {@code text} is the input
 * unchanged. Decimal values are strings with the Chinese multipliers (万, 亿, 千) applied.
 */
public record TargetMeaning(
        String text,
        Kind kind,
        Operator operator,
        String value,
        String upperValue,
        String unit,
        /** several quantities in one cell (990元/人/月、1980/人/月) */
        List<Quantity> values,
        LocalDate deadline,
        Frequency frequency,
        /** months of the year for 每年4月、10月 */
        List<Integer> months,
        /** day of the month for 每月10日前 */
        Integer dayOfMonth,
        Period period,
        Boolean timely,
        Direction direction) {

    public enum Kind { QUANTITATIVE, TIME, QUALITATIVE, DESCRIPTIVE }

    public enum Operator { GE, GT, LE, LT, EQ, APPROX, RANGE, WITHIN }

    public enum Frequency { DAILY, WEEKLY, MONTHLY, QUARTERLY, SEMIANNUAL, YEARLY }

    public enum Direction { INCREASE, DECREASE, MAINTAIN }

    public record Quantity(Operator operator, String value, String upperValue, String unit) {
    }

    /**
     * A span of time. {@code from}/{@code to} are set when the text names them (2023.07-2024.01) or
     * when a budget year was given; {@code name} says what was printed (YEAR, Q1–Q4, H1, H2).
     */
    public record Period(String name, LocalDate from, LocalDate to) {
    }

    static TargetMeaning descriptive(String text) {
        return new TargetMeaning(text, Kind.DESCRIPTIVE, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static TargetMeaning quantity(String text, Quantity q) {
        return new TargetMeaning(text, Kind.QUANTITATIVE, q.operator(), q.value(), q.upperValue(), q.unit(), null, null,
                null, null, null, null, null, null);
    }

    static TargetMeaning quantities(String text, List<Quantity> list) {
        Quantity first = list.get(0);
        return new TargetMeaning(text, Kind.QUANTITATIVE, first.operator(), first.value(), first.upperValue(),
                first.unit(), list, null, null, null, null, null, null, null);
    }

    static TargetMeaning time(String text, LocalDate deadline, Frequency frequency, List<Integer> months,
            Integer dayOfMonth, Period period, Boolean timely) {
        return new TargetMeaning(text, Kind.TIME, null, null, null, null, null, deadline, frequency, months, dayOfMonth,
                period, timely, null);
    }

    static TargetMeaning qualitative(String text, Direction direction) {
        return new TargetMeaning(text, Kind.QUALITATIVE, null, null, null, null, null, null, null, null, null, null,
                null, direction);
    }

    public boolean quantified() {
        return kind == Kind.QUANTITATIVE || kind == Kind.TIME;
    }
}
