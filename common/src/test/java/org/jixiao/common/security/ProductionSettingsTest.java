package org.jixiao.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProductionSettingsTest {

    @Test
    void shouldRefuseProductionWithoutIssuerKeyNamingBothVariables() {
        assertThat(ProductionSettings.tokenIssuerProblem(List.of("prod"), null, null))
                .contains("JWT_PUBLIC_KEY_LOCATION").contains("JWT_ISSUER").doesNotContain("\n");
        assertThat(ProductionSettings.tokenIssuerProblem(List.of("prod"), "https://idp/jwks", " ")).isNotNull();
    }

    @Test
    void shouldStartInProductionWithIssuerKeyAndIssuer() {
        assertThat(ProductionSettings.tokenIssuerProblem(List.of("prod"), "https://idp/jwks", "https://idp")).isNull();
    }

    @Test
    void shouldTrustTheDevelopmentKeyOnlyInLocalAndTestProfiles() {
        assertThat(ProductionSettings.tokenIssuerProblem(List.of("local"), null, null)).isNull();
        assertThat(ProductionSettings.tokenIssuerProblem(List.of("test"), null, null)).isNull();
        assertThat(ProductionSettings.tokenIssuerProblem(List.of("staging"), null, null)).isNotNull();
    }
}
