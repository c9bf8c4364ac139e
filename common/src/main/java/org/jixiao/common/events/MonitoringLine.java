package org.jixiao.common.events;

/**
 * One indicator row of a monitoring report (绩效运行监控) or a year-end self-evaluation (自评), as the
 * department stated it. {@code index} is the row of the approved revision; {@code actual} (执行情况) and
 * {@code forecast} (全年预计) are decimals in the target's unit, a date (YYYY-MM-DD) for a deadline row, or text
 * for a qualitative row. {@code likelihood} (完成可能性) CERTAIN/LIKELY/UNLIKELY, {@code deviationCause} (偏差原因)
 * FUNDING/SYSTEM/STAFF/HARDWARE/OTHER. {@code completion} (0–1, a decimal string) and {@code justification}
 * only on a final report, for rows no figure measures.
 */
public record MonitoringLine(int index, String actual, String forecast, String likelihood, String deviationCause,
        String note, String completion, String justification) {
}
