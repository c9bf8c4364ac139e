package org.jixiao.common.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A bounded cache of verified tokens in front of SmallRye JWT's parser. A front end sends the same bearer token
 * with every request of a session, and checking its RSA signature and claims again each time was the largest
 * single cost of a project read (a fifth of its CPU under load). A token that verified once is served from here
 * until its own {@code exp}: nothing a later verification could find would change before then, since the key,
 * issuer and audience are fixed for the process's life. Entries are keyed by the token's SHA-256 (the verified
 * principal they hold keeps its raw token, as it does for the length of any request, and only until the token
 * expires); a token that failed verification is never cached and costs a full check every time. When the cache is full, expired entries go first and, if that frees nothing, all of them (the next
 * requests verify again): simple, and the bound ({@code jixiao.security.verified-token-cache.size}, 0 turns the
 * cache off) holds.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {
    private final JWTParser verifier;
    private final int capacity;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

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
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (capacity <= 0 || token == null) {
            return verifier.parse(token);
        }
        String key = sha256(token);
        long now = clock.instant().getEpochSecond();
        Verified hit = verified.get(key);
        if (hit != null && now < hit.expiresAtSecond()) {
            return hit.token();
        }
        JsonWebToken jwt = verifier.parse(token);
        long exp = jwt.getExpirationTime();
        if (exp > now) {
            makeRoom(now);
            verified.put(key, new Verified(jwt, exp));
        }
        return jwt;
    }

    /** How many verified tokens are held now. */
    int size() {
        return verified.size();
    }

    private void makeRoom(long now) {
        if (verified.size() < capacity) {
            return;
        }
        verified.values().removeIf(v -> v.expiresAtSecond() <= now);
        if (verified.size() >= capacity) {
            verified.clear();
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
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
