package org.jixiao.common.security;

import java.util.Arrays;
import java.util.List;

/**
 * Refuses to start a service in production with the development token key. The development key is
 * trusted only in the {@code local} profile (what deploy/local/up.sh runs), in tests and in dev mode; any other
 * profile — {@code java -jar quarkus-run.jar} runs {@code prod} — must name the issuer's key.
 */
public final class ProductionSettings {
    private static final List<String> DEVELOPMENT_PROFILES = List.of("local", "test", "dev", "docker");

    private ProductionSettings() {
    }

    /** Called by each service's main before Quarkus starts; exits with a one-line message when unset. */
    public static void requireTokenIssuer() {
        String problem = tokenIssuerProblem(activeProfiles(), System.getenv("JWT_PUBLIC_KEY_LOCATION"),
                System.getenv("JWT_ISSUER"));
        if (problem != null) {
            System.err.println(problem);
            System.exit(1);
        }
    }

    /** The message a misconfigured start prints, or null when the settings are fine. */
    static String tokenIssuerProblem(List<String> profiles, String keyLocation, String issuer) {
        if (profiles.stream().anyMatch(DEVELOPMENT_PROFILES::contains)) {
            return null;
        }
        if (blank(keyLocation) || blank(issuer)) {
            return "jixiao: refusing to start in profile " + String.join(",", profiles) + ": set JWT_PUBLIC_KEY_LOCATION"
                    + " (PEM or JWKS URL of your OIDC issuer) and JWT_ISSUER; the development key is trusted only with"
                    + " -Dquarkus.profile=local";
        }
        return null;
    }

    private static List<String> activeProfiles() {
        String profile = System.getProperty("quarkus.profile");
        if (blank(profile)) {
            profile = System.getenv("QUARKUS_PROFILE");
        }
        return blank(profile) ? List.of("prod") : Arrays.stream(profile.split(",")).map(String::trim).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
