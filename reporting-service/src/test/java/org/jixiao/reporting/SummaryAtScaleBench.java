package org.jixiao.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a check of behaviour: the summary XLSX of one budget year of {@code -Dbench.summary.rows}
 * approved projects (written with SQL into the read model, as the events would leave them), timed three times.
 * Run alone, e.g. {@code ./mvnw -B -ntp -o -pl common,reporting-service verify -Dtest=SummaryAtScaleBench
 * -Dbench.summary.rows=100000 -DargLine="-Xmx512m -Xlog:gc:file=target/gc-scale.log"}: the GC log shows the heap
 * live after each collection during the requests. The test JVM also hosts the Kafka broker and Quarkus's test
 * bootstrap, which do not start in the service's 160 MiB, so the figure is an upper bound for the service's.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench.summary.rows", matches = "[0-9]+")
@QuarkusTestResource(value = JixiaoTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "jixiao_reporting_scale"))
class SummaryAtScaleBench {
    static final int YEAR = 2050;

    @Inject
    EntityManager em;

    @Test
    void shouldWriteTheSummaryXlsxOfAProvinceYear() throws Exception {
        int rows = Integer.getInteger("bench.summary.rows");
        long t0 = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into report_project (project_id, budget_year,"
                + " department_code, status, latest_revision, approved_revision, budget_unit_code, budget_unit_name, project_name,"
                + " funding, updated_at) select md5('p' || g)::uuid, " + YEAR + ", lpad((g % 200)::text, 3, '0'), 'APPROVED', 1, 1,"
                + " lpad((g % 200)::text, 3, '0') || lpad((g % 7)::text, 3, '0'), '晋城市城区某预算单位' || (g % 200),"
                + " '城乡义务教育生均公用经费项目第' || g || '号', round(cast(random() * 10000000 as numeric), 2), now() from generate_series(1, " + rows + ") g")
                .executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("analyze report_project").executeUpdate());
        BigDecimal expected = (BigDecimal) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select sum(funding) from report_project where budget_year = " + YEAR).getSingleResult());
        System.out.printf("BENCH summary: %,d rows written in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
        String reviewer = DevTokens.reviewer("r");
        byte[] xlsx = null;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            xlsx = given().auth().oauth2(reviewer).get("/api/v1/reports/summary?budgetYear=" + YEAR + "&format=xlsx")
                    .then().statusCode(200).extract().asByteArray();
            double seconds = (System.nanoTime() - start) / 1e9;
            Runtime rt = Runtime.getRuntime();
            System.out.printf("BENCH summary XLSX of %,d rows: %.2f s (%,.0f rows/s), %,d bytes; heap max %d MiB, used now %d MiB%n",
                    rows, seconds, rows / seconds, xlsx.length, rt.maxMemory() >> 20, (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> sheet = wb.getFirstSheet().read();
            assertThat(sheet).hasSize(3 + rows + 1);
            assertThat(sheet.get(sheet.size() - 1).getCellAsNumber(3).orElseThrow()).isEqualByComparingTo(expected);
        }
    }
}
