package org.jixiao.approval.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarningTest {
    @Test
    void shouldWarnOffTrackWhenARowOrTheBudgetIsOffTrack() {
        assertThat(Warning.of(List.of("ON_TRACK", "OFF_TRACK"), "ON_TRACK", BigDecimal.ONE).level()).isEqualTo(2);
        assertThat(Warning.of(List.of("ON_TRACK"), "OFF_TRACK", new BigDecimal("31.00")).level()).isEqualTo(2);
    }

    @Test
    void shouldWarnAtRiskWhenNothingIsOffTrackButSomethingIsAtRisk() {
        Warning w = Warning.of(List.of("AT_RISK", "ON_TRACK", "NOT_ASSESSABLE"), "ON_TRACK", null);
        assertThat(w.level()).isEqualTo(1);
        assertThat(w.atRisk()).isEqualTo(1);
        assertThat(w.onTrack()).isEqualTo(1);
        assertThat(w.notAssessable()).isEqualTo(1);
        assertThat(Warning.of(List.of("ON_TRACK"), "AT_RISK", new BigDecimal("16.00")).level()).isEqualTo(1);
    }

    @Test
    void shouldNotWarnForRowsThatCannotBeAssessed() {
        assertThat(Warning.of(List.of("NOT_ASSESSABLE", "ON_TRACK"), "NOT_ASSESSABLE", null).isWarning()).isFalse();
    }
}
