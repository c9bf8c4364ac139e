package org.jixiao.reporting.service.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jixiao.common.domain.Unavailable;
import org.jixiao.reporting.domain.Summary;
import org.junit.jupiter.api.Test;

class ExportGuardsTest {

    @Test
    void shouldNeutraliseEveryFormulaLeadInTheCsvIncludingATabAndACarriageReturn() {
        List<String> names = List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=cmd", "\r=cmd", "普通项目");
        List<Summary.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rows.add(new Summary.Row(i + 1, "034001", "教育局", UUID.randomUUID(), names.get(i), BigDecimal.ONE));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryTable.csv(new Summary("表", "元", 2025, rows, BigDecimal.TEN), out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).contains(",'=1+1,", ",'+1,", ",'-1,", ",'@SUM(A1),", ",'\t=cmd,", ",\"'\r=cmd\",", ",普通项目,");
    }

    @Test
    void shouldAnswerUnavailableWithRetryAfterWhenNoRendererFreesUpInTime() {
        PdfRenderer renderer = new PdfRenderer(1, Duration.ofMillis(200));
        renderer.acquireSlot();
        long started = System.nanoTime();
        assertThatThrownBy(renderer::acquireSlot).isInstanceOfSatisfying(Unavailable.class, e -> {
            assertThat(e.code()).isEqualTo("renderer-busy");
            assertThat(e.retryAfterSeconds()).isPositive();
        });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        renderer.releaseSlot();
        renderer.acquireSlot();
    }
}
