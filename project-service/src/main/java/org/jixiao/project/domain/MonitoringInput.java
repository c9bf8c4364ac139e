package org.jixiao.project.domain;

import java.util.List;

/**
 * A monitoring report as a client wrote it, before any rule was checked: every field may be missing or
 * malformed, {@link MonitoringReportPolicy} says what is wrong with it and turns it into
 * {@link MonitoringContent}.
 *
 * @param finalReport null: follows from the period (final exactly for YYYY-12)
 */
public record MonitoringInput(String period, String asOf, String spent, Boolean finalReport, List<Line> indicators,
        String measures) {

    public record Line(Integer index, String actual, String forecast, ReportLine.Likelihood likelihood,
            ReportLine.DeviationCause deviationCause, String note, String completion, String justification) {
    }
}
