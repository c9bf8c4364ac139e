package org.jixiao.reporting.domain;

/** What the reports know of a project, from the events seen so far. */
public enum ReportStatus {
    SUBMITTED, RETURNED, APPROVED
}
