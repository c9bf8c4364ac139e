package org.jixiao.common.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;

/** The 21 seed projects of the 2025 晋城市城区 document (seed/seed-2025-projects.json in jixiao-common). */
public final class SeedFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SeedFixtures() {
    }

    public static JsonNode file() {
        try (InputStream in = SeedFixtures.class.getClassLoader().getResourceAsStream("seed/seed-2025-projects.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ArrayNode projects() {
        return (ArrayNode) file().get("projects");
    }

    /** One seed project by its externalRef, e.g. JC-CQ-2025-002. */
    public static JsonNode project(String externalRef) {
        for (JsonNode p : projects()) {
            if (p.get("externalRef").asText().equals(externalRef)) {
                return p.deepCopy();
            }
        }
        throw new IllegalArgumentException(externalRef);
    }
}
