package org.jixiao.indicator.domain.target;

import java.math.BigDecimal;

/** A read position in a normalized 指标值; every method either consumes what it names or nothing. */
final class Cursor {
    private final String s;
    private int pos;

    Cursor(String s) {
        this.s = s;
    }

    boolean atEnd() {
        return pos >= s.length();
    }

    int mark() {
        return pos;
    }

    void reset(int mark) {
        pos = mark;
    }

    String rest() {
        return s.substring(pos);
    }

    char peek() {
        return atEnd() ? '\0' : s.charAt(pos);
    }

    boolean peekDigit() {
        return !atEnd() && Character.isDigit(s.charAt(pos));
    }

    /** Consumes the first of {@code words} that stands here (list longer words first). */
    String take(String... words) {
        for (String w : words) {
            if (s.startsWith(w, pos)) {
                pos += w.length();
                return w;
            }
        }
        return null;
    }

    boolean skip(String word) {
        return take(word) != null;
    }

    /** An unsigned decimal number: digits, optionally '.' and digits. */
    BigDecimal number() {
        int start = pos;
        while (peekDigit()) {
            pos++;
        }
        if (pos == start) {
            return null;
        }
        if (peek() == '.' && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1))) {
            pos++;
            while (peekDigit()) {
                pos++;
            }
        }
        if (pos - start > 30) {
            pos = start;
            return null;
        }
        return new BigDecimal(s.substring(start, pos));
    }

    /** A whole number written in digits or as 一…十二. */
    Integer smallInteger() {
        int mark = pos;
        BigDecimal n = number();
        if (n != null) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                reset(mark);
                return null;
            }
        }
        String[] names = {"十二", "十一", "十", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九"};
        int[] values = {12, 11, 10, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9};
        for (int i = 0; i < names.length; i++) {
            if (skip(names[i])) {
                return values[i];
            }
        }
        return null;
    }

    /** Consumes characters while they are not digits and not one of {@code stops}; returns them. */
    String textUntil(String stops) {
        int start = pos;
        while (!atEnd() && !peekDigit() && stops.indexOf(peek()) < 0) {
            pos++;
        }
        return s.substring(start, pos);
    }
}
