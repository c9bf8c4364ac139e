package org.jixiao.indicator.domain.target;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How far a figure attains a target, by the target's operator: the one definition that the 自评 score
 * (completion of an actual) and the monitoring assessment (shortfall of a forecast) share.
 * 1 means met; below 1, the share of the target attained: ≥/> min(1, figure / target); ≤/< 1 when met,
 * else 1 − overshoot / target; =/≈ 1 − |error| / target; a range as its nearer bound; floored at 0.
 */
public final class Attainment {
    public static final MathContext EXACT = MathContext.DECIMAL128;

    private Attainment() {
    }

    /** One absolute figure with an operator: the targets a single figure measures. */
    public static boolean measurable(TargetMeaning m) {
        return m.kind() == TargetMeaning.Kind.QUANTITATIVE && m.absolute() && m.operator() != null
                && (m.values() == null || m.values().size() <= 1);
    }

    /** @throws IllegalArgumentException when the target is not {@link #measurable} */
    public static BigDecimal of(TargetMeaning m, BigDecimal figure) {
        if (!measurable(m)) {
            throw new IllegalArgumentException("no single figure measures " + m.text());
        }
        BigDecimal target = new BigDecimal(m.value());
        return switch (m.operator()) {
            case GE, GT -> atLeast(figure, target);
            case LE, LT, WITHIN -> atMost(figure, target);
            case EQ, APPROX -> target.signum() == 0 ? (figure.signum() == 0 ? BigDecimal.ONE : BigDecimal.ZERO)
                    : floor(BigDecimal.ONE.subtract(figure.subtract(target).abs().divide(target.abs(), EXACT)));
            case RANGE -> {
                BigDecimal upper = m.upperValue() == null ? target : new BigDecimal(m.upperValue());
                yield figure.compareTo(target) < 0 ? atLeast(figure, target)
                        : figure.compareTo(upper) > 0 ? atMost(figure, upper) : BigDecimal.ONE;
            }
        };
    }

    /**
     * By how much a figure beats a one-sided target, as a share of the target (0 when it does not beat it,
     * or the target is two-sided): ≥ 9100 against ≥7000 beats it by 0.3.
     */
    public static BigDecimal margin(TargetMeaning m, BigDecimal figure) {
        if (!measurable(m)) {
            return BigDecimal.ZERO;
        }
        BigDecimal target = new BigDecimal(m.value());
        if (target.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return switch (m.operator()) {
            case GE, GT -> figure.subtract(target).divide(target, EXACT).max(BigDecimal.ZERO);
            case LE, LT, WITHIN -> target.subtract(figure).divide(target, EXACT).max(BigDecimal.ZERO);
            default -> BigDecimal.ZERO;
        };
    }

    private static BigDecimal atLeast(BigDecimal figure, BigDecimal target) {
        if (target.signum() <= 0) {
            return figure.compareTo(target) >= 0 ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return floor(figure.divide(target, EXACT).min(BigDecimal.ONE));
    }

    private static BigDecimal atMost(BigDecimal figure, BigDecimal target) {
        if (figure.compareTo(target) <= 0) {
            return BigDecimal.ONE;
        }
        return target.signum() <= 0 ? BigDecimal.ZERO
                : floor(BigDecimal.ONE.subtract(figure.subtract(target).divide(target, EXACT)));
    }

    private static BigDecimal floor(BigDecimal share) {
        return share.max(BigDecimal.ZERO);
    }
}
