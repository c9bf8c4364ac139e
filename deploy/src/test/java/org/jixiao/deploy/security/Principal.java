package org.jixiao.deploy.security;

import java.util.Map;
import org.jixiao.common.test.DevTokens;

/**
 * Who calls: five kinds of token every service must refuse (all carry the admin role, so a refusal is about the
 * token, not the role) and the five callers that get in. The owning department is 034, the department of the
 * matrix's project; 038 is another department.
 */
public enum Principal {
    NO_TOKEN, EXPIRED, WRONG_ISSUER, WRONG_AUDIENCE, UNKNOWN_KEY, OWN_DEPARTMENT, OTHER_DEPARTMENT, REVIEWER, ADMIN, INTEGRATION;

    public static final String OWN = "034";
    public static final String OTHER = "038";

    /** Tokens are signed once per run; the unknown key is generated once per run. */
    private static final Map<Principal, String> TOKENS = Map.of(
            EXPIRED, DevTokens.expired("admin", "admin"),
            WRONG_ISSUER, DevTokens.sign("admin", "admin", Map.of("iss", "https://issuer.example/other")),
            WRONG_AUDIENCE, DevTokens.sign("admin", "admin", Map.of("aud", "other")),
            UNKNOWN_KEY, DevTokens.signedByUnknownKey("admin", "admin"),
            OWN_DEPARTMENT, DevTokens.department(OWN),
            OTHER_DEPARTMENT, DevTokens.department(OTHER),
            REVIEWER, DevTokens.reviewer("matrix-reviewer"),
            ADMIN, DevTokens.admin(),
            INTEGRATION, DevTokens.integration());

    /** The bearer token, or null for {@link #NO_TOKEN}. */
    public String token() {
        return TOKENS.get(this);
    }

    /** A token every service must answer 401 to. */
    public boolean unauthenticated() {
        return ordinal() <= UNKNOWN_KEY.ordinal();
    }
}
