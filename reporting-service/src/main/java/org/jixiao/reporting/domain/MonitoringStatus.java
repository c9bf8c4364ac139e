package org.jixiao.reporting.domain;

/**
 * The status of a monitored row, of the budget and of a whole report (双监控), as indicator-service assesses
 * it, with the words the printed tables use. {@code rank} orders the year view worst first.
 */
public enum MonitoringStatus {
    OFF_TRACK("偏离", 0),
    AT_RISK("预警", 1),
    NOT_ASSESSABLE("无法判断", 2),
    ON_TRACK("正常", 3);

    private final String label;
    private final int rank;

    MonitoringStatus(String label, int rank) {
        this.label = label;
        this.rank = rank;
    }

    public String label() {
        return label;
    }

    public int rank() {
        return rank;
    }

    /** The printed word of a status code; an unknown code (a newer producer) is printed as it came. */
    public static String labelOf(String code) {
        if (code == null) {
            return "";
        }
        for (MonitoringStatus s : values()) {
            if (s.name().equals(code)) {
                return s.label;
            }
        }
        return code;
    }
}
