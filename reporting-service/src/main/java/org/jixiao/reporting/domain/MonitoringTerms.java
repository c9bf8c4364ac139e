package org.jixiao.reporting.domain;

import java.util.Map;

/**
 * The words of a monitoring report's coded answers as the local tables print them: 偏差原因 (经费保障 / 制度保障
 * / 人员保障 / 硬件条件保障 / 其他), 完成可能性 (确定能 / 有可能 / 完全不可能) and the row flags.
 */
public final class MonitoringTerms {
    private static final Map<String, String> CAUSES = Map.of("FUNDING", "经费保障", "SYSTEM", "制度保障", "STAFF", "人员保障",
            "HARDWARE", "硬件条件保障", "OTHER", "其他");
    private static final Map<String, String> LIKELIHOODS = Map.of("CERTAIN", "确定能", "LIKELY", "有可能", "UNLIKELY", "完全不可能");
    private static final Map<String, String> FLAGS = Map.of("TARGET_TOO_LOW", "目标偏低");

    private MonitoringTerms() {
    }

    public static String cause(String code) {
        return word(CAUSES, code);
    }

    public static String likelihood(String code) {
        return word(LIKELIHOODS, code);
    }

    public static String flag(String code) {
        return word(FLAGS, code);
    }

    /** An unknown code (a newer producer) is printed as it came rather than dropped. */
    private static String word(Map<String, String> words, String code) {
        return code == null ? "" : words.getOrDefault(code, code);
    }
}
