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
            assertThat(e.getMessage()).isEqualTo("framework nope does not exist; known: [classic, mof-2021, mof-2015]");
        });
    }

    @Test
    void shouldPlaceSatisfactionUnderBenefitIn2015To2020sFramework() {
        assertThat(FrameworkPresets.MOF_2015_FRAMEWORK.resolve("效益指标", "社会公众或服务对象满意度指标"))
                .contains(new org.jixiao.common.contract.Framework.Node("效益指标", "社会公众或服务对象满意度指标"));
        assertThat(FrameworkPresets.MOF_2015_FRAMEWORK.level1()).extracting(l -> l.name()).containsExactly("产出指标", "效益指标");
    }

    @Test
    void shouldFindEachShippedFrameworkByItsCode() {
        assertThat(FrameworkPresets.require("mof-2021")).isSameAs(FrameworkPresets.MOF_2021_FRAMEWORK);
        assertThat(FrameworkPresets.require("classic")).isSameAs(FrameworkPresets.CLASSIC_FRAMEWORK);
        assertThat(FrameworkPresets.require("mof-2015")).isSameAs(FrameworkPresets.MOF_2015_FRAMEWORK);
    }
}
