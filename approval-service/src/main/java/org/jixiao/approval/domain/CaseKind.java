package org.jixiao.approval.domain;

public enum CaseKind {
    /** 申报: a first submission or a resubmission after a return. */
    SUBMISSION,
    /** 调整: an amendment of an approved project. */
    AMENDMENT
}
