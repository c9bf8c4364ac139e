package org.jixiao.common.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table's indicator rows and stops at the 201st: the limit holds while the body is parsed, so a
 * declaration of a million rows costs no more than one of 201.
 */
public final class IndicatorRowsDeserializer extends StdDeserializer<List<ProjectDocument.IndicatorRow>> {
    /** 三级指标 rows one table may have (the seed's largest has 25). */
    public static final int MAX_ROWS = 200;

    public IndicatorRowsDeserializer() {
        super(List.class);
    }

    @Override
    public List<ProjectDocument.IndicatorRow> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.isExpectedStartArrayToken()) {
            return ctxt.reportInputMismatch(this, "indicators must be an array of rows");
        }
        JsonDeserializer<Object> row = ctxt.findRootValueDeserializer(ctxt.constructType(ProjectDocument.IndicatorRow.class));
        List<ProjectDocument.IndicatorRow> rows = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (rows.size() == MAX_ROWS) {
                return ctxt.reportInputMismatch(this, "at most %d indicator rows", MAX_ROWS);
            }
            rows.add(t == JsonToken.VALUE_NULL ? null : (ProjectDocument.IndicatorRow) row.deserialize(p, ctxt));
        }
        return rows;
    }
}
