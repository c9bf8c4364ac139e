package org.jixiao.approval.repository;

/**
 * A continuous percentile from the one or two values around its position, computed as PostgreSQL's
 * percentile_cont computes it (orderedsetaggs.c: the same double arithmetic in the same order), so that reading
 * the two values from an index gives the answer the aggregate gave when it sorted them all.
 */
final class Percentiles {
    private Percentiles() {
    }

    /** Whether the percentile falls on one of the {@code n} sorted values (then it is that value). */
    static boolean onAValue(double fraction, long n) {
        double position = fraction * (n - 1);
        return Math.ceil(position) == Math.floor(position);
    }

    /**
     * @param atLower the value at the floor of the position, {@code fraction * (n - 1)}, 0-based
     * @param atUpper the value at its ceiling (not read when the percentile falls on a value)
     */
    static double continuous(double fraction, long n, double atLower, double atUpper) {
        double position = fraction * (n - 1);
        double first = Math.floor(position);
        if (onAValue(fraction, n)) {
            return atLower;
        }
        return atLower + ((position - first) * (atUpper - atLower));
    }
}
