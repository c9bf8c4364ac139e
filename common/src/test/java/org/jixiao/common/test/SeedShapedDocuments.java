package org.jixiao.common.test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Test data: any number of interchange documents shaped like the seed's (same texts and indicator
 * tables, cycled), each with its own externalRef and a varied funding. Written as NDJSON on the fly,
 * so a 10,000-document request never exists as one string.
 */
public final class SeedShapedDocuments {
    private final ArrayNode seed = SeedFixtures.projects();
    private final String prefix;
    private final int budgetYear;

    public SeedShapedDocuments(String prefix, int budgetYear) {
        this.prefix = prefix;
        this.budgetYear = budgetYear;
    }

    public ObjectNode document(int i) {
        ObjectNode doc = (ObjectNode) seed.get(i % seed.size()).deepCopy();
        doc.put("externalRef", prefix + "-" + i);
        doc.put("budgetYear", budgetYear);
        doc.put("name", doc.get("name").asText() + "（" + i + "）");
        Random r = new Random(i);
        doc.put("funding", (100_000 + r.nextInt(90_000_000)) + "." + String.format("%02d", r.nextInt(100)));
        return doc;
    }

    public void writeNdjson(int count, OutputStream out) throws IOException {
        for (int i = 0; i < count; i++) {
            out.write(document(i).toString().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
    }
}
