package org.jixiao.project.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Violation;

/**
 * The rules of a monitoring report (绩效运行监控) and of the year-end self-evaluation (自评, the report of
 * period YYYY-12), checked against the project's budget year and the rows of its approved revision. Every
 * write must be well-formed ({@link #checkDraft}); a submission must also carry the executed amount and at
 * least one row ({@link #checkSubmission}). Every problem is reported at once, with a JSON Pointer.
 */
public final class MonitoringReportPolicy {
    private static final Pattern PERIOD = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern SPENT = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,2})?");
    private static final Pattern NEGATIVE = Pattern.compile("-[0-9]{1,15}(\\.[0-9]+)?");
    /** The pattern of MonitoringReported's schema: 0, 1, or a decimal between them. */
    private static final Pattern COMPLETION = Pattern.compile("0(\\.[0-9]{1,10})?|1(\\.0{1,10})?");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");
    /** A value that starts like a number is meant as one: it must be a plain decimal or a date. */
    private static final Pattern LOOKS_NUMERIC = Pattern.compile("[0-9+\\-.．０-９].*", Pattern.DOTALL);
    private static final int VALUE_TEXT = 2_000;
    private static final int LINE_TEXT = 2_000;
    private static final int LONG_TEXT = 20_000;

    private MonitoringReportPolicy() {
    }

    /** A period as it appears in a path: YYYY-MM, else 400 naming the parameter. */
    public static YearMonth period(String text) {
        if (text == null || !PERIOD.matcher(text).matches()) {
            throw DomainException.invalid("invalid-period", "Invalid period", "period " + text
                    + " is not a month written YYYY-MM, e.g. 2025-07", List.of(new Violation("period", "YYYY-MM, e.g. 2025-07")));
        }
        return YearMonth.parse(text);
    }

    /** What makes {@code in} unacceptable as a report of a project of {@code budgetYear} whose approved revision has {@code rows} rows. */
    public static List<Violation> checkDraft(MonitoringInput in, int budgetYear, int rows) {
        List<Violation> v = new ArrayList<>();
        YearMonth period = null;
        if (in.period() == null || in.period().isBlank()) {
            v.add(new Violation("/period", "监控期间 period is required (YYYY-MM, e.g. 2025-07)"));
        } else if (!PERIOD.matcher(in.period()).matches()) {
            v.add(new Violation("/period", "period must be a month written YYYY-MM, e.g. 2025-07"));
        } else if (YearMonth.parse(in.period()).getYear() != budgetYear) {
            v.add(new Violation("/period", "period must be a month of the project's budget year " + budgetYear));
        } else {
            period = YearMonth.parse(in.period());
        }
        checkAsOf(v, in.asOf(), period);
        if (period != null && in.finalReport() != null && in.finalReport() != isYearEnd(period)) {
            v.add(new Violation("/final", in.finalReport()
                    ? "only the report of period " + budgetYear + "-12 is the year-end self-evaluation (自评); a report of "
                            + period + " cannot be final"
                    : "the report of period " + period + " is the year-end self-evaluation (自评), one report per period:"
                            + " final must be true"));
        }
        boolean finalReport = in.finalReport() != null ? in.finalReport() : period != null && isYearEnd(period);
        String spent = blankToNull(in.spent());
        if (spent != null) {
            if (NEGATIVE.matcher(spent).matches()) {
                v.add(new Violation("/spent", "执行金额 spent must be 0 or more"));
            } else if (!SPENT.matcher(spent).matches()) {
                v.add(new Violation("/spent",
                        "执行金额 spent must be yuan as a decimal string with at most two decimals, e.g. \"3000000.00\""));
            }
        }
        maxLength(v, "/measures", in.measures(), LONG_TEXT);
        if (in.indicators() != null) {
            checkLines(v, in.indicators(), rows, finalReport);
        }
        return v;
    }

    /** {@link #checkDraft} and what a submission needs besides: the executed amount and at least one row. */
    public static List<Violation> checkSubmission(MonitoringInput in, int budgetYear, int rows) {
        List<Violation> v = checkDraft(in, budgetYear, rows);
        if (blankToNull(in.spent()) == null) {
            v.add(new Violation("/spent", "执行金额 spent is required to submit: 双监控 follows the budget as well as the targets"));
        }
        if (in.indicators() == null || in.indicators().isEmpty()) {
            v.add(new Violation("/indicators", "at least one indicator row is required to submit"));
        }
        return v;
    }

    /**
     * The accepted content of {@code in}; 400 {@code invalid-monitoring-report} listing every problem otherwise.
     * Blank optional texts are kept as absent; a missing {@code asOf} is the last day of the period.
     */
    public static MonitoringContent accept(MonitoringInput in, int budgetYear, int rows) {
        return content(in, checkDraft(in, budgetYear, rows));
    }

    /** As {@link #accept}, for a submission. */
    public static MonitoringContent acceptForSubmission(MonitoringInput in, int budgetYear, int rows) {
        return content(in, checkSubmission(in, budgetYear, rows));
    }

    private static MonitoringContent content(MonitoringInput in, List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw DomainException.invalid("invalid-monitoring-report", "Invalid monitoring report",
                    violations.size() + " problem(s): " + violations.stream().map(x -> x.pointer() + " " + x.message())
                            .reduce((a, b) -> a + "; " + b).orElse(""),
                    violations);
        }
        YearMonth period = YearMonth.parse(in.period());
        LocalDate asOf = blankToNull(in.asOf()) == null ? period.atEndOfMonth() : LocalDate.parse(in.asOf());
        String spent = blankToNull(in.spent());
        List<ReportLine> lines = in.indicators() == null ? List.of() : in.indicators().stream()
                .map(l -> new ReportLine(l.index(), blankToNull(l.actual()), blankToNull(l.forecast()), l.likelihood(),
                        l.deviationCause(), blankToNull(l.note()), blankToNull(l.completion()),
                        blankToNull(l.justification())))
                .toList();
        return new MonitoringContent(period, asOf, spent == null ? null : new BigDecimal(spent).setScale(2),
                in.finalReport() != null ? in.finalReport() : isYearEnd(period), lines, blankToNull(in.measures()));
    }

    /** Accepted content as input again, to check a saved draft once more when it is submitted. */
    public static MonitoringInput asInput(MonitoringContent c) {
        return new MonitoringInput(c.period().toString(), c.asOf() == null ? null : c.asOf().toString(),
                c.spent() == null ? null : c.spent().toPlainString(), c.finalReport(),
                c.lines().stream().map(l -> new MonitoringInput.Line(l.index(), l.actual(), l.forecast(), l.likelihood(),
                        l.deviationCause(), l.note(), l.completion(), l.justification())).toList(),
                c.measures());
    }

    /** The year-end self-evaluation (自评) is the report of December. */
    public static boolean isYearEnd(YearMonth period) {
        return period.getMonthValue() == 12;
    }

    private static void checkAsOf(List<Violation> v, String text, YearMonth period) {
        String asOf = blankToNull(text);
        if (asOf == null) {
            return;
        }
        LocalDate date = null;
        if (DATE.matcher(asOf).matches()) {
            try {
                date = LocalDate.parse(asOf);
            } catch (DateTimeParseException e) {
                date = null;
            }
        }
        if (date == null) {
            v.add(new Violation("/asOf", "截止日期 asOf must be a date written YYYY-MM-DD, e.g. 2025-07-31"));
        } else if (period != null && (date.isBefore(period.atDay(1)) || date.isAfter(period.atEndOfMonth()))) {
            v.add(new Violation("/asOf", "截止日期 asOf must be a day of the period " + period + " (" + period.atDay(1)
                    + " to " + period.atEndOfMonth() + ")"));
        }
    }

    private static void checkLines(List<Violation> v, List<MonitoringInput.Line> lines, int rows, boolean finalReport) {
        Map<Integer, Integer> seen = new HashMap<>();
        for (int k = 0; k < lines.size(); k++) {
            MonitoringInput.Line l = lines.get(k);
            String at = "/indicators/" + k;
            if (l == null) {
                v.add(new Violation(at, "an indicator row must be an object"));
                continue;
            }
            if (l.index() == null) {
                v.add(new Violation(at + "/index", "index (the indicator row of the approved revision) is required"));
            } else if (l.index() < 0 || l.index() >= rows) {
                v.add(new Violation(at + "/index", "the approved revision has no indicator row " + l.index()
                        + " (its rows are 0 to " + (rows - 1) + ")"));
            } else {
                Integer first = seen.putIfAbsent(l.index(), k);
                if (first != null) {
                    v.add(new Violation(at + "/index", "row " + l.index() + " is already reported at /indicators/" + first));
                }
            }
            checkValue(v, at + "/actual", l.actual(), "执行情况 actual");
            checkValue(v, at + "/forecast", l.forecast(), "全年预计 forecast");
            maxLength(v, at + "/note", l.note(), LINE_TEXT);
            maxLength(v, at + "/justification", l.justification(), LINE_TEXT);
            String completion = blankToNull(l.completion());
            boolean justified = blankToNull(l.justification()) != null;
            if (completion != null) {
                if (!finalReport) {
                    v.add(new Violation(at + "/completion",
                            "完成度 completion belongs to the year-end self-evaluation (final report of period YYYY-12) only"));
                } else if (!COMPLETION.matcher(completion).matches()) {
                    v.add(new Violation(at + "/completion", "完成度 completion must be a decimal from 0 to 1, e.g. \"0.8\""));
                }
                if (!justified) {
                    v.add(new Violation(at + "/justification",
                            "a completion needs its justification (理由): the reviewer reads it in place of a measurement"));
                }
            } else if (justified) {
                v.add(new Violation(at + "/justification", "justification explains a completion; give the completion too"));
            }
        }
    }

    /**
     * A figure stays as written (indicator-service reads it against the target), but what starts like a number
     * must be one: a plain decimal in the target's unit (6000, not 6,000 or 6000人) or a date YYYY-MM-DD.
     * Anything else is the text of a qualitative row.
     */
    private static void checkValue(List<Violation> v, String pointer, String text, String label) {
        String value = blankToNull(text);
        if (value == null) {
            return;
        }
        if (value.codePointCount(0, value.length()) > VALUE_TEXT) {
            v.add(new Violation(pointer, "at most " + VALUE_TEXT + " characters"));
        } else if (LOOKS_NUMERIC.matcher(value).matches() && !DECIMAL.matcher(value).matches() && !isDate(value)) {
            v.add(new Violation(pointer, label + " must be a plain decimal in the target's unit (e.g. 6000, without"
                    + " separators or unit), a date YYYY-MM-DD for a deadline row, or a text for a qualitative row"));
        }
    }

    private static boolean isDate(String value) {
        if (!DATE.matcher(value).matches()) {
            return false;
        }
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void maxLength(List<Violation> v, String pointer, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            v.add(new Violation(pointer, "at most " + max + " characters"));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
