package org.jixiao.approval.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * 预警: what one assessment (双监控) says about a project, in the terms the warnings dashboard orders by.
 * Row statuses and the budget status are ON_TRACK, AT_RISK, OFF_TRACK or NOT_ASSESSABLE.
 *
 * @param lagPoints time progress minus execution rate in percentage points (positive: spending lags); null when unknown
 */
public record Warning(int onTrack, int atRisk, int offTrack, int notAssessable, String budgetStatus,
        BigDecimal lagPoints) {

    public static final String ON_TRACK = "ON_TRACK";
    public static final String AT_RISK = "AT_RISK";
    public static final String OFF_TRACK = "OFF_TRACK";
    public static final String NOT_ASSESSABLE = "NOT_ASSESSABLE";

    public static Warning of(List<String> rowStatuses, String budgetStatus, BigDecimal lagPoints) {
        int on = 0;
        int risk = 0;
        int off = 0;
        int na = 0;
        for (String s : rowStatuses) {
            switch (s == null ? NOT_ASSESSABLE : s) {
                case ON_TRACK -> on++;
                case AT_RISK -> risk++;
                case OFF_TRACK -> off++;
                default -> na++;
            }
        }
        return new Warning(on, risk, off, na, budgetStatus, lagPoints);
    }

    /**
     * 2 when a row or the budget is OFF_TRACK, 1 when one is AT_RISK, 0 otherwise: a NOT_ASSESSABLE row is a
     * gap in the report, not a warning (ours).
     */
    public int level() {
        if (offTrack > 0 || OFF_TRACK.equals(budgetStatus)) {
            return 2;
        }
        if (atRisk > 0 || AT_RISK.equals(budgetStatus)) {
            return 1;
        }
        return 0;
    }

    public boolean isWarning() {
        return level() > 0;
    }
}
