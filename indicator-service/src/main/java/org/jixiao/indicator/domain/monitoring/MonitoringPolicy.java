package org.jixiao.indicator.domain.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jixiao.common.domain.Violation;

/**
 * 双监控 thresholds of a budget year (ours, as ../notes/monitoring.md records; an admin may change them):
 * a forecast missing its target by at most {@code riskShare} of the target is AT_RISK, by more OFF_TRACK;
 * one beating a one-sided target by more than {@code tooLowShare} flags TARGET_TOO_LOW; budget execution
 * behind time progress by more than {@code budgetAtRiskPoints} percentage points is AT_RISK, by more than
 * {@code budgetOffTrackPoints} OFF_TRACK.
 */
public record MonitoringPolicy(BigDecimal riskShare, BigDecimal tooLowShare, BigDecimal budgetAtRiskPoints,
        BigDecimal budgetOffTrackPoints) {

    public static MonitoringPolicy standard() {
        return new MonitoringPolicy(new BigDecimal("0.10"), new BigDecimal("0.30"), new BigDecimal(15), new BigDecimal(30));
    }

    public List<Violation> violations() {
        List<Violation> v = new ArrayList<>();
        share(v, "/riskShare", riskShare);
        share(v, "/tooLowShare", tooLowShare);
        if (budgetAtRiskPoints == null || budgetAtRiskPoints.signum() < 0 || budgetAtRiskPoints.compareTo(new BigDecimal(100)) > 0) {
            v.add(new Violation("/budgetAtRiskPoints", "percentage points between 0 and 100"));
        }
        if (budgetOffTrackPoints == null || budgetAtRiskPoints == null || budgetOffTrackPoints.compareTo(budgetAtRiskPoints) < 0
                || budgetOffTrackPoints.compareTo(new BigDecimal(100)) > 0) {
            v.add(new Violation("/budgetOffTrackPoints", "percentage points between budgetAtRiskPoints and 100"));
        }
        return v;
    }

    private static void share(List<Violation> v, String pointer, BigDecimal share) {
        if (share == null || share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            v.add(new Violation(pointer, "a share between 0 and 1"));
        }
    }
}
