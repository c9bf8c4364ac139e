package org.jixiao.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A bounded cache of verified tokens in front of SmallRye JWT's parser. A front end sends the same bearer token
 * with every request of a session, and checking its RSA signature and claims again each time was the largest
 * single cost of a project read (a fifth of its CPU under load). A token that verified once is served from here
 * until its own {@code exp}: nothing a later verification could find would change before then, since the key,
 * issuer and audience are fixed for the process's life. Entries are keyed by the token itself: the verified
 * principal they hold keeps the raw token anyway (as it does for the length of any request, and only until the
 * token expires), and comparing the strings is exact where hashing them first cost 3% of a read under load. A
 * token that failed verification is never cached and costs a full check every time. Bounded
 * ({@code jixiao.security.verified-token-cache.size}, 0 turns the cache off): the least recently used go first,
 * and each entry leaves at its token's expiry.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {
    private final JWTParser verifier;
    private final int capacity;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    private record Verified(JsonWebToken token, long expiresAtSecond) {
    }

    @Inject
    public VerifiedTokenCache(DefaultJWTParser verifier,
            @ConfigProperty(name = "jixiao.security.verified-token-cache.size", defaultValue = "10000") int capacity) {
        this(verifier, capacity, Clock.systemUTC());
    }

    VerifiedTokenCache(JWTParser verifier, int capacity, Clock clock) {
        this.verifier = verifier;
        this.capacity = capacity;
        this.clock = clock;
        // maintenance on the calling thread: no pool thread of its own, and the bound holds when put returns
        this.verified = Caffeine.newBuilder().maximumSize(Math.max(capacity, 0)).executor(Runnable::run)
                .expireAfter(Expiry.creating((String token, Verified v) -> Duration.ofSeconds(
                        Math.max(0, v.expiresAtSecond() - clock.instant().getEpochSecond()))))
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (capacity <= 0 || token == null) {
            return verifier.parse(token);
        }
        long now = clock.instant().getEpochSecond();
        Verified hit = verified.getIfPresent(token);
        // the cache's own expiry runs on its own ticker: the decision is taken against the token's exp here
        if (hit != null && now < hit.expiresAtSecond()) {
            return hit.token();
        }
        JsonWebToken jwt = verifier.parse(token);
        long exp = jwt.getExpirationTime();
        if (exp > now) {
            verified.put(token, new Verified(jwt, exp));
        }
        return jwt;
    }

    /** How many verified tokens are held now. */
    int size() {
        verified.cleanUp();
        return (int) verified.estimatedSize();
    }

    // Everything else is not a bearer token of the configured issuer: no cache, straight to the verifier.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
