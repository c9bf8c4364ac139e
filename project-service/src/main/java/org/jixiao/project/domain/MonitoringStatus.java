package org.jixiao.project.domain;

/** Where a monitoring report (绩效运行监控) or self-evaluation (自评) stands. */
public enum MonitoringStatus {
    /** 草稿: being written by the department. */
    DRAFT,
    /** 已报送: frozen as a revision, waiting for the finance bureau. */
    SUBMITTED,
    /** 已确认: the bureau took note of it; final. */
    ACKNOWLEDGED,
    /** 已退回: returned with comments, editable again; its next submission is a new revision. */
    RETURNED;

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
