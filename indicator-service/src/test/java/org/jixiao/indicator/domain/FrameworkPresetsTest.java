package org.jixiao.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jixiao.common.domain.DomainException;
import org.junit.jupiter.api.Test;

class FrameworkPresetsTest {

    @Test
    void shouldRefuseAnUnknownFrameworkAsABadRequestNamingTheKnownOnes() {
        assertThatThrownBy(() -> FrameworkPresets.require("nope")).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.code()).isEqualTo("unknown-framework");
            assertThat(e.getMessage()).isEqualTo("framework nope does not exist; known: [classic, mof-2021]");
        });
    }

    @Test
    void shouldFindEachShippedFrameworkByItsCode() {
        assertThat(FrameworkPresets.require("mof-2021")).isSameAs(FrameworkPresets.MOF_2021_FRAMEWORK);
        assertThat(FrameworkPresets.require("classic")).isSameAs(FrameworkPresets.CLASSIC_FRAMEWORK);
    }
}
