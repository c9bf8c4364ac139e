package org.jixiao.common.domain;

/**
 * Text a client may send. PostgreSQL cannot store U+0000 in text columns and an unpaired surrogate
 * is not a character at all (it cannot be encoded as UTF-8), so both would fail deep inside a write
 * or a query; they are refused where the text enters instead.
 */
public final class Texts {
    private Texts() {
    }

    /** Why {@code text} cannot be accepted, or null when it can. */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "contains a NUL character (U+0000) at position " + i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate at position " + i;
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate at position " + i;
            }
        }
        return null;
    }
}
