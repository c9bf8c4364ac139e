package org.jixiao.common.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the published tables back the way a person or a tool would: the PDF's text layer (per table
 * column, so wrapped cells stay contiguous) and the XLSX cells, and checks that a project's every field
 * and indicator row is there verbatim and in order.
 */
public final class ReportContents {
    /** The 项目支出绩效目标表's columns in PDF points (A4, 12 mm margins, widths 16/14/18/30/22 %). */
    private static final double LEFT = 34.02;
    private static final double WIDTH = 595.28 - 2 * 34.02;
    private static final double[] COLUMNS = {0.16, 0.14, 0.18, 0.30, 0.22};

    private ReportContents() {
    }

    static String squeeze(String s) {
        return s == null ? "" : s.replaceAll("\\s", "");
    }

    /** Whole-document text, white space removed. */
    public static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return squeeze(new PDFTextStripper().getText(doc));
        }
    }

    /** Text of one column band (0–4) over all pages, or of bands from..to together, white space removed. */
    public static String pdfColumns(byte[] pdf, int from, int to) throws Exception {
        double x = LEFT;
        for (int i = 0; i < from; i++) {
            x += COLUMNS[i] * WIDTH;
        }
        double w = 0;
        for (int i = from; i <= to; i++) {
            w += COLUMNS[i] * WIDTH;
        }
        StringBuilder sb = new StringBuilder();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDFTextStripperByArea area = new PDFTextStripperByArea();
                area.setSortByPosition(true);
                area.addRegion("c", new Rectangle2D.Double(x + 1, 0, w - 2, page.getMediaBox().getHeight()));
                area.extractRegions(page);
                sb.append(area.getTextForRegion("c"));
            }
        }
        return squeeze(sb.toString());
    }

    /** Every field and every indicator row of {@code project} in the PDF, verbatim and in printed order. */
    public static void assertPdfHoldsProject(byte[] pdf, JsonNode project) throws Exception {
        String wide = pdfColumns(pdf, 1, 4);
        String ref = project.get("externalRef").asText();
        inOrder(wide, ref + " fields", List.of(project.get("name").asText(),
                project.get("departmentCode").asText() + "-" + project.get("departmentName").asText(),
                project.get("attribute").asText(), text(project, "overview"), text(project, "basis"),
                text(project, "necessity"), text(project, "safeguards"), text(project, "implementationPlan"),
                text(project, "annualGoal")));
        String all = pdfText(pdf);
        assertThat(all).as(ref + " 实施单位/项目资金").contains(squeeze(text(project, "implementingUnit")))
                .contains(project.get("funding").asText());
        List<String> names = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (JsonNode r : project.get("indicators")) {
            names.add(r.get("name").asText());
            targets.add(r.get("target").asText());
        }
        inOrder(pdfColumns(pdf, 3, 3), ref + " 三级指标", names);
        inOrder(pdfColumns(pdf, 4, 4), ref + " 指标值", targets);
    }

    /** Every field and indicator row of {@code project} in the XLSX, cell by cell, in order; funding a number. */
    public static void assertXlsxHoldsProject(byte[] xlsx, JsonNode project) throws Exception {
        List<List<String>> cells = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : wb.getFirstSheet().read()) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < 5; c++) {
                    org.dhatim.fastexcel.reader.Cell cell = c < row.getCellCount() ? row.getCell(c) : null;
                    boolean empty = cell == null || cell.getType() == org.dhatim.fastexcel.reader.CellType.EMPTY;
                    values.add(empty ? null : (cell.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER ? "#" : "")
                            + cell.getText());
                }
                cells.add(values);
            }
        }
        String ref = project.get("externalRef").asText();
        List<String> column1 = cells.stream().map(r -> r.get(1)).filter(v -> v != null).toList();
        inOrderExact(column1, ref + " fields", List.of(project.get("name").asText(),
                project.get("departmentCode").asText() + "-" + project.get("departmentName").asText(),
                project.get("attribute").asText(), text(project, "overview"), text(project, "basis"),
                text(project, "necessity"), text(project, "safeguards"), text(project, "implementationPlan"),
                text(project, "annualGoal"), text(project, "implementingUnit")));
        List<String> names = cells.stream().map(r -> r.get(3)).filter(v -> v != null).toList();
        List<String> targets = cells.stream().map(r -> r.get(4)).filter(v -> v != null).toList();
        List<String> expectedNames = new ArrayList<>(List.of("三级指标"));
        List<String> expectedTargets = new ArrayList<>(List.of("指标值"));
        for (JsonNode r : project.get("indicators")) {
            expectedNames.add(r.get("name").asText());
            expectedTargets.add(r.get("target").asText());
        }
        assertThat(names).as(ref + " 三级指标").containsExactlyElementsOf(expectedNames);
        assertThat(targets).as(ref + " 指标值").containsExactlyElementsOf(expectedTargets);
        List<String> last = cells.get(cells.size() - 1);
        assertThat(last.get(0)).isEqualTo("项目资金（元）");
        assertThat(last.get(1)).as(ref + " funding is a number cell").startsWith("#");
        assertThat(new java.math.BigDecimal(last.get(1).substring(1))).as(ref + " funding")
                .isEqualByComparingTo(project.get("funding").asText());
    }

    private static String text(JsonNode project, String field) {
        return project.hasNonNull(field) ? project.get(field).asText() : "";
    }

    private static void inOrder(String haystack, String what, List<String> needles) {
        int at = 0;
        for (String n : needles) {
            String s = squeeze(n);
            int found = haystack.indexOf(s, at);
            assertThat(found).as(what + ": '" + n + "' not found (in order) in " + abbreviate(haystack, at)).isGreaterThanOrEqualTo(0);
            at = found + s.length();
        }
    }

    private static void inOrderExact(List<String> cells, String what, List<String> values) {
        int at = 0;
        for (String v : values) {
            int found = cells.subList(at, cells.size()).indexOf(v);
            assertThat(found).as(what + ": cell '" + v + "' not found (in order) among " + cells.stream()
                    .map(c -> c.length() > 20 ? c.substring(0, 20) + "…" : c).collect(Collectors.joining(" | "))).isGreaterThanOrEqualTo(0);
            at += found + 1;
        }
    }

    private static String abbreviate(String s, int from) {
        String rest = s.substring(Math.min(from, s.length()));
        return rest.length() > 300 ? rest.substring(0, 300) + "…" : rest;
    }
}
