package org.jixiao.approval.domain;

public enum CaseKind {
    /** 申报: a first submission or a resubmission after a return. */
    SUBMISSION,
    /** 调整: an amendment of an approved project. */
    AMENDMENT,
    /** 绩效运行监控: a submitted monitoring report, assessed by indicator-service; acknowledged or returned. */
    MONITORING,
    /** 自评: the year-end self-evaluation (a final monitoring report with its score); acknowledged or returned. */
    SELF_EVALUATION;

    /** A monitoring report or self-evaluation: one stage, acknowledged rather than approved. */
    public boolean isReport() {
        return this == MONITORING || this == SELF_EVALUATION;
    }

    public static CaseKind ofReport(boolean finalReport) {
        return finalReport ? SELF_EVALUATION : MONITORING;
    }
}
