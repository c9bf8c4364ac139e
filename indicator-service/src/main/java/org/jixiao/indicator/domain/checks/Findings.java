package org.jixiao.indicator.domain.checks;

import org.jixiao.indicator.domain.checks.Finding.Severity;

final class Findings {
    private Findings() {
    }

    static Finding error(String code, Integer row, String zh, String en) {
        return new Finding(code, Severity.ERROR, row, zh, en);
    }

    static Finding warning(String code, Integer row, String zh, String en) {
        return new Finding(code, Severity.WARNING, row, zh, en);
    }

    static Finding info(String code, Integer row, String zh, String en) {
        return new Finding(code, Severity.INFO, row, zh, en);
    }
}
