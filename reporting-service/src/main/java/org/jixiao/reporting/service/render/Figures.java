package org.jixiao.reporting.service.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the monitoring and self-evaluation tables print figures: 元 and points with two places, rates as percentages. */
final class Figures {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Figures() {
    }

    /** 元 or points, two places (half-up); empty when absent. */
    static String two(BigDecimal v) {
        return v == null ? "" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A fraction (0.3000) as a percentage with two places (30.00%); empty when absent. */
    static String percent(BigDecimal fraction) {
        return fraction == null ? "" : fraction.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** Two places for a spreadsheet's number cell (a fraction stays a fraction, formatted as a percentage there). */
    static BigDecimal cell(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
    }

    static String text(String s) {
        return s == null ? "" : s;
    }
}
