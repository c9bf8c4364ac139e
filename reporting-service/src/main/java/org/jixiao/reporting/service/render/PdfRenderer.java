package org.jixiao.reporting.service.render;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jixiao.common.domain.Unavailable;
import org.jixiao.reporting.domain.Summary;

/**
 * HTML → PDF with the embedded, subset Noto Sans SC, so Chinese text stays real text (pdftotext,
 * search, screen readers). Renders are bounded: each one parses the 10 MB font.
 */
@ApplicationScoped
public class PdfRenderer {
    static final String FONT_FAMILY = "Noto Sans SC";
    private final Semaphore slots;
    private final Duration wait;
    private volatile File font;

    public PdfRenderer(@ConfigProperty(name = "jixiao.report.pdf-concurrency", defaultValue = "2") int concurrency,
            @ConfigProperty(name = "jixiao.report.pdf-wait", defaultValue = "10s") Duration wait) {
        this.slots = new Semaphore(concurrency);
        this.wait = wait;
        System.setProperty("java.awt.headless", "true");
    }

    public void render(String xhtml, OutputStream out) {
        inSlot(() -> {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font(), FONT_FAMILY, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        });
    }

    /**
     * The summary drawn as its rows come: {@code rows} hands each row to the consumer it is given, in order, and
     * answers the total for the 合计 row; no more than a row is held apart from the document being written.
     */
    public void renderSummary(String title, String unit, Function<Consumer<Summary.Row>, BigDecimal> rows, OutputStream out) {
        inSlot(() -> {
            try (SummaryPdf pdf = SummaryPdf.start(title, unit, font())) {
                pdf.finish(true, rows.apply(pdf::row), out);
            }
        });
    }

    /** The year's summary, drawn page by page (see SummaryPdf); bounded like the HTML renders. */
    public void renderSummary(Summary summary, OutputStream out) {
        inSlot(() -> SummaryPdf.write(summary, font(), out));
    }

    /** A drawing that writes to a stream. */
    private interface Drawing {
        void draw() throws IOException;
    }

    /** Every render holds a slot for as long as it draws, whatever it draws. */
    private void inSlot(Drawing drawing) {
        acquireSlot();
        try {
            drawing.draw();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            slots.release();
        }
    }

    /**
     * Requests beyond the slots would otherwise queue without end, each holding a worker thread and a
     * connection: after {@code wait} the client hears 503 and retries, which it can do better than we can.
     */
    void acquireSlot() {
        try {
            if (!slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Unavailable("renderer-busy", "every PDF renderer is busy; retry in a few seconds",
                        Math.max(1, wait.toSeconds()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to render", e);
        }
    }

    void releaseSlot() {
        slots.release();
    }

    /** The font leaves the jar once per process; PDFBox reads it from a file. */
    File font() throws IOException {
        if (font == null) {
            synchronized (this) {
                if (font == null) {
                    Path dir = Files.createTempDirectory("jixiao-fonts");
                    System.setProperty("pdfbox.fontcache", dir.toString());
                    Path file = dir.resolve("NotoSansSC_400Regular.ttf");
                    try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream("fonts/NotoSansSC_400Regular.ttf")) {
                        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                    file.toFile().deleteOnExit();
                    dir.toFile().deleteOnExit();
                    font = file.toFile();
                }
            }
        }
        return font;
    }
}
