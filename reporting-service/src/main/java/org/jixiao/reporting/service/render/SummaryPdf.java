package org.jixiao.reporting.service.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jixiao.reporting.domain.Summary;

/**
 * 绩效目标情况表 as PDF drawn page by page with PDFBox: a 10,000-row table would exhaust a small heap
 * in an HTML layout engine, which keeps the whole box tree; here each page is written and left behind, its
 * content in a scratch file rather than the heap, and the rows can come one at a time from a cursor
 * ({@link #start}, {@link #row}, {@link #finish}).
 */
final class SummaryPdf implements AutoCloseable {
    private static final float MARGIN = 34f;
    private static final float[] WIDTHS = {0.08f, 0.36f, 0.38f, 0.18f};
    private static final float SIZE = 9f;
    private static final float LEADING = 12f;
    private static final float PAD = 3f;

    private final PDDocument doc;
    private final PDType0Font font;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private final java.util.Map<Integer, Boolean> encodable = new java.util.HashMap<>();
    private PDPageContentStream page;
    private float y;

    private SummaryPdf(PDDocument doc, PDType0Font font) {
        this.doc = doc;
        this.font = font;
    }

    static void write(Summary s, java.io.File fontFile, OutputStream out) {
        try (SummaryPdf pdf = start(s.title(), s.unit(), fontFile)) {
            for (Summary.Row r : s.rows()) {
                pdf.row(r);
            }
            pdf.finish(s.totalRow(), s.total(), out);
        }
    }

    /** A document with its title, unit and header drawn; {@link #close} it whatever happens. */
    static SummaryPdf start(String title, String unit, java.io.File fontFile) {
        // a year at province scale is ~800 pages: their content streams go to a temporary file, not the heap
        PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        try {
            SummaryPdf pdf = new SummaryPdf(doc, PDType0Font.load(doc, fontFile));
            pdf.newPage();
            pdf.centered(title, 15f);
            pdf.y -= 22f;
            pdf.right("单位：" + unit, SIZE);
            pdf.y -= 8f;
            pdf.header();
            return pdf;
        } catch (IOException | RuntimeException e) {
            IOUtils.closeQuietly(doc);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    void row(Summary.Row r) {
        try {
            row(new String[] {Integer.toString(r.seq()), r.budgetUnitCode() + "-" + r.budgetUnitName(), r.projectName(),
                    r.amount().toPlainString()}, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void finish(boolean totalRow, BigDecimal total, OutputStream out) {
        try {
            if (totalRow) {
                row(new String[] {"合计", "", "", total.toPlainString()}, true);
            }
            page.close();
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        IOUtils.closeQuietly(doc);
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        page = new PDPageContentStream(doc, p);
        page.setLineWidth(0.6f);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void header() throws IOException {
        row(new String[] {"序号", "预算单位", "项目名称", "预算金额"}, false);
    }

    private void row(String[] cells, boolean total) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        int height = 1;
        for (int c = 0; c < cells.length; c++) {
            List<String> wrapped = wrap(cells[c], WIDTHS[c] * width - 2 * PAD);
            lines.add(wrapped);
            height = Math.max(height, wrapped.size());
        }
        float h = height * LEADING + 2 * PAD;
        if (y - h < MARGIN) {
            newPage();
            header();
        }
        float x = MARGIN;
        for (int c = 0; c < cells.length; c++) {
            float w = WIDTHS[c] * width;
            page.addRect(x, y - h, w, h);
            float ty = y - PAD - SIZE;
            for (String line : lines.get(c)) {
                float tx = c == 3 ? x + w - PAD - textWidth(line) : c == 0 ? x + (w - textWidth(line)) / 2 : x + PAD;
                text(line, tx, ty, SIZE);
                ty -= LEADING;
            }
            x += w;
        }
        page.stroke();
        y -= h;
    }

    private List<String> wrap(String text, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (textWidth(line + ch) > max && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(ch);
            i += Character.charCount(cp);
        }
        lines.add(line.toString());
        return lines;
    }

    private float textWidth(String s) throws IOException {
        return font.getStringWidth(printable(s)) / 1000f * SIZE;
    }

    /** Characters the font lacks become '?' instead of failing the whole report. */
    private String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> sb.append(encodable.computeIfAbsent(cp, this::canEncode) ? new String(Character.toChars(cp)) : "?"));
        return sb.toString();
    }

    private boolean canEncode(int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private void text(String s, float x, float y0, float size) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, y0);
        page.showText(printable(s));
        page.endText();
    }

    private void centered(String s, float size) throws IOException {
        float w = font.getStringWidth(printable(s)) / 1000f * size;
        text(s, MARGIN + (width - w) / 2, y - size, size);
    }

    private void right(String s, float size) throws IOException {
        float w = font.getStringWidth(printable(s)) / 1000f * size;
        text(s, MARGIN + width - w, y - size, size);
    }
}
