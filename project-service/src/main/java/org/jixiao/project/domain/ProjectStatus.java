package org.jixiao.project.domain;

/** Where a declaration stands in the review cycle. */
public enum ProjectStatus {
    /** 草稿: being written by the department, may be incomplete. */
    DRAFT,
    /** 已提交: frozen, waiting for the finance bureau. */
    SUBMITTED,
    /** 已退回: returned with comments, editable again. */
    RETURNED,
    /** 已批复: approved with the budget. */
    APPROVED,
    /** 调整中: an approved project being amended. */
    AMENDING;

    public boolean editable() {
        return this == DRAFT || this == RETURNED || this == AMENDING;
    }
}
