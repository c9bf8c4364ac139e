package org.jixiao.indicator.domain.target;

import java.text.Normalizer;

/**
 * Brings the many ways a 指标值 is printed to one form before parsing: full-width to half-width (NFKC),
 * ≧/≦ and >=/<= to ≥/≤, dashes and waves to '-' and '~', thousands separators and all white space removed.
 */
final class TargetText {
    private TargetText() {
    }

    /** Unit symbols NFKC would spell out (㎡ → m2, whose digit would read as a number). */
    private static final String KEEP = "㎡㎥㎞㎏㎎㎝㎜℃";

    static String normalize(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            folded.append(KEEP.indexOf(cp) >= 0 ? ch : Normalizer.normalize(ch, Normalizer.Form.NFKC));
        });
        String s = folded.toString();
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0') {
                continue;
            }
            if (c == ',' && i > 0 && Character.isDigit(s.charAt(i - 1)) && thousandsGroupFollows(s, i + 1)) {
                continue;
            }
            switch (c) {
                case '≧' -> out.append('≥');
                case '≦' -> out.append('≤');
                case '—', '–', '―', '−', '－' -> out.append('-');
                case '〜', '～' -> out.append('~');
                case '，' -> out.append(',');
                case '；' -> out.append(';');
                case '。' -> { }
                default -> out.append(c);
            }
        }
        // 2020年1月--2020年11月: a doubled dash is one separator
        String r = out.toString().replaceAll("-{2,}", "-").replaceAll("~{2,}", "~");
        return r.replace(">=", "≥").replace("<=", "≤").replace("=>", "≥").replace("=<", "≤");
    }

    /** "1,000元" is a thousands separator; "5,6" is not. */
    private static boolean thousandsGroupFollows(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return from + 3 == s.length() || !Character.isDigit(s.charAt(from + 3));
    }
}
