package org.jixiao.indicator.domain.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jixiao.indicator.domain.target.TargetMeaning.Direction;
import org.jixiao.indicator.domain.target.TargetMeaning.Frequency;
import org.jixiao.indicator.domain.target.TargetMeaning.Operator;
import org.jixiao.indicator.domain.target.TargetMeaning.Period;
import org.jixiao.indicator.domain.target.TargetMeaning.Quantity;
import org.jixiao.indicator.domain.target.TargetMeaning.RelativeTo;
import org.jixiao.indicator.domain.target.TargetMeaning.Tier;

/**
 * Reads a printed 指标值 — {@code ≥62所}, {@code 720元/生/年}, {@code 每人每年600元}, {@code 5元至22元},
 * {@code 2025年6月底前}, {@code 每月10日前}, {@code 不断提高} — into a {@link TargetMeaning}. Total: any
 * text it cannot read is DESCRIPTIVE, never an error. Grammar, tried in this order on the normalized text:
 *
 * <pre>
 * qualitative := modifier* verb | maintain increase | grade   (提高, 巩固提高, 优良, …)
 * relative    := reference? verb number unit | bound reference (较上年增长10%, 不低于上年, 控制在预算内)
 * time        := deadline | period | frequency | timely | 长期
 * tiered      := tier (('、' | ',' | ';' | '(n)') tier)+     (200元补贴35元、…; 60至64周岁191元、…)
 * quantity    := op? rate? label? number multiplier? unit? (rangeSep number multiplier? unit?)? suffix?
 * list        := quantity (('、' | ',' | ';') quantity)+
 * </pre>
 */
public final class TargetParser {
    static final int MAX_LENGTH = 400;

    private static final Set<String> INCREASE = Set.of("提高", "提升", "改善", "增加", "增强", "加强", "扩大", "完善", "拓宽",
            "推动", "促进", "优化", "增长", "上升", "好转", "成效明显", "效果明显", "有所提高", "有所提升", "显著");
    private static final Set<String> DECREASE = Set.of("降低", "减轻", "缩小", "减少", "下降", "缓解", "遏制", "压减", "控制");
    private static final Set<String> MAINTAIN = Set.of("保障", "维持", "稳定", "维护", "保持", "巩固", "持续", "不降低", "确保",
            "保持稳定", "总体稳定", "基本稳定", "保持不变");
    private static final String[] MODIFIERS = {"进一步", "不断", "明显", "显著", "持续", "有效", "逐步", "稳步", "大幅", "全面",
            "切实", "有力", "较大", "逐年", "大力", "基本", "得到", "有所"};
    private static final String[] RANGE_SEPARATORS = {"至", "到", "~", "-"};
    private static final String SEPARATORS = "、,;";
    /** Time segments of a rate go last: 元/月/人 and 元/人/月 are one unit, written 元/人/月. */
    static final Set<String> TIME_SEGMENTS = Set.of("年", "月", "季度", "季", "天", "日", "周", "学期");
    private static final Set<String> GRADES = Set.of("优秀", "优良", "良好", "合格", "达标", "优", "良");

    // Table-driven relative forms: a reference, a verb of change, a figure.
    private static final Pattern RELATIVE_CHANGE = Pattern.compile(
            "^(较上年度?|比上年度?|较去年|比去年|同比|较基期|比基期|较基线|较基准年?)?(提高|提升|增长|增加|上升|降低|下降|减少|压减|缩小)了?"
                    + "(\\d+(?:\\.\\d+)?)(%|个百分点|‰)(以上)?$");
    private static final Pattern RELATIVE_BOUND = Pattern.compile(
            "^(不低于|不少于|高于|不高于|不超过|低于|与)(上年度?|去年|上一年度?|基期|基线)(同期)?(水平|数)?(持平)?$");
    private static final Pattern BUDGET_BOUND = Pattern.compile(
            "^(?:(?:在|控制在)?(?:项目)?(?:年度)?预算(?:资金|金额)?(?:范围)?(?:以内|之内|内)"
                    + "|(?:不超|不超过|不突破|不高于|未超)(?:项目)?(?:年度)?预算(?:资金|金额)?(?:范围)?)$");
    // 基础养老金的12个月: a multiple of an amount the text names, as precise as a number
    private static final Pattern MULTIPLE_OF = Pattern.compile("^(\\p{IsHan}{2,12})的(\\d+(?:\\.\\d+)?)(个月|倍|%)$");
    private static final Map<String, Operator> BOUND_WORDS = Map.of("不低于", Operator.GE, "不少于", Operator.GE,
            "高于", Operator.GT, "不高于", Operator.LE, "不超过", Operator.LE, "低于", Operator.LT, "与", Operator.EQ);
    // 200元补贴35元, 缴200元补70元: a payment level and the subsidy it earns
    private static final Pattern TIER_PAID = Pattern.compile(
            "^(?:缴费?|缴纳)?(\\d+(?:\\.\\d+)?)(万元|元)(?:档次?)?(?:的)?(?:补贴|补助|奖励|补|奖)(\\d+(?:\\.\\d+)?)(万元|元)$");
    // 60至64周岁191元, 65周岁以上201元: an age (or other) band and its amount
    private static final Pattern TIER_BAND = Pattern.compile(
            "^(\\d+(?:\\.\\d+)?)(?:(?:至|到|-|~)(\\d+(?:\\.\\d+)?))?(周岁|岁|年|个月|级|人|户|元|平方米|㎡|亩)"
                    + "(及以上|以上|及以下|以下|以内)?(?:的)?(?:补贴|补助|补|发放|为)?(\\d+(?:\\.\\d+)?)(万元|元)((?:/[^\\d/]{1,4}){0,2})$");
    private static final Pattern NUMBERING = Pattern.compile("\\(\\d{1,2}\\)|\\d{1,2}[.、](?=\\D)");

    public TargetMeaning parse(String text) {
        return parse(text, null);
    }

    /** @param budgetYear resolves periods printed without a year (全年, 第三季度); may be null */
    public TargetMeaning parse(String text, Integer budgetYear) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return TargetMeaning.descriptive(text);
        }
        try {
            String s = TargetText.normalize(text);
            if (s.isEmpty()) {
                return TargetMeaning.descriptive(text);
            }
            TargetMeaning m = qualitative(text, s);
            if (m == null) {
                m = relative(text, s);
            }
            if (m == null) {
                m = time(text, s, budgetYear);
            }
            if (m == null) {
                m = tiered(text, s);
            }
            if (m == null) {
                m = quantities(text, s);
            }
            return m != null ? m : TargetMeaning.descriptive(text);
        } catch (RuntimeException unexpected) {
            // Totality over precision: a reading the grammar did not foresee is free text.
            return TargetMeaning.descriptive(text);
        }
    }

    // ---- qualitative ------------------------------------------------------------------------------

    private TargetMeaning qualitative(String text, String s) {
        String core = s;
        boolean stripped;
        do {
            stripped = false;
            for (String m : MODIFIERS) {
                if (core.startsWith(m) && core.length() > m.length()) {
                    core = core.substring(m.length());
                    stripped = true;
                }
            }
        } while (stripped);
        for (String tail : new String[] {"了", "中"}) {
            if (core.endsWith(tail) && core.length() > tail.length()) {
                core = core.substring(0, core.length() - tail.length());
            }
        }
        String grade = core.replaceFirst("^(达到|评定为|评为|验收)", "").replaceFirst("(等次|等级|以上)$", "");
        if (GRADES.contains(grade)) {
            return TargetMeaning.graded(text, grade);
        }
        // 巩固提高: keeping what was reached is the floor, the target is the movement after it
        for (String keep : MAINTAIN) {
            if (core.startsWith(keep) && core.length() > keep.length()) {
                String after = core.substring(keep.length()).replaceFirst("^(并|和|与|及)", "");
                if (INCREASE.contains(after)) {
                    return TargetMeaning.qualitative(text, Direction.INCREASE);
                }
                if (DECREASE.contains(after)) {
                    return TargetMeaning.qualitative(text, Direction.DECREASE);
                }
            }
        }
        if (INCREASE.contains(core) || INCREASE.contains(s)) {
            return TargetMeaning.qualitative(text, Direction.INCREASE);
        }
        if (DECREASE.contains(core)) {
            return TargetMeaning.qualitative(text, Direction.DECREASE);
        }
        if (MAINTAIN.contains(core)) {
            return TargetMeaning.qualitative(text, Direction.MAINTAIN);
        }
        return null;
    }

    // ---- relative ---------------------------------------------------------------------------------

    /** 较上年增长10%, 提高5个百分点, 不低于上年, 控制在预算内. */
    private TargetMeaning relative(String text, String s) {
        if (BUDGET_BOUND.matcher(s).matches()) {
            return TargetMeaning.relative(text, Operator.LE, null, null, null, RelativeTo.BUDGET);
        }
        Matcher change = RELATIVE_CHANGE.matcher(s);
        if (change.matches()) {
            String ref = change.group(1);
            RelativeTo to = ref == null ? RelativeTo.BASELINE
                    : ref.contains("上年") || ref.contains("去年") || ref.equals("同比") ? RelativeTo.PREVIOUS_YEAR : RelativeTo.BASELINE;
            boolean down = Set.of("降低", "下降", "减少", "压减", "缩小").contains(change.group(2));
            String unit = change.group(4).equals("个百分点") ? "百分点" : change.group(4);
            return TargetMeaning.relative(text, Operator.GE, plain(new BigDecimal(change.group(3))), unit,
                    down ? Direction.DECREASE : Direction.INCREASE, to);
        }
        Matcher multiple = MULTIPLE_OF.matcher(s);
        if (multiple.matches()) {
            return TargetMeaning.relative(text, Operator.EQ, plain(new BigDecimal(multiple.group(2))), multiple.group(3), null,
                    RelativeTo.BASELINE);
        }
        Matcher bound = RELATIVE_BOUND.matcher(s);
        if (bound.matches() && (!bound.group(1).equals("与") || bound.group(5) != null)) {
            String ref = bound.group(2);
            RelativeTo to = ref.startsWith("基") ? RelativeTo.BASELINE : RelativeTo.PREVIOUS_YEAR;
            Operator op = BOUND_WORDS.get(bound.group(1));
            Direction d = switch (op) {
                case GE, GT -> Direction.INCREASE;
                case LE, LT -> Direction.DECREASE;
                default -> Direction.MAINTAIN;
            };
            return TargetMeaning.relative(text, op, null, null, d, to);
        }
        return null;
    }

    // ---- tiered -----------------------------------------------------------------------------------

    /** Several standards, each for its own condition (a threshold, a band or a named group). */
    private TargetMeaning tiered(String text, String s) {
        String marked = NUMBERING.matcher(s).replaceAll("、");
        List<String> parts = split(marked);
        if (parts.size() < 2) {
            return null;
        }
        List<Tier> tiers = new ArrayList<>();
        for (String part : parts) {
            Tier t = tier(part);
            if (t == null) {
                return null;
            }
            tiers.add(t);
        }
        // 城市740元、农村610元 is tiered by category alone; every tier then carries its label
        return TargetMeaning.tiered(text, tiers);
    }

    private static Tier tier(String printed) {
        String label = null;
        String s = printed;
        int colon = s.indexOf(':');
        if (colon > 0 && colon < s.length() - 1) {
            label = s.substring(0, colon);
            s = s.substring(colon + 1);
        }
        Matcher paid = TIER_PAID.matcher(s);
        if (paid.matches()) {
            return new Tier(label == null ? printed : label + ":" + s, Operator.EQ, yuan(paid.group(1), paid.group(2)), null,
                    "元", yuan(paid.group(3), paid.group(4)), "元");
        }
        Matcher band = TIER_BAND.matcher(s);
        if (band.matches()) {
            String suffix = band.group(4);
            Operator op = band.group(2) != null ? Operator.RANGE
                    : suffix == null ? Operator.EQ : suffix.endsWith("以上") ? Operator.GE : Operator.LE;
            if (op == Operator.RANGE && suffix != null) {
                return null;
            }
            String unit = "元" + (band.group(7) == null ? "" : band.group(7));
            return new Tier(label == null ? printed : label + ":" + s, op, plain(new BigDecimal(band.group(1))),
                    band.group(2) == null ? null : plain(new BigDecimal(band.group(2))), band.group(3),
                    yuan(band.group(5), band.group(6)), canonicalUnit(unit));
        }
        // 低保重残人员每人每年100元: a named group and its standard
        for (int i = 1; i < s.length() && i <= 16; i++) {
            char ch = s.charAt(i - 1);
            if (Character.isDigit(ch) || Character.UnicodeScript.of(ch) != Character.UnicodeScript.HAN) {
                return null;
            }
            if (s.startsWith("每", i) || s.startsWith("人均", i) || Character.isDigit(s.charAt(i))) {
                Quantity q = quantity(s.substring(i));
                if (q != null && q.operator() == Operator.EQ && q.unit() != null && q.unit().startsWith("元")) {
                    return new Tier(label == null ? s.substring(0, i) : label + ":" + s.substring(0, i), null, null, null,
                            null, q.value(), q.unit());
                }
            }
        }
        return null;
    }

    private static String yuan(String number, String unit) {
        BigDecimal v = new BigDecimal(number);
        return plain(unit.startsWith("万") ? v.multiply(BigDecimal.TEN.pow(4)) : v);
    }

    // ---- time -------------------------------------------------------------------------------------

    private TargetMeaning time(String text, String s, Integer budgetYear) {
        Cursor c = new Cursor(s);
        TargetMeaning m = timely(text, c);
        if (m == null) {
            c.reset(0);
            m = deadlineOrPeriod(text, c, budgetYear);
        }
        if (m == null) {
            c.reset(0);
            m = frequency(text, c);
        }
        if (m == null) {
            c.reset(0);
            m = namedPeriod(text, c, budgetYear);
        }
        return m;
    }

    private TargetMeaning timely(String text, Cursor c) {
        if (c.take("长期", "常年", "长期有效") != null) {
            // an ongoing duty: no deadline to check, but a time target all the same
            return trailingWords(c, 4) ? TargetMeaning.time(text, null, null, null, null, new Period("LONG_TERM", null, null), null)
                    : null;
        }
        if (c.take("及时", "按时", "准时") == null) {
            return null;
        }
        String rest = c.rest();
        return rest.length() <= 8 && rest.chars().noneMatch(Character::isDigit)
                ? TargetMeaning.time(text, null, null, null, null, null, true) : null;
    }

    /** 2025年6月底前, 2025年4月份前完成发放, 2025年6月30日前, 2025年底前, 2023.07-2024.01, 2025年3月至2025年6月. */
    private TargetMeaning deadlineOrPeriod(String text, Cursor c, Integer budgetYear) {
        c.take("截至", "截止", "于", "在");
        if (budgetYear != null && c.take("年底", "年末", "年度末", "年终") != null) {
            c.take("前", "之前", "以前");
            return trailingWords(c) ? TargetMeaning.time(text, LocalDate.of(budgetYear, 12, 31), null, null, null, null, null) : null;
        }
        YearMonthDay start = date(c, budgetYear);
        if (start == null) {
            return null;
        }
        int mark = c.mark();
        if (c.take("至", "到", "-", "~") != null) {
            YearMonthDay end = date(c, start.year());
            if (end != null && trailingWords(c)) {
                return TargetMeaning.time(text, null, null, null, null,
                        new Period("RANGE", start.first(), end.last()), null);
            }
            c.reset(mark);
        }
        if (c.atEnd() && start.day() == null) {
            // 2025年2月: within that month (or year)
            return TargetMeaning.time(text, null, null, null, null,
                    new Period(start.month() == null ? "YEAR" : "MONTH", start.first(), start.last()), null);
        }
        boolean endOfPeriod = c.take("底", "末") != null;
        // 12月底到位: the end of a month is a deadline with or without 前
        if (c.take("前", "之前", "以前") == null && !(endOfPeriod && trailingWords(c, 4))) {
            return null;
        }
        if (!trailingWords(c)) {
            return null;
        }
        return TargetMeaning.time(text, start.last(), null, null, null, null, null);
    }

    /** Verb phrases after a date (完成, 完成发放, 全部到位): CJK text only, short. */
    private static boolean trailingWords(Cursor c) {
        return trailingWords(c, 10);
    }

    private static boolean trailingWords(Cursor c, int max) {
        String rest = c.rest();
        return rest.length() <= max && rest.chars().allMatch(ch -> Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN);
    }

    private record YearMonthDay(int year, Integer month, Integer day) {
        LocalDate first() {
            return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
        }

        LocalDate last() {
            if (month == null) {
                return LocalDate.of(year, 12, 31);
            }
            return day == null ? YearMonth.of(year, month).atEndOfMonth() : LocalDate.of(year, month, day);
        }
    }

    /** 2025年6月(份)(30日), 2025年(底), 2025.07(.15), 2025-07-15; a month alone only with a budget year. */
    private static YearMonthDay date(Cursor c, Integer defaultYear) {
        int mark = c.mark();
        BigDecimal first = c.number();
        if (first == null) {
            return null;
        }
        String digits = first.toPlainString();
        if (digits.contains(".") && digits.length() >= 6 && digits.indexOf('.') == 4) {
            // 2023.07 (read as one decimal) and 2023.07.15
            int year = Integer.parseInt(digits.substring(0, 4));
            int month = Integer.parseInt(digits.substring(5));
            Integer day = null;
            if (c.peek() == '.') {
                c.take(".");
                BigDecimal d = c.number();
                day = d == null ? null : d.intValue();
            }
            return valid(year, month, day) ? new YearMonthDay(year, month, day) : reset(c, mark);
        }
        if (digits.length() == 4 && !digits.contains(".") && c.take("年", "-", "/") != null) {
            int year = Integer.parseInt(digits);
            int afterYear = c.mark();
            BigDecimal m = c.number();
            if (m == null) {
                c.reset(afterYear);
                return year >= 2000 && year <= 2100 ? new YearMonthDay(year, null, null) : reset(c, mark);
            }
            int month = m.intValue();
            c.take("月份", "月", "-", "/");
            Integer day = null;
            int afterMonth = c.mark();
            BigDecimal d = c.number();
            if (d != null) {
                day = d.intValue();
                c.take("日", "号");
            } else {
                c.reset(afterMonth);
            }
            return valid(year, month, day) ? new YearMonthDay(year, month, day) : reset(c, mark);
        }
        if (defaultYear != null && !digits.contains(".") && c.take("月份", "月") != null) {
            int month = first.intValue();
            return valid(defaultYear, month, null) ? new YearMonthDay(defaultYear, month, null) : reset(c, mark);
        }
        return reset(c, mark);
    }

    private static boolean valid(int year, int month, Integer day) {
        if (year < 1990 || year > 2100 || month < 1 || month > 12) {
            return false;
        }
        return day == null || (day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth());
    }

    private static YearMonthDay reset(Cursor c, int mark) {
        c.reset(mark);
        return null;
    }

    /** 每月, 每季度(支付一次), 每年4月、10月, 每月10日前, 按月, 春秋两季. */
    private TargetMeaning frequency(String text, Cursor c) {
        if (c.take("春秋两季", "春秋季", "每学期", "每半年", "半年") != null) {
            return TargetMeaning.time(text, null, Frequency.SEMIANNUAL, null, null, null, null);
        }
        String unit = c.take("每天", "每日", "按日", "逐日", "每周", "按周", "每月", "按月", "逐月", "每季度", "每季", "按季度",
                "按季", "每年", "按年", "逐年");
        if (unit == null) {
            return null;
        }
        Frequency f = switch (unit.substring(1)) {
            case "天", "日" -> Frequency.DAILY;
            case "周" -> Frequency.WEEKLY;
            case "月" -> Frequency.MONTHLY;
            case "季度", "季" -> Frequency.QUARTERLY;
            default -> Frequency.YEARLY;
        };
        List<Integer> months = null;
        Integer day = null;
        if (f == Frequency.YEARLY && c.peekDigit()) {
            months = new ArrayList<>();
            do {
                Integer m = c.smallInteger();
                if (m == null || m < 1 || m > 12 || c.take("月份", "月") == null) {
                    return null;
                }
                months.add(m);
            } while (c.take("、", ",", "和", "及") != null);
        } else if (f == Frequency.MONTHLY && c.peekDigit()) {
            Integer d = c.smallInteger();
            if (d == null || d < 1 || d > 31 || c.take("日", "号") == null) {
                return null;
            }
            day = d;
            c.take("前", "之前");
        }
        String rest = c.rest();
        // 每月100元 is an amount per month, not a schedule: leave it to the quantity grammar.
        if (rest.chars().anyMatch(Character::isDigit) || rest.length() > 10) {
            return null;
        }
        return TargetMeaning.time(text, null, f, months, day, null, null);
    }

    /** 全年, 第三季度, 二季度, 上半年: spans of the budget year. */
    private TargetMeaning namedPeriod(String text, Cursor c, Integer year) {
        String name;
        int fromMonth;
        int toMonth;
        if (c.take("全年度", "全年", "年度内", "本年度", "年内") != null) {
            name = "YEAR";
            fromMonth = 1;
            toMonth = 12;
        } else if (c.take("上半年") != null) {
            name = "H1";
            fromMonth = 1;
            toMonth = 6;
        } else if (c.take("下半年") != null) {
            name = "H2";
            fromMonth = 7;
            toMonth = 12;
        } else {
            c.take("第");
            Integer q = c.smallInteger();
            if (q == null || q < 1 || q > 4 || c.take("季度", "季") == null) {
                return null;
            }
            name = "Q" + q;
            fromMonth = 3 * q - 2;
            toMonth = 3 * q;
        }
        // 全年完成 is a target; 全年开展零星维修次数 is an indicator's name
        if (!trailingWords(c, 4)) {
            return null;
        }
        Period p = year == null ? new Period(name, null, null)
                : new Period(name, LocalDate.of(year, fromMonth, 1), YearMonth.of(year, toMonth).atEndOfMonth());
        return TargetMeaning.time(text, null, null, null, null, p, null);
    }

    // ---- quantities -------------------------------------------------------------------------------

    private TargetMeaning quantities(String text, String s) {
        List<String> parts = split(s);
        if (parts.size() == 1) {
            Quantity q = quantity(s);
            return q == null ? null : TargetMeaning.quantity(text, q);
        }
        List<Quantity> list = new ArrayList<>();
        for (String part : parts) {
            Quantity q = quantity(part);
            if (q == null) {
                return null;
            }
            if (!list.isEmpty()) {
                q = inheritUnit(q, list.get(list.size() - 1).unit());
            }
            list.add(q);
        }
        return TargetMeaning.quantities(text, list);
    }

    /** 990元/人/月、1980/人/月: a value printed without the numerator unit takes the one before. */
    private static Quantity inheritUnit(Quantity q, String previous) {
        if (previous == null) {
            return q;
        }
        String unit = q.unit();
        String numerator = previous.contains("/") ? previous.substring(0, previous.indexOf('/')) : previous;
        if (unit == null) {
            unit = previous;
        } else if (unit.startsWith("/") && !numerator.isEmpty()) {
            unit = numerator + unit;
        } else {
            return q;
        }
        return new Quantity(q.operator(), q.value(), q.upperValue(), unit);
    }

    private static List<String> split(String s) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (SEPARATORS.indexOf(s.charAt(i)) >= 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        parts.removeIf(String::isEmpty);
        return parts.isEmpty() ? List.of(s) : parts;
    }

    /** One quantity, or null when the text is more than one. */
    static Quantity quantity(String s) {
        Cursor c = new Cursor(s);
        Operator op = operator(c);
        List<String> per = rate(c);
        if (!per.isEmpty() && !c.peekDigit()) {
            String label = c.textUntil(SEPARATORS);
            if (label.length() > 6 || !c.peekDigit()) {
                return null;
            }
        }
        Amount low = amount(c);
        if (low == null) {
            return null;
        }
        Amount high = null;
        int beforeRange = c.mark();
        if (c.take(RANGE_SEPARATORS) != null) {
            high = amount(c);
            if (high == null) {
                c.reset(beforeRange);
            }
        }
        String suffix = c.take("及以上", "以上", "及以下", "以下", "以内", "左右", "(含)");
        if (!c.atEnd()) {
            return null;
        }
        if (op == Operator.WITHIN && suffix != null && !"以内".equals(suffix)) {
            return null;
        }
        if (op == null && suffix != null) {
            op = switch (suffix) {
                case "及以上", "以上" -> Operator.GE;
                case "及以下", "以下", "以内" -> Operator.LE;
                case "左右" -> Operator.APPROX;
                default -> Operator.EQ;
            };
        }
        String unit = low.unit() != null ? low.unit() : high == null ? null : high.unit();
        if (high != null) {
            if (op != null && op != Operator.EQ) {
                return null;
            }
            if (low.unit() != null && high.unit() != null && !low.unit().equals(high.unit())) {
                return null;
            }
            unit = withRate(unit, per);
            // 1~3万元: the lower bound, printed bare, shares the upper bound's 万
            BigDecimal lowValue = low.unit() == null && low.multiplier().equals(BigDecimal.ONE)
                    ? low.value().multiply(high.multiplier()) : low.value();
            return new Quantity(Operator.RANGE, plain(lowValue), plain(high.value()), canonicalUnit(unit));
        }
        return new Quantity(op == null ? Operator.EQ : op, plain(low.value()), null, canonicalUnit(withRate(unit, per)));
    }

    private static Operator operator(Cursor c) {
        String op = c.take("≥", "≤", ">", "<", "=", "±", "+-", "≈", "大约", "约为", "约", "不低于", "不少于", "不小于", "至少",
                "不高于", "不超过", "不多于", "不大于", "最多", "控制在", "大于", "高于", "多于", "超过", "小于", "低于", "少于", "达到");
        if (op == null) {
            return null;
        }
        return switch (op) {
            case "≥", "不低于", "不少于", "不小于", "至少", "达到" -> Operator.GE;
            case "≤", "不高于", "不超过", "不多于", "不大于", "最多", "控制在" -> Operator.LE;
            case ">", "大于", "高于", "多于", "超过" -> Operator.GT;
            case "<", "小于", "低于", "少于" -> Operator.LT;
            case "±", "+-" -> Operator.WITHIN;
            case "=" -> Operator.EQ;
            default -> Operator.APPROX;
        };
    }

    /** 每人每年 → [人, 年]; 人均 → [人]; 生均每年 → [生, 年]. */
    private static List<String> rate(Cursor c) {
        List<String> per = new ArrayList<>();
        while (true) {
            String avg = c.take("人均", "生均", "户均", "年均", "月均", "日均", "次均");
            if (avg != null) {
                per.add(avg.substring(0, 1));
                continue;
            }
            int mark = c.mark();
            if (c.skip("每")) {
                String unit = c.take("季度", "学期", "人次", "平方米", "人", "年", "月", "日", "天", "户", "生", "周", "次", "个",
                        "所", "床", "辆", "亩", "吨", "件", "家", "名");
                if (unit != null) {
                    per.add(unit);
                    continue;
                }
                c.reset(mark);
            }
            return per;
        }
    }

    /** {@code multiplier} is 1 unless 万, 亿, … was printed. */
    private record Amount(BigDecimal value, BigDecimal multiplier, String unit) {
    }

    /** number, multiplier (万, 亿, 千, 百万, 千万) and unit path (元/生/年, %, 人次, 万吨 → 吨 ×10⁴). */
    private static Amount amount(Cursor c) {
        BigDecimal n = c.number();
        if (n == null) {
            return null;
        }
        int mark = c.mark();
        String mult = c.take("千万", "百万", "亿", "万", "千");
        if ("千".equals(mult) && c.take("克", "米", "瓦", "卡", "字") != null) {
            c.reset(mark);
            mult = null;
        }
        BigDecimal factor = mult == null ? BigDecimal.ONE : switch (mult) {
            case "千万" -> BigDecimal.TEN.pow(7);
            case "百万" -> BigDecimal.TEN.pow(6);
            case "亿" -> BigDecimal.TEN.pow(8);
            case "万" -> BigDecimal.TEN.pow(4);
            default -> BigDecimal.TEN.pow(3);
        };
        String unit = unit(c);
        if (unit == null) {
            return null;
        }
        return new Amount(n.multiply(factor), factor, unit.isEmpty() ? null : unit);
    }

    /** The unit after a number, up to a range separator, a suffix or the end; null if it is not a unit. */
    private static String unit(Cursor c) {
        StringBuilder u = new StringBuilder();
        while (!c.atEnd()) {
            char ch = c.peek();
            String rest = c.rest();
            if (Character.isDigit(ch) || SEPARATORS.indexOf(ch) >= 0 || ch == '~' || ch == '至' || ch == '到'
                    || (ch == '-' && rest.length() > 1 && Character.isDigit(rest.charAt(1)))
                    || rest.startsWith("以上") || rest.startsWith("以下") || rest.startsWith("以内") || rest.startsWith("左右")
                    || rest.startsWith("及以") || rest.startsWith("(含)")) {
                break;
            }
            u.append(ch);
            c.take(String.valueOf(ch));
        }
        String unit = u.toString();
        if (unit.length() > 12 || unit.contains("的") || unit.contains("为") || unit.contains("按")) {
            return null;
        }
        for (String segment : unit.split("/")) {
            // 元/人/服役年限 has words of four characters at most; 2020年首次入规工业 is a label, not a unit
            if (segment.length() > 4) {
                return null;
            }
        }
        for (int i = 0; i < unit.length(); i++) {
            char ch = unit.charAt(i);
            boolean ok = Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN || Character.isLetter(ch)
                    || "%/‰²³㎡㎥°".indexOf(ch) >= 0;
            if (!ok) {
                return null;
            }
        }
        return unit;
    }

    /**
     * One spelling per unit: time segments last (元/月/人 → 元/人/月), and a rate printed without its
     * currency (1188/人/月) is in 元 — nothing else is paid per person per month.
     */
    static String canonicalUnit(String unit) {
        if (unit == null || !unit.contains("/")) {
            return unit;
        }
        String[] parts = unit.split("/", -1);
        List<String> entities = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            (TIME_SEGMENTS.contains(parts[i]) ? times : entities).add(parts[i]);
        }
        String numerator = parts[0];
        if (numerator.isEmpty() && entities.size() == 1 && times.size() == 1) {
            numerator = "元";
        }
        List<String> ordered = new ArrayList<>(entities);
        ordered.addAll(times);
        return numerator + "/" + String.join("/", ordered);
    }

    private static String withRate(String unit, List<String> per) {
        if (per.isEmpty()) {
            return unit;
        }
        return (unit == null ? "" : unit) + "/" + String.join("/", per);
    }

    private static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }
}
