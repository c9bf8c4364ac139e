package org.jixiao.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One indicator row of a monitoring report as the department states it: {@code index} is the row of the
 * approved revision; {@code actual} (执行情况) and {@code forecast} (全年预计) are kept as written (a decimal in
 * the target's unit, a date for a deadline row, or text for a qualitative row: indicator-service interprets
 * them against the target).
 */
@Embeddable
public class ReportLine {
    /** 完成可能性: 确定能 / 有可能 / 完全不可能. */
    public enum Likelihood { CERTAIN, LIKELY, UNLIKELY }

    /** 偏差原因: 经费保障 / 制度保障 / 人员保障 / 硬件条件保障 / 其他. */
    public enum DeviationCause { FUNDING, SYSTEM, STAFF, HARDWARE, OTHER }

    @Column(name = "row_index")
    private int index;
    private String actual;
    private String forecast;
    @Enumerated(EnumType.STRING)
    private Likelihood likelihood;
    @Enumerated(EnumType.STRING)
    @Column(name = "deviation_cause")
    private DeviationCause deviationCause;
    private String note;
    /** 完成度 0–1 as written, only in a final report (自评), for a row no figure measures. */
    private String completion;
    private String justification;

    protected ReportLine() {
    }

    public ReportLine(int index, String actual, String forecast, Likelihood likelihood, DeviationCause deviationCause,
            String note, String completion, String justification) {
        this.index = index;
        this.actual = actual;
        this.forecast = forecast;
        this.likelihood = likelihood;
        this.deviationCause = deviationCause;
        this.note = note;
        this.completion = completion;
        this.justification = justification;
    }

    public int index() {
        return index;
    }

    public String actual() {
        return actual;
    }

    public String forecast() {
        return forecast;
    }

    public Likelihood likelihood() {
        return likelihood;
    }

    public DeviationCause deviationCause() {
        return deviationCause;
    }

    public String note() {
        return note;
    }

    public String completion() {
        return completion;
    }

    public String justification() {
        return justification;
    }
}
