package org.jixiao.common.rest;

import java.util.Arrays;

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
            throw new ProblemException(400, "invalid-parameter", "Invalid parameter",
                    parameter + "=" + value + " is not one of " + Arrays.toString(type.getEnumConstants()),
                    java.util.List.of(new Problem.Violation(parameter, "one of " + Arrays.toString(type.getEnumConstants()))));
        }
    }
}
