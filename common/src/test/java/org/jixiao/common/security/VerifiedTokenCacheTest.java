package org.jixiao.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jixiao.common.test.DevTokens;
import org.junit.jupiter.api.Test;

/** The cache in front of the real SmallRye verifier with the development key, counting the full verifications. */
class VerifiedTokenCacheTest {
    private final AtomicInteger verifications = new AtomicInteger();
    private final MovableClock clock = new MovableClock();
    private final DefaultJWTParser realVerifier = new DefaultJWTParser(context()) {
        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verifications.incrementAndGet();
            return super.parse(token);
        }
    };

    @Test
    void shouldVerifyATokenOnceAndAnswerItsRepeatsFromTheCache() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(realVerifier, 100, clock);
        String token = DevTokens.department("034");

        JsonWebToken first = cache.parse(token);
        JsonWebToken again = cache.parse(token);
        cache.parse(token);

        assertThat(verifications).hasValue(1);
        assertThat(again.getName()).isEqualTo("dept-034").isEqualTo(first.getName());
        assertThat(again.<Object>getClaim("department").toString()).contains("034");
        assertThat(again.getGroups()).containsExactly("department");
    }

    @Test
    void shouldNeverAnswerOneTokenWithAnotherTokensIdentity() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(realVerifier, 100, clock);
        cache.parse(DevTokens.department("034"));

        assertThat(cache.parse(DevTokens.department("035")).getName()).isEqualTo("dept-035");
        assertThat(cache.parse(DevTokens.reviewer("wang")).getGroups()).containsExactly("reviewer");
        assertThat(verifications).hasValue(3);
    }

    @Test
    void shouldVerifyAgainOnceTheTokenHasExpired() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(realVerifier, 100, clock);
        String token = DevTokens.department("034");
        long exp = cache.parse(token).getExpirationTime();

        clock.at(Instant.ofEpochSecond(exp - 1));
        cache.parse(token);
        assertThat(verifications).hasValue(1);

        clock.at(Instant.ofEpochSecond(exp));
        cache.parse(token);
        assertThat(verifications).as("at its exp the token goes back to the verifier").hasValue(2);
    }

    @Test
    void shouldNeverCacheATokenThatFailedVerification() {
        VerifiedTokenCache cache = new VerifiedTokenCache(realVerifier, 100, clock);
        String forged = DevTokens.signedByUnknownKey("dept-034", "department");
        String expired = DevTokens.expired("dept-034", "department");

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.parse(forged)).isInstanceOf(ParseException.class);
            assertThatThrownBy(() -> cache.parse(expired)).isInstanceOf(ParseException.class);
        }
        assertThat(verifications).hasValue(6);
        assertThat(cache.size()).isZero();
    }

    @Test
    void shouldHoldNoMoreTokensThanItsCapacity() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(realVerifier, 3, clock);
        for (int i = 0; i < 10; i++) {
            cache.parse(DevTokens.department(String.format("%03d", i)));
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void shouldVerifyEveryTimeWhenTurnedOff() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(realVerifier, 0, clock);
        String token = DevTokens.department("034");
        cache.parse(token);
        cache.parse(token);
        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    private static JWTAuthContextInfo context() {
        try (InputStream in = VerifiedTokenCacheTest.class.getClassLoader().getResourceAsStream("jixiao/dev-jwt-public.pem")) {
            String base64 = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            JWTAuthContextInfo info = new JWTAuthContextInfo(key, DevTokens.ISSUER);
            info.setExpectedAudience(Set.of(DevTokens.AUDIENCE));
            return info;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void at(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
