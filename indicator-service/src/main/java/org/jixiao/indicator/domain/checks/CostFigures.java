package org.jixiao.indicator.domain.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jixiao.indicator.domain.checks.TargetPolicies.Row;
import org.jixiao.indicator.domain.target.TargetMeaning;
import org.jixiao.indicator.domain.target.TargetMeaning.Kind;
import org.jixiao.indicator.domain.target.TargetMeaning.Operator;

/** The figures the cost checks read from a table: rates, counts, amounts printed in the overview. */
final class CostFigures {
    private CostFigures() {
    }

    /** {@code amount} 元 per one {@code entity} (canonical), {@code periods} times a year; {@code unit} as shown. */
    record Rate(Row row, BigDecimal amount, String entity, int periods, String unit, boolean approximate) {
    }

    /** A planned quantity; {@code lowerBound} for ≥ (the cost may be higher), {@code unit} as printed. */
    record Count(Row row, BigDecimal value, String entity, String unit, boolean lowerBound, boolean approximate) {
    }

    /** An amount in 元 as the text printed it, and the step of its last printed digit (111.6万元 → 1000). */
    record Printed(String text, BigDecimal value, BigDecimal step) {
    }

    private static final Set<String> GENERIC_COUNTERS = Set.of("个", "处", "点");
    // Words every cost or count row uses: they say nothing about whom a standard is for.
    private static final Pattern GENERIC_WORDS = Pattern.compile(
            "月工资|工资|职业津贴|津贴|标准|人数|数量|人员|补助|补贴|经费|资金|成本|费用|金额|区级|市级|县级|财政|人均|每人|每年|每月|享受|对象|发放|项目|指标|合计|[数（）()、,，\\s]");
    private static final Pattern PAY = Pattern.compile("工资|津贴|薪");
    private static final Pattern PRINTED_AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(亿元|万元|元|万)");
    private static final Pattern PRINTED_NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(亿|万)?");

    static Optional<Rate> rate(Row r) {
        TargetMeaning m = r.meaning();
        if (m.kind() != Kind.QUANTITATIVE || m.values() != null || !m.absolute() || m.unit() == null
                || (m.operator() != Operator.EQ && m.operator() != Operator.APPROX)) {
            return Optional.empty();
        }
        String[] parts = m.unit().split("/");
        if (!parts[0].equals("元")) {
            return Optional.empty();
        }
        String entity = null;
        int periods = 1;
        String time = null;
        String span = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (List.of("年", "月", "季度", "季", "学期").contains(p)) {
                time = p;
            }
            switch (p) {
                case "年" -> periods = 1;
                case "月" -> periods = 12;
                case "季度", "季" -> periods = 4;
                case "学期" -> periods = 2;
                // a year has no fixed number of working days: a day or week rate is paired only with a count
                // the table states in days (服务天数 250天) or person-days (培训 500人天), never multiplied by 365
                case "天", "日" -> span = "天";
                case "周" -> span = "周";
                default -> {
                    if (entity != null) {
                        return Optional.empty();
                    }
                    entity = p;
                }
            }
        }
        String name = r.row().name() == null ? "" : r.row().name();
        // wages and allowances (一肩挑月工资 4421元, 职业津贴 每月100元) are paid to people, by the month the name states
        boolean pay = PAY.matcher(name).find() || PAY.matcher(m.text()).find();
        if (span != null) {
            if (time != null || pay) {
                return Optional.empty();
            }
            // 元/人/天 counts person-days, 元/天 counts days
            String counted = entity == null ? span : canonical(entity) + span;
            return Optional.of(new Rate(r, new BigDecimal(m.value()), counted, 1, m.unit(), m.operator() == Operator.APPROX));
        }
        if (time == null && (name.contains("月工资") || name.contains("月薪"))) {
            time = "月";
            periods = 12;
        }
        if (pay && time == null) {
            // 人均工资4734元: a wage without its period cannot be multiplied honestly
            return Optional.empty();
        }
        boolean printedEntity = entity != null;
        if (entity == null) {
            entity = entityFromName(name);
            if (entity == null && pay) {
                entity = "人";
            }
            if (entity == null) {
                return Optional.empty();
            }
        }
        String unit = printedEntity ? m.unit() : "元/" + entity + (time == null ? "" : "/" + time);
        return Optional.of(new Rate(r, new BigDecimal(m.value()), canonical(entity), periods, unit,
                m.operator() == Operator.APPROX));
    }

    static Optional<Count> count(Row r) {
        TargetMeaning m = r.meaning();
        if (!r.at("数量指标") || m.kind() != Kind.QUANTITATIVE || m.values() != null || !m.absolute() || m.unit() == null
                || m.unit().contains("/") || m.unit().equals("%") || m.unit().equals("‰")
                || m.operator() == Operator.RANGE || m.operator() == Operator.WITHIN) {
            return Optional.empty();
        }
        // ≤2500人 is the planned quantity (the cost may not exceed it); ≥ is a floor
        return Optional.of(new Count(r, new BigDecimal(m.value()), canonical(m.unit()), m.unit(),
                m.operator() == Operator.GE || m.operator() == Operator.GT, m.operator() == Operator.APPROX));
    }

    /** Whether a cost row is an amount of money at all (rates, caps, tiers, lump sums; not 救助比例 ≥70%). */
    static boolean money(Row r) {
        TargetMeaning m = r.meaning();
        return m.kind() == Kind.TIERED || (m.unit() != null && m.unit().startsWith("元"));
    }

    /** 每家首次入规工业企业区级奖励资金 → 家; 每名保安保障经费 → 名; 人均… → 人. */
    static String entityFromName(String name) {
        if (name == null || name.length() < 2) {
            return null;
        }
        if (name.startsWith("人均")) {
            return "人";
        }
        if (name.startsWith("每")) {
            return name.startsWith("每人次") ? "人次" : name.substring(1, 2);
        }
        return null;
    }

    /** Units that count the same things: 名 and 人次 are 人; 处 and 点 are 个; 平方米 is ㎡. */
    static String canonical(String unit) {
        return switch (unit) {
            case "名", "人次", "位" -> "人";
            case "处", "点" -> "个";
            case "平方米", "m2", "平米" -> "㎡";
            case "日" -> "天";
            case "人日", "人·天", "人·日" -> "人天";
            default -> unit;
        };
    }

    /**
     * 生 counts students only (a 劳务人员 count in 人 is not one); 元/室/月 counts the 村卫生室 of a count
     * printed in 个; otherwise the canonical units must be the same.
     */
    static boolean compatible(Rate rate, Count count) {
        String name = count.row().row().name() == null ? "" : count.row().row().name();
        if (rate.entity().equals("生")) {
            return (count.entity().equals("人") || count.entity().equals("生")) && name.contains("生");
        }
        if (rate.entity().equals(count.entity()) || conversion(rate.entity(), count.entity()) != null) {
            return true;
        }
        return GENERIC_COUNTERS.contains(count.entity()) && name.contains(rate.entity());
    }

    /** The name without its generic words: what it says about whom it counts or pays. */
    static String qualifier(String name) {
        return name == null ? "" : GENERIC_WORDS.matcher(name).replaceAll("");
    }

    private static final BigDecimal SQUARE_METRES_PER_MU = new BigDecimal("10000").divide(new BigDecimal("15"), 10,
            java.math.RoundingMode.HALF_UP);

    /** How many of the rate's units one of the count's is (1亩 = 10000/15 ㎡), or null when they do not convert. */
    static BigDecimal conversion(String rateEntity, String countEntity) {
        if (rateEntity.equals("㎡") && countEntity.equals("亩")) {
            return SQUARE_METRES_PER_MU;
        }
        if (rateEntity.equals("亩") && countEntity.equals("㎡")) {
            return BigDecimal.ONE.divide(SQUARE_METRES_PER_MU, 10, java.math.RoundingMode.HALF_UP);
        }
        return null;
    }

    /** The count in the rate's unit, saying what was printed when it had to be converted. */
    static Count inUnitOf(Rate rate, Count c) {
        BigDecimal factor = conversion(rate.entity(), c.entity());
        if (factor == null) {
            return c;
        }
        BigDecimal value = c.value().multiply(factor).setScale(4, java.math.RoundingMode.HALF_UP);
        return new Count(c.row(), value, rate.entity(), rate.entity() + "（" + plain(c.value()) + c.unit() + "）",
                c.lowerBound(), c.approximate());
    }

    /** Length of the longest run of characters both names share once the generic words are taken out. */
    static int sharedQualifier(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        String x = GENERIC_WORDS.matcher(a).replaceAll("|");
        String y = GENERIC_WORDS.matcher(b).replaceAll("|");
        int best = 0;
        int[] prev = new int[y.length() + 1];
        for (int i = 1; i <= x.length(); i++) {
            int[] cur = new int[y.length() + 1];
            for (int j = 1; j <= y.length(); j++) {
                if (x.charAt(i - 1) == y.charAt(j - 1) && x.charAt(i - 1) != '|') {
                    cur[j] = prev[j - 1] + 1;
                    best = Math.max(best, cur[j]);
                }
            }
            prev = cur;
        }
        return best;
    }

    /** Every amount of money the text prints, in 元, with the step of its last digit. */
    static List<Printed> amounts(String text) {
        List<Printed> list = new ArrayList<>();
        if (text == null) {
            return list;
        }
        Matcher m = PRINTED_AMOUNT.matcher(text);
        while (m.find()) {
            list.add(printed(m.group(0), m.group(1), m.group(2)));
        }
        return list;
    }

    /** The first number of a printed target (≤672万元 → 6720000, step 10000). */
    static Optional<Printed> firstNumber(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = PRINTED_NUMBER.matcher(text.replace(",", "").replace("，", ""));
        return m.find() ? Optional.of(printed(m.group(0), m.group(1), m.group(2) == null ? "元" : m.group(2))) : Optional.empty();
    }

    private static Printed printed(String text, String number, String unit) {
        BigDecimal v = new BigDecimal(number);
        BigDecimal multiplier = unit.startsWith("亿") ? BigDecimal.TEN.pow(8) : unit.startsWith("万") ? BigDecimal.TEN.pow(4)
                : BigDecimal.ONE;
        BigDecimal step = BigDecimal.ONE.movePointLeft(Math.max(v.scale(), 0)).multiply(multiplier);
        return new Printed(text.replaceAll("\\s", ""), v.multiply(multiplier), step.max(BigDecimal.ONE));
    }

    /**
     * How exactly the funding is known: 1 元, unless the overview prints the same sum rounded (共1402万元 for
     * 14,020,000 is exact to 10,000 元 only).
     */
    static BigDecimal precisionOfFunding(BigDecimal funding, String overview) {
        BigDecimal precision = BigDecimal.ONE;
        for (Printed p : amounts(overview)) {
            if (p.step().compareTo(BigDecimal.ONE) > 0 && p.value().subtract(funding).abs().multiply(BigDecimal.valueOf(2))
                    .compareTo(p.step()) <= 0) {
                precision = precision.max(p.step());
            }
        }
        return precision;
    }

    /** The one, two or three amounts of the overview that make up {@code rest} (提标年需资金111.6万元). */
    static Optional<List<Printed>> namedInOverview(String overview, BigDecimal rest, BigDecimal funding) {
        List<Printed> all = amounts(overview).stream()
                .filter(p -> p.value().signum() > 0 && p.value().compareTo(funding) < 0).toList();
        for (int i = 0; i < all.size(); i++) {
            if (close(rest, all.get(i))) {
                return Optional.of(List.of(all.get(i)));
            }
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (close(rest, all.get(i), all.get(j))) {
                    return Optional.of(List.of(all.get(i), all.get(j)));
                }
                for (int k = j + 1; k < all.size(); k++) {
                    if (close(rest, all.get(i), all.get(j), all.get(k))) {
                        return Optional.of(List.of(all.get(i), all.get(j), all.get(k)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean close(BigDecimal rest, Printed... parts) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal step = BigDecimal.ZERO;
        for (Printed p : parts) {
            sum = sum.add(p.value());
            step = step.add(p.step());
        }
        return sum.subtract(rest).abs().multiply(BigDecimal.valueOf(2)).compareTo(step) <= 0;
    }

    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
