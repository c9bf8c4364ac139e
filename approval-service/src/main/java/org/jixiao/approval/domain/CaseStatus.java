package org.jixiao.approval.domain;

public enum CaseStatus {
    /** 审核中 */
    OPEN,
    /** 已批复 (declarations) */
    APPROVED,
    /** 已退回 */
    RETURNED,
    /** 已确认 (monitoring reports and self-evaluations) */
    ACKNOWLEDGED
}
