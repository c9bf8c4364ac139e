package org.jixiao.approval.domain;

public enum CaseStatus {
    /** 审核中 */
    OPEN,
    /** 已批复 */
    APPROVED,
    /** 已退回 */
    RETURNED
}
