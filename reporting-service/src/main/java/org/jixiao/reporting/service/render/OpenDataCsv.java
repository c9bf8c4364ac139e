package org.jixiao.reporting.service.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jixiao.reporting.service.OpenDataService;

/** open-data.csv: one row per indicator (三级指标) of every published project, UTF-8 with a byte-order mark. */
public final class OpenDataCsv {
    static final List<String> HEADER = List.of("budgetYear", "version", "seq", "projectId", "budgetUnitCode", "budgetUnitName",
            "projectName", "amount", "revision", "indicatorIndex", "level1", "level2", "indicatorName", "target", "valueBasis", "note",
            "kind", "operator", "value", "upperValue", "unit", "deadline");

    private OpenDataCsv() {
    }

    public static void write(OpenDataService.OpenData data, OutputStream out) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            w.write(String.join(",", HEADER) + "\r\n");
            for (OpenDataService.Project p : data.projects()) {
                for (OpenDataService.Target t : p.targets()) {
                    List<String> cells = new ArrayList<>(List.of(Integer.toString(data.budgetYear()), Integer.toString(data.version()),
                            Integer.toString(p.seq()), p.projectId().toString()));
                    cells.add(SummaryTable.csv(p.budgetUnitCode()));
                    cells.add(SummaryTable.csv(p.budgetUnitName()));
                    cells.add(SummaryTable.csv(p.projectName()));
                    cells.add(p.amount());
                    cells.add(Integer.toString(p.revision()));
                    cells.add(Integer.toString(t.index()));
                    for (String v : new String[] {t.level1(), t.level2(), t.name(), t.target(), t.valueBasis(), t.note()}) {
                        cells.add(SummaryTable.csv(v));
                    }
                    OpenDataService.Meaning m = t.meaning();
                    for (String v : m == null ? new String[6]
                            : new String[] {m.kind(), m.operator(), m.value(), m.upperValue(), m.unit(), m.deadline()}) {
                        cells.add(SummaryTable.csv(v));
                    }
                    w.write(String.join(",", cells) + "\r\n");
                }
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
