package org.jixiao.common.repository;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternsTest {
    @Test
    void shouldMatchPercentUnderscoreAndBackslashLiterally() {
        assertThat(LikePatterns.containing("达标率%")).isEqualTo("%达标率\\%%");
        assertThat(LikePatterns.containing("a_b")).isEqualTo("%a\\_b%");
        // the backslash first: escaped after the others it would double theirs
        assertThat(LikePatterns.containing("a\\%")).isEqualTo("%a\\\\\\%%");
    }
}
