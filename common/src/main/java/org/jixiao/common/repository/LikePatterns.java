package org.jixiao.common.repository;

/**
 * LIKE patterns for what a user typed. Every statement that uses one says {@code escape '\'}: Hibernate otherwise
 * sends {@code escape ''}, and a name with % or _ in it (达标率%) would match as a wildcard.
 */
public final class LikePatterns {
    private LikePatterns() {
    }

    /** Matches text that contains {@code typed} literally, its \, % and _ included. */
    public static String containing(String typed) {
        return "%" + typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
