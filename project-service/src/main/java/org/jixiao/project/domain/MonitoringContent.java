package org.jixiao.project.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** A monitoring report's content once {@link MonitoringReportPolicy} accepted it; {@code spent} may still be missing in a draft. */
public record MonitoringContent(YearMonth period, LocalDate asOf, BigDecimal spent, boolean finalReport,
        List<ReportLine> lines, String measures) {
}
