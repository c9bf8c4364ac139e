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
        /** INCREASE/DECREASE/MAINTAIN for QUALITATIVE; for a relative QUANTITATIVE target the way it moves */
        Direction direction,
        /** what a relative target is measured against (较上年增长10%, 控制在预算内); null when absolute */
        RelativeTo relativeTo,
        /** a grade word (优良, 合格) for QUALITATIVE */
        String grade,
        /** the standards of a TIERED target, in printed order */
        List<Tier> tiers) {

    /** TIERED: one amount per condition (200元补贴35元、300元补贴40元; 60至64周岁191元、65周岁以上201元). */
    public enum Kind { QUANTITATIVE, TIME, QUALITATIVE, DESCRIPTIVE, TIERED }

    public enum RelativeTo { PREVIOUS_YEAR, BUDGET, BASELINE }

    /**
     * One tier: the condition as printed, its threshold or band when it has one ({@code operator},
     * {@code value}, {@code upperValue}, {@code conditionUnit}) and the amount that applies.
     */
    public record Tier(String condition, Operator operator, String value, String upperValue, String conditionUnit,
            String amount, String unit) {
    }

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
        return new TargetMeaning(text, Kind.DESCRIPTIVE, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    static TargetMeaning quantity(String text, Quantity q) {
        return new TargetMeaning(text, Kind.QUANTITATIVE, q.operator(), q.value(), q.upperValue(), q.unit(), null, null,
                null, null, null, null, null, null, null, null, null);
    }

    /** 较上年增长10% (value set), 不低于上年 and 控制在预算内 (no value: the reference is the bound). */
    static TargetMeaning relative(String text, Operator operator, String value, String unit, Direction direction,
            RelativeTo relativeTo) {
        return new TargetMeaning(text, Kind.QUANTITATIVE, operator, value, null, unit, null, null, null, null, null, null,
                null, direction, relativeTo, null, null);
    }

    static TargetMeaning quantities(String text, List<Quantity> list) {
        Quantity first = list.get(0);
        return new TargetMeaning(text, Kind.QUANTITATIVE, first.operator(), first.value(), first.upperValue(),
                first.unit(), list, null, null, null, null, null, null, null, null, null, null);
    }

    static TargetMeaning time(String text, LocalDate deadline, Frequency frequency, List<Integer> months,
            Integer dayOfMonth, Period period, Boolean timely) {
        return new TargetMeaning(text, Kind.TIME, null, null, null, null, null, deadline, frequency, months, dayOfMonth,
                period, timely, null, null, null, null);
    }

    static TargetMeaning qualitative(String text, Direction direction) {
        return new TargetMeaning(text, Kind.QUALITATIVE, null, null, null, null, null, null, null, null, null, null,
                null, direction, null, null, null);
    }

    static TargetMeaning graded(String text, String grade) {
        return new TargetMeaning(text, Kind.QUALITATIVE, null, null, null, null, null, null, null, null, null, null,
                null, null, null, grade, null);
    }

    static TargetMeaning tiered(String text, List<Tier> tiers) {
        return new TargetMeaning(text, Kind.TIERED, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, List.copyOf(tiers));
    }

    /** A quantity with a fixed meaning of its own, not one measured against a year, a budget or a baseline. */
    public boolean absolute() {
        return relativeTo == null && value != null;
    }

    public boolean quantified() {
        return kind == Kind.QUANTITATIVE || kind == Kind.TIME || kind == Kind.TIERED;
    }
}
