package org.jixiao.indicator.domain.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Violation;
import org.jixiao.indicator.domain.monitoring.Assessment.Budget;
import org.jixiao.indicator.domain.monitoring.Assessment.RowStatus;
import org.jixiao.indicator.domain.monitoring.Assessment.Status;
import org.jixiao.indicator.domain.monitoring.MonitoringReport.Line;
import org.jixiao.indicator.domain.target.Attainment;
import org.jixiao.indicator.domain.target.TargetMeaning;
import org.jixiao.indicator.domain.target.TargetMeaning.Kind;
import org.jixiao.indicator.domain.target.TargetParser;

/**
 * 双监控: each row's full-year forecast against its target, honouring the operator; deadlines against
 * the report's date; qualitative rows by the stated likelihood; and budget execution against the share
 * of the year elapsed.
 */
public final class Assessor {
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private final TargetParser parser;

    public Assessor(TargetParser parser) {
        this.parser = parser;
    }

    /** Refuses a report whose figures do not fit its rows (what a front-end asking interactively should fix). */
    public Assessment assess(ProjectDocument document, MonitoringReport report, MonitoringPolicy policy) {
        return assess(document, report, policy, true);
    }

    /**
     * @param strictFigures false for a report already submitted: a forecast that is not a decimal makes its row
     *     NOT_ASSESSABLE with the reason instead of refusing the whole report, since the department can no longer
     *     correct it before it is reviewed (lines naming no row of the document are refused either way)
     */
    public Assessment assess(ProjectDocument document, MonitoringReport report, MonitoringPolicy policy,
            boolean strictFigures) {
        List<ProjectDocument.IndicatorRow> rows = document.indicators() == null ? List.of() : document.indicators();
        Map<Integer, Integer> positions = positions(report.indicators(), rows.size());
        List<RowStatus> statuses = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ProjectDocument.IndicatorRow row = rows.get(i);
            if (row == null) {
                continue;
            }
            TargetMeaning meaning = parser.parse(row.target(), document.budgetYear());
            Integer at = positions.get(i);
            statuses.add(row(i, row, meaning, at == null ? null : report.indicators().get(at), at, report.asOf(), policy,
                    strictFigures));
        }
        Budget budget = budget(document, report, policy);
        return new Assessment(Assessment.worst(statuses, budget), statuses, budget);
    }

    private RowStatus row(int index, ProjectDocument.IndicatorRow row, TargetMeaning m, Line line, Integer position,
            LocalDate asOf, MonitoringPolicy policy, boolean strictFigures) {
        String kind = m.kind().name();
        if (line == null) {
            return status(index, row, kind, Status.NOT_ASSESSABLE, "not reported", List.of());
        }
        if (Attainment.measurable(m)) {
            if (line.forecast() == null) {
                return line.likelihood() != null
                        ? byLikelihood(index, row, kind, line, "no full-year forecast; the stated likelihood")
                        : status(index, row, kind, Status.NOT_ASSESSABLE, "no full-year forecast (全年预计) given", List.of());
            }
            BigDecimal forecast = strictFigures ? decimal(index, line.forecast(), position) : decimalOrNull(line.forecast());
            if (forecast == null) {
                return status(index, row, kind, Status.NOT_ASSESSABLE, "the forecast " + line.forecast()
                        + " is not a decimal in the target's unit" + (m.unit() == null ? "" : " (" + m.unit() + ")"), List.of());
            }
            BigDecimal shortfall = BigDecimal.ONE.subtract(Attainment.of(m, forecast));
            List<String> flags = Attainment.margin(m, forecast).compareTo(policy.tooLowShare()) > 0
                    ? List.of(Assessment.TARGET_TOO_LOW) : List.of();
            if (shortfall.signum() == 0) {
                return status(index, row, kind, Status.ON_TRACK, "forecast " + line.forecast() + " meets " + m.text(), flags);
            }
            Status s = shortfall.compareTo(policy.riskShare()) <= 0 ? Status.AT_RISK : Status.OFF_TRACK;
            return status(index, row, kind, s, "forecast " + line.forecast() + " misses " + m.text() + " by "
                    + percent(shortfall) + "% of the target", flags);
        }
        if (m.kind() == Kind.TIME && m.deadline() != null) {
            LocalDate done = Assessment.dateOrNull(line.actual());
            if (done != null) {
                return done.isAfter(m.deadline())
                        ? status(index, row, kind, Status.OFF_TRACK, "done " + done + ", after its deadline " + m.deadline(), List.of())
                        : status(index, row, kind, Status.ON_TRACK, "done " + done + " by its deadline " + m.deadline(), List.of());
            }
            if (asOf != null && asOf.isAfter(m.deadline())) {
                return status(index, row, kind, Status.OFF_TRACK, "past its deadline " + m.deadline() + " and not done", List.of());
            }
            return line.likelihood() != null ? byLikelihood(index, row, kind, line, "due " + m.deadline())
                    : status(index, row, kind, Status.ON_TRACK, "due " + m.deadline() + ", not yet due", List.of());
        }
        return line.likelihood() != null ? byLikelihood(index, row, kind, line, "no figure measures " + m.text())
                : status(index, row, kind, Status.NOT_ASSESSABLE, "state the likelihood of reaching " + m.text(), List.of());
    }

    private static RowStatus byLikelihood(int index, ProjectDocument.IndicatorRow row, String kind, Line line, String why) {
        Status s = switch (line.likelihood()) {
            case CERTAIN -> Status.ON_TRACK;
            case LIKELY -> Status.AT_RISK;
            case UNLIKELY -> Status.OFF_TRACK;
        };
        return status(index, row, kind, s, why + ": likelihood " + line.likelihood(), List.of());
    }

    private static RowStatus status(int index, ProjectDocument.IndicatorRow row, String kind, Status status, String reason,
            List<String> flags) {
        return new RowStatus(index, row.name(), row.target(), kind, status, reason, flags);
    }

    private static Budget budget(ProjectDocument document, MonitoringReport report, MonitoringPolicy policy) {
        BigDecimal funding = funding(document);
        if (report.spent() == null || report.asOf() == null || funding == null || funding.signum() == 0) {
            return new Budget(funding, report.spent(), null, null, null, Status.NOT_ASSESSABLE);
        }
        BigDecimal rate = report.spent().divide(funding, Attainment.EXACT);
        BigDecimal progress = timeProgress(report.asOf(), document.budgetYear());
        BigDecimal lag = progress.subtract(rate).multiply(HUNDRED);
        Status status = lag.compareTo(policy.budgetOffTrackPoints()) > 0 ? Status.OFF_TRACK
                : lag.compareTo(policy.budgetAtRiskPoints()) > 0 ? Status.AT_RISK : Status.ON_TRACK;
        return new Budget(funding, report.spent(), rate, progress, lag, status);
    }

    /** The share of the budget year elapsed at the end of {@code asOf}: 31 July 2025 is 212/365. */
    static BigDecimal timeProgress(LocalDate asOf, Integer budgetYear) {
        int year = budgetYear == null ? asOf.getYear() : budgetYear;
        if (asOf.getYear() < year) {
            return BigDecimal.ZERO;
        }
        if (asOf.getYear() > year) {
            return BigDecimal.ONE;
        }
        return new BigDecimal(asOf.getDayOfYear()).divide(new BigDecimal(asOf.lengthOfYear()), Attainment.EXACT);
    }

    private static BigDecimal funding(ProjectDocument document) {
        try {
            return document.funding() == null ? null : new BigDecimal(document.funding().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Row index → position of its line in the report, refusing lines that name no row or a row twice. */
    private static Map<Integer, Integer> positions(List<Line> lines, int rowCount) {
        Map<Integer, Integer> map = new HashMap<>();
        if (lines == null) {
            return map;
        }
        List<Violation> problems = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            Line l = lines.get(k);
            if (l == null || l.index() < 0 || l.index() >= rowCount) {
                problems.add(new Violation("/report/indicators/" + k + "/index", "no indicator row "
                        + (l == null ? "" : l.index()) + " in the document (it has " + rowCount + ")"));
            } else if (map.putIfAbsent(l.index(), k) != null) {
                problems.add(new Violation("/report/indicators/" + k + "/index", "row " + l.index() + " is reported twice"));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid("invalid-report-lines", null, "the report's rows do not fit the document", problems);
        }
        return map;
    }

    private static BigDecimal decimal(int row, String text, int position) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid("invalid-forecast", null, "the forecast of a quantitative row is a decimal in"
                    + " the target's unit", List.of(new Violation("/report/indicators/" + position + "/forecast",
                            "row " + row + ": not a decimal: " + text)));
        }
    }

    private static BigDecimal decimalOrNull(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String percent(BigDecimal share) {
        return share.multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
