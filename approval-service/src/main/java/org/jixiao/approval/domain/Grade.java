package org.jixiao.approval.domain;

/** 评审等级 per 财预〔2015〕88号; 差 cannot enter the budget, so it cannot be approved. */
public enum Grade {
    优, 良, 中, 差
}
