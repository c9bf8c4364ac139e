package org.jixiao.common.rest;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Violation;

/**
 * Query parameters read by hand where JAX-RS would answer a bad value with 404 (its rule for failed
 * parameter conversion): a client that misspells an enum deserves a 400 naming the allowed values.
 */
public final class Params {
    private Params() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid-parameter", "Invalid parameter",
                    parameter + "=" + value + " is not one of " + Arrays.toString(type.getEnumConstants()),
                    List.of(new Violation(parameter, "one of " + Arrays.toString(type.getEnumConstants()))));
        }
    }

    /**
     * A plain decimal ({@code 5831922.19}), read by hand: {@code 1e999999} is a valid BigDecimal whose
     * comparison with a numeric column means nothing to anyone, so exponents are not accepted.
     */
    public static BigDecimal decimal(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.trim().matches("-?[0-9]{1,30}(\\.[0-9]{1,30})?")) {
            throw DomainException.invalid("invalid-parameter", "Invalid parameter",
                    parameter + "=" + value + " is not a plain decimal number such as 5831922.19",
                    List.of(new Violation(parameter, "a plain decimal number such as 5831922.19")));
        }
        return new BigDecimal(value.trim());
    }
}
