package org.jixiao.indicator.domain.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A monitoring report (绩效运行监控) as the department states it: the executed amount at {@code asOf}
 * and, per indicator row of the approved table, the value so far, the full-year forecast, the
 * likelihood of reaching the target and the cause of a deviation.
 */
public record MonitoringReport(String period, LocalDate asOf, BigDecimal spent, List<Line> indicators) {

    /** 完成可能性: 确定能 / 有可能 / 完全不可能. */
    public enum Likelihood { CERTAIN, LIKELY, UNLIKELY }

    /** 偏差原因: 经费保障 / 制度保障 / 人员保障 / 硬件条件保障 / 其他. */
    public enum DeviationCause { FUNDING, SYSTEM, STAFF, HARDWARE, OTHER }

    /** {@code actual}/{@code forecast}: decimals in the target's unit, or text (a date, for a deadline row). */
    public record Line(int index, String actual, String forecast, Likelihood likelihood, DeviationCause deviationCause,
            String note) {
    }
}
