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

    /**
     * The largest document the API accepts, built on a seed project: every long text at its 20,000-character
     * limit, 200 indicator rows with every cell at its limit (about 2.6 MB of UTF-8).
     */
    public static com.fasterxml.jackson.databind.node.ObjectNode maximal(String externalRef, String newExternalRef) {
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode) project(externalRef);
        doc.put("externalRef", newExternalRef);
        for (String field : java.util.List.of("overview", "basis", "necessity", "safeguards", "implementationPlan", "annualGoal")) {
            doc.put(field, "绩".repeat(20_000));
        }
        doc.put("name", "最".repeat(200));
        ArrayNode rows = doc.putArray("indicators");
        for (int i = 0; i < 200; i++) {
            rows.addObject().put("level1", "产出指标").put("level2", "数量指标")
                    .put("name", (i + "指").repeat(200).substring(0, 200))
                    .put("target", "≥" + i + "所" + "标".repeat(2000 - 3 - String.valueOf(i).length()))
                    .put("valueBasis", "计划标准").put("note", "注".repeat(2000));
        }
        return doc;
    }
}
