package org.jixiao.common.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Signs development JWTs with the committed development key. Tests use it directly; the command line
 * form backs deploy/local/token.sh and needs nothing but a JDK (java DevTokens.java KEY ROLE [DEPT]).
 * Production verifies tokens of a real issuer instead (mp.jwt.verify.publickey.location).
 */
public final class DevTokens {
    public static final String ISSUER = "https://jixiao.dev/local";
    /** The audience every service verifies (JWT_AUDIENCE, default jixiao). */
    public static final String AUDIENCE = "jixiao";
    /** Signs tokens only the local and test profiles trust; never used by a service artifact. */
    private static final String CLASSPATH_KEY = "jixiao/DEVELOPMENT-ONLY-jwt-private.pem";

    private DevTokens() {
    }

    public static String department(String code) {
        return sign("dept-" + code, "department", Map.of("department", code));
    }

    public static String reviewer(String name) {
        return sign(name, "reviewer", Map.of());
    }

    public static String admin() {
        return sign("admin", "admin", Map.of());
    }

    public static String integration() {
        return sign("provincial-platform", "integration", Map.of());
    }

    public static String sign(String subject, String role, Map<String, String> claims) {
        try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream(CLASSPATH_KEY)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_KEY + " is not on the class path");
            }
            return sign(new String(in.readAllBytes(), StandardCharsets.US_ASCII), subject, role, claims, 12 * 3600);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token of the development key whose lifetime ended an hour ago (well past any clock skew allowance). */
    public static String expired(String subject, String role) {
        try (InputStream in = DevTokens.class.getClassLoader().getResourceAsStream(CLASSPATH_KEY)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_KEY + " is not on the class path");
            }
            return sign(new String(in.readAllBytes(), StandardCharsets.US_ASCII), subject, role, Map.of(), -3600);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A well-formed token with the right issuer and audience, signed by a key no service trusts. */
    public static String signedByUnknownKey(String subject, String role) {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String pem = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
            return sign(pem, subject, role, Map.of(), 12 * 3600);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signs with the given PKCS#8 key; {@code claims} may override iss, aud and the others except iat, exp
     * and jti, and a negative lifetime gives a token that expired that many seconds ago.
     */
    public static String sign(String privateKeyPem, String subject, String role, Map<String, String> claims,
            long lifetimeSeconds) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("iss", ISSUER);
        payload.put("sub", subject);
        payload.put("upn", subject);
        payload.put("aud", AUDIENCE);
        payload.put("groups", new String[] {role});
        payload.putAll(claims);
        payload.put("iat", lifetimeSeconds < 0 ? now + 2 * lifetimeSeconds : now);
        payload.put("exp", now + lifetimeSeconds);
        payload.put("jti", UUID.randomUUID().toString());
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String body = b64(toJson(payload));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey(privateKeyPem));
            rsa.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
            return header + "." + body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign development token", e);
        }
    }

    private static PrivateKey privateKey(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String toJson(Map<String, Object> map) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(quote(e.getKey())).append(':');
            Object v = e.getValue();
            if (v instanceof String[] list) {
                sb.append('[');
                for (int i = 0; i < list.length; i++) {
                    sb.append(i > 0 ? "," : "").append(quote(list[i]));
                }
                sb.append(']');
            } else if (v instanceof Number) {
                sb.append(v);
            } else {
                sb.append(quote(String.valueOf(v)));
            }
        }
        return sb.append('}').toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Usage: DevTokens PRIVATE_KEY_PEM ROLE [DEPARTMENT] [name=value ...] */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: token.sh ROLE [DEPARTMENT] [claim=value ...]   roles: department reviewer admin integration");
            System.exit(2);
        }
        String pem = Files.readString(Path.of(args[0]));
        String role = args[1];
        Map<String, String> claims = new LinkedHashMap<>();
        String subject = role;
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq > 0) {
                claims.put(args[i].substring(0, eq), args[i].substring(eq + 1));
            } else {
                claims.put("department", args[i]);
            }
        }
        if ("department".equals(role)) {
            if (!claims.containsKey("department")) {
                System.err.println("a department token needs the department code, e.g. token.sh department 034");
                System.exit(2);
            }
            subject = "dept-" + claims.get("department");
        }
        subject = claims.getOrDefault("sub", subject);
        claims.remove("sub");
        System.out.println(sign(pem, subject, role, claims, 12 * 3600));
    }
}
