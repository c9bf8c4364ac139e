package org.jixiao.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.hibernate.SessionFactory;
import org.jixiao.common.contract.Json;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.RecordedSql;
import org.jixiao.reporting.domain.Summary;
import org.jixiao.reporting.rest.ReportResource;
import org.jixiao.reporting.service.render.SummaryTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reads of a whole budget year — the summary in every format, the statistics, the coverage of a publication
 * list and the 双监控 year view as XLSX — over more rows than one fetch batch (500): complete, in the bureau's order,
 * exactly totalled, and read without loading a project entity (or a statement) per row. The rows are written
 * straight into the read model, which is what the events would have left there; its own database (a resource
 * restricted to this class), since a rebuild in another test would find no events for them.
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "database", value = "jixiao_reporting_years"))
class YearReadsTest {
    static final String REVIEWER = DevTokens.reviewer("r");
    static final int APPROVED_YEAR = 2047;
    static final int APPROVED = 1_234;
    static final int STATISTICS_YEAR = 2048;
    static final int MONITORING_YEAR = 2049;
    static final int MONITORED = 1_234;

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    SessionFactory sessions;

    static boolean seeded;
    static List<Summary.Row> approvedRows;
    static List<Summary.Row> submittedRows;

    /**
     * In the bureau's order; codes are digits and names share a prefix, so every collation agrees; equal names by id
     * as PostgreSQL orders a uuid (its text, not Java's signed comparison).
     */
    static final Comparator<Summary.Row> BUREAU_ORDER = Comparator
            .comparing((Summary.Row r) -> r.budgetUnitCode() == null ? "" : r.budgetUnitCode())
            .thenComparing(Summary.Row::projectName).thenComparing(r -> r.projectId().toString());

    static UUID id(String kind, int i) {
        return UUID.nameUUIDFromBytes((kind + "-" + i).getBytes(StandardCharsets.UTF_8));
    }

    /** Exact decimals with one, two or no places; a few large enough that a double would lose the fen. */
    static BigDecimal funding(int i) {
        return switch (i % 4) {
            case 0 -> new BigDecimal(i * 1000L);
            case 1 -> new BigDecimal(i + "123456789.01");
            case 2 -> new BigDecimal(i * 37L + ".5");
            default -> new BigDecimal(i * 13L + ".07");
        };
    }

    static OffsetDateTime at(int day, int millis) {
        return OffsetDateTime.of(2048, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC).plusDays(day).plusNanos(millis * 1_000_317L);
    }

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            approvedRows = new ArrayList<>();
            for (int i = 0; i < APPROVED; i++) {
                // 034 and 038; every 9th approved project's newer revision awaits a decision (still in the approved summary)
                String department = i % 3 == 0 ? "038" : "034";
                String code = department + String.format("%03d", i % 17);
                String name = "项目" + String.format("%05d", (i * 37) % 1000);
                approvedRows.add(new Summary.Row(0, code, "单位" + code, id("a", i), name, funding(i)));
                insertProject(id("a", i), APPROVED_YEAR, department, i % 9 == 0 ? "SUBMITTED" : "APPROVED",
                        i % 9 == 0 ? 2 : 1, 1, code, "单位" + code, name, funding(i), null, null);
                if (i < 2) { // the two the publication lists: a version freezes the approved document
                    insertDocument(id("a", i), 1, document(APPROVED_YEAR, department, "部门", code, "单位" + code, name,
                            funding(i).toPlainString(), List.of()));
                }
            }
            // neither the approved summary nor a year's other reads may pick these up
            insertProject(id("other-year", 0), APPROVED_YEAR + 10, "034", "APPROVED", 1, 1, "034001", "单位", "项目", BigDecimal.TEN, null, null);
            // SUBMITTED: their latest revision's document; a missing funding or document leaves a project out
            submittedRows = new ArrayList<>();
            for (int i = 0; i < 620; i++) {
                UUID id = id("s", i);
                String code = i % 50 == 1 ? null : "112" + String.format("%03d", i % 11);
                String unitName = i % 7 == 0 ? null : "单位" + code;
                String name = "申报" + String.format("%05d", (i * 13) % 400);
                String funding = i % 31 == 0 ? null : funding(i).toPlainString();
                insertProject(id, APPROVED_YEAR, "112", i % 5 == 0 ? "RETURNED" : "SUBMITTED", 2, null, null, null, null, null, null, null);
                if (i % 97 != 0) {
                    insertDocument(id, 2, document(APPROVED_YEAR, "112", "住建局", code, unitName, name, funding, List.of()));
                }
                if (i % 5 != 0 && funding != null && i % 97 != 0) {
                    submittedRows.add(new Summary.Row(0, code, unitName != null ? unitName : "住建局", id, name, new BigDecimal(funding)));
                }
            }
            seedStatistics();
            em.createNativeQuery("insert into monitoring_report (project_id, period, report_revision, approved_revision, budget_year,"
                    + " department_code, department_name, project_name, as_of, final_report, overall, funding, spent, execution_rate,"
                    + " time_progress, lag_points, budget_status, on_track_rows, at_risk_rows, off_track_rows, not_assessable_rows,"
                    + " score_total, grade, assessed_at, content)"
                    + " select md5('m' || g)::uuid, '2049-0' || (1 + g % 3), 1, 1, 2049, case when g % 4 = 0 then '038' else '034' end,"
                    + " '部门', '监控项目' || lpad(g::text, 5, '0'), date '2049-03-31', false,"
                    + " (array['ON_TRACK','AT_RISK','OFF_TRACK','NOT_ASSESSABLE'])[1 + g % 4], 1000 + g, g, 0.1, 0.25,"
                    + " (g % 50) / 10.0, 'ON_TRACK', g % 3, g % 5, g % 7, 0, null, null, now(), '{}'"
                    + " from generate_series(1, " + MONITORED + ") g").executeUpdate();
        });
        seeded = true;
    }

    /** Projects with documents, findings, quantified targets and lead times, for the dashboard's statistics. */
    void seedStatistics() {
        String[][] levels = {{"产出指标", "数量指标"}, {"产出指标", "质量指标"}, {"效益指标", "社会效益指标"}, {"满意度指标", "服务对象满意度指标"}};
        for (int i = 0; i < 60; i++) {
            UUID id = id("stat", i);
            String department = List.of("041", "034", "194").get(i % 3);
            boolean approved = i % 4 != 3;
            int latest = i % 6 == 0 ? 2 : 1;
            List<ProjectDocument.IndicatorRow> rows = new ArrayList<>();
            for (int r = 0; r < 1 + i % 5; r++) {
                String[] level = levels[(i + r * r) % levels.length];
                rows.add(new ProjectDocument.IndicatorRow(level[0], level[1], "指标" + r, "≥" + r, null, null));
            }
            insertProject(id, STATISTICS_YEAR, department, approved ? (latest == 2 ? "SUBMITTED" : "APPROVED") : "RETURNED", latest,
                    approved ? 1 : null, "041001", "单位", "统计" + i, funding(i), approved && i % 5 != 0 ? at(i % 9, i * 7) : null,
                    approved && i % 5 != 0 ? at(i % 9 + i % 4, i * 7919) : null);
            for (int revision = 1; revision <= latest; revision++) {
                if (i % 29 != 28) {
                    insertDocument(id, revision, document(STATISTICS_YEAR, department, "部门" + department, "041001", null,
                            "统计" + i, i % 10 == 0 ? null : funding(i + revision).toPlainString(), rows));
                }
                String findings = i % 2 == 0 ? "[]" : "[{\"code\":\"F" + (i % 4) + "\",\"severity\":\"" + (i % 3 == 0 ? "ERROR" : "WARNING")
                        + "\"},{\"code\":\"F9\",\"severity\":\"INFO\"}]";
                em.createNativeQuery("insert into report_findings (project_id, revision, findings, targets, quantified_targets)"
                        + " values (:p, :r, :f, :t, :q)").setParameter("p", id).setParameter("r", revision).setParameter("f", findings)
                        .setParameter("t", i % 8 == 0 ? null : rows.size()).setParameter("q", i % 8 == 0 ? null : rows.size() / 2)
                        .executeUpdate();
            }
        }
    }

    ProjectDocument document(int year, String department, String departmentName, String code, String unitName, String name,
            String funding, List<ProjectDocument.IndicatorRow> rows) {
        return new ProjectDocument(null, year, name, department, departmentName, code, unitName, "经常性项目（长期开展）", null, null,
                null, null, null, null, null, funding, rows);
    }

    void insertDocument(UUID id, int revision, ProjectDocument d) {
        em.createNativeQuery("insert into report_revision (project_id, revision, document) values (:p, :r, :d)")
                .setParameter("p", id).setParameter("r", revision).setParameter("d", Json.write(json, d)).executeUpdate();
    }

    void insertProject(UUID id, int year, String department, String status, int latest, Integer approved, String code,
            String unitName, String name, BigDecimal funding, OffsetDateTime submittedAt, OffsetDateTime approvedAt) {
        em.createNativeQuery("insert into report_project (project_id, budget_year, department_code, status, latest_revision,"
                + " approved_revision, budget_unit_code, budget_unit_name, project_name, funding, approved_submitted_at, approved_at,"
                + " updated_at) values (:id, :y, :d, :s, :l, :a, :c, :u, :n, cast(cast(:f as text) as numeric), :sa, :aa, now())")
                .setParameter("id", id).setParameter("y", year).setParameter("d", department).setParameter("s", status)
                .setParameter("l", latest).setParameter("a", approved).setParameter("c", code).setParameter("u", unitName)
                .setParameter("n", name).setParameter("f", funding == null ? null : funding.toPlainString())
                .setParameter("sa", submittedAt).setParameter("aa", approvedAt).executeUpdate();
    }

    static Summary expected(int year, List<Summary.Row> rows) {
        List<Summary.Row> sorted = rows.stream().sorted(BUREAU_ORDER).toList();
        List<Summary.Row> numbered = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (Summary.Row r : sorted) {
            numbered.add(new Summary.Row(numbered.size() + 1, r.budgetUnitCode(), r.budgetUnitName(), r.projectId(), r.projectName(),
                    r.amount()));
            total = total.add(r.amount());
        }
        return new Summary(year + "年民生领域重大事项绩效目标情况表", "元", year, numbered, total);
    }

    /** The statements that read the read model (the recorder also sees other threads', e.g. the inbox's). */
    static List<String> ofTheModel(List<String> statements) {
        return statements.stream().filter(s -> s.contains("report_project") || s.contains("report_revision")
                || s.contains("report_findings") || s.contains("monitoring_report")).toList();
    }

    /** The JSON answer's shape, as the resource's view declares it. */
    static ReportResource.SummaryView view(Summary s) {
        return new ReportResource.SummaryView(s.title(), s.unit(), s.budgetYear(), s.rows().stream()
                .map(r -> new ReportResource.RowView(r.seq(), r.budgetUnitCode(), r.budgetUnitName(), r.projectId(), r.projectName(),
                        r.amount().toPlainString())).toList(), s.total().toPlainString());
    }

    long entityLoads(Runnable action) {
        long before = sessions.getStatistics().getEntityLoadCount();
        action.run();
        return sessions.getStatistics().getEntityLoadCount() - before;
    }

    @Test
    void shouldWriteTheSummaryXlsxOfAYearLargerThanOneFetchBatchCompleteInOrderAndExactlyTotalled() throws Exception {
        Summary expected = expected(APPROVED_YEAR, approvedRows);
        AtomicReference<byte[]> xlsx = new AtomicReference<>();
        long loads = entityLoads(() -> xlsx.set(given().auth().oauth2(REVIEWER)
                .get("/api/v1/reports/summary?budgetYear=" + APPROVED_YEAR + "&format=xlsx").then().statusCode(200).extract().asByteArray()));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.get()))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(3 + APPROVED + 1);
            assertThat(rows.get(0).getCellText(0)).isEqualTo(APPROVED_YEAR + "年民生领域重大事项绩效目标情况表");
            for (int i = 0; i < APPROVED; i++) {
                Row row = rows.get(3 + i);
                Summary.Row want = expected.rows().get(i);
                assertThat(row.getCellAsNumber(0).orElseThrow()).as("序号 of row %d", i).isEqualByComparingTo(BigDecimal.valueOf(i + 1));
                assertThat(row.getCellText(1)).isEqualTo(want.budgetUnitCode() + "-" + want.budgetUnitName());
                assertThat(row.getCellText(2)).isEqualTo(want.projectName());
                assertThat(row.getCellAsNumber(3).orElseThrow()).as("amount of row %d", i).isEqualByComparingTo(want.amount());
            }
            Row total = rows.get(rows.size() - 1);
            assertThat(total.getCellText(0)).isEqualTo("合计");
            assertThat(total.getCellAsNumber(3).orElseThrow()).as("合计").isEqualByComparingTo(expected.total());
        }
        assertThat(loads).as("project entities loaded for a summary of %d rows", APPROVED).isLessThan(APPROVED / 10);
    }

    @Test
    void shouldAnswerTheYearsSummaryAsJsonCsvAndHtmlExactlyAsTheFullTableWouldRender() throws Exception {
        Summary expected = expected(APPROVED_YEAR, approvedRows);
        String url = "/api/v1/reports/summary?budgetYear=" + APPROVED_YEAR;
        String body = given().auth().oauth2(REVIEWER).get(url).then().statusCode(200).extract().asString();
        assertThat(body).isEqualTo(json.writeValueAsString(view(expected)));
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        SummaryTable.csv(expected, csv);
        assertThat(given().auth().oauth2(REVIEWER).get(url + "&format=csv").then().statusCode(200).extract().asByteArray())
                .isEqualTo(csv.toByteArray());
        assertThat(given().auth().oauth2(REVIEWER).get(url + "&format=html").then().statusCode(200).extract().asString())
                .isEqualTo(SummaryTable.html(expected));
        // a department sees its own only, whatever it asks for
        Summary own = expected(APPROVED_YEAR, approvedRows.stream().filter(r -> r.budgetUnitCode().startsWith("038")).toList());
        assertThat(given().auth().oauth2(DevTokens.department("038")).get(url + "&department=034").then().statusCode(200)
                .extract().asString()).isEqualTo(json.writeValueAsString(view(own)));
    }

    @Test
    void shouldWriteTheYearsSummaryHtmlAsItsRowsComeAndDrawEveryRowIntoThePdf() throws Exception {
        Summary expected = expected(APPROVED_YEAR, approvedRows);
        String url = "/api/v1/reports/summary?budgetYear=" + APPROVED_YEAR;
        io.restassured.response.Response html = given().auth().oauth2(REVIEWER).get(url + "&format=html").then().statusCode(200)
                .extract().response();
        // written while the cursor runs, the page's length is not known before its first bytes leave (a string
        // built from the whole year would have been sent with a Content-Length)
        assertThat(html.header("Content-Length")).as("Content-Length of a streamed page").isNull();
        assertThat(html.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(html.asString()).isEqualTo(SummaryTable.html(expected));

        byte[] pdf = given().auth().oauth2(REVIEWER).get(url + "&format=pdf").then().statusCode(200).extract().asByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            int at = 0;
            for (Summary.Row r : expected.rows()) {
                // the cells in drawing order (序号, 预算单位, 项目名称, 预算金额; wrapped lines join up without the
                // whitespace): every row, in the bureau's order
                String row = r.seq() + r.budgetUnitCode() + "-" + r.budgetUnitName() + r.projectName() + r.amount().toPlainString();
                at = text.indexOf(row, at);
                assertThat(at).as("row %d (%s) after the one before", r.seq(), row).isNotNegative();
            }
            assertThat(text.substring(at)).contains("合计" + expected.total().toPlainString());
            assertThat(doc.getNumberOfPages()).as("pages of %d rows", APPROVED).isGreaterThan(APPROVED / 60);
        }
    }

    @Test
    void shouldListSubmittedProjectsFromTheirLatestDocumentsInBureauOrderWithoutAQueryPerProject() throws Exception {
        Summary expected = expected(APPROVED_YEAR, submittedRows);
        String url = "/api/v1/reports/summary?budgetYear=" + APPROVED_YEAR + "&status=SUBMITTED";
        AtomicReference<String> body = new AtomicReference<>();
        List<String> statements = RecordedSql.during(() -> body.set(given().auth().oauth2(REVIEWER).get(url).then().statusCode(200)
                .extract().asString()));
        assertThat(body.get()).isEqualTo(json.writeValueAsString(view(expected)));
        assertThat(expected.rows()).hasSizeGreaterThan(450);
        assertThat(expected.rows().get(0).budgetUnitCode()).isNull();
        assertThat(ofTheModel(statements)).as("statements for %d projects", expected.rows().size()).hasSizeLessThan(5);
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        SummaryTable.csv(expected, csv);
        assertThat(given().auth().oauth2(REVIEWER).get(url + "&format=csv").then().statusCode(200).extract().asByteArray())
                .isEqualTo(csv.toByteArray());
    }

    @Test
    void shouldCountTheYearsStatisticsAsBeforeWithoutAQueryPerProjectOrParsingDocuments() throws Exception {
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        for (String query : List.of("", "&status=APPROVED", "&department=034")) {
            AtomicReference<String> body = new AtomicReference<>();
            List<String> statements = RecordedSql.during(() -> body.set(given().auth().oauth2(REVIEWER)
                    .get("/api/v1/reports/statistics?budgetYear=" + STATISTICS_YEAR + query).then().statusCode(200).extract().asString()));
            assertThat(ofTheModel(statements)).as("statements for 60 projects").hasSizeLessThan(10);
            // the figures were taken from the documents when they were written (V8): parsing a year's documents at
            // every request took 4 s at 31,668 projects
            assertThat(ofTheModel(statements)).as("statements of the statistics").noneMatch(
                    s -> s.contains("json_") || s.contains(" report_revision ") || s.contains(".document"));
            String name = "statistics-" + STATISTICS_YEAR + query.replace("&", "-").replace("=", "-") + ".json";
            answers.put(name, body.get());
        }
        // what the old code answered for the same rows, recorded once
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            try (InputStream golden = getClass().getResourceAsStream("/year-reads/" + answer.getKey())) {
                assertThat(golden).as("golden " + answer.getKey()).isNotNull();
                assertThat(answer.getValue()).as(answer.getKey()).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8).strip());
            }
        }
    }

    @Test
    void shouldCountTheCoverageOfAPublicationWithoutLoadingTheYearsProjects() {
        String admin = DevTokens.admin();
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("title", "公开", "rows", List.of(Map.of("projectId", approvedRows.get(0).projectId().toString()),
                        Map.of("projectId", approvedRows.get(1).projectId().toString()))))
                .put("/api/v1/publications/" + APPROVED_YEAR).then().statusCode(200);
        given().auth().oauth2(admin).post("/api/v1/publications/" + APPROVED_YEAR + "/publish").then().statusCode(201);
        BigDecimal all = approvedRows.stream().map(Summary.Row::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal listed = approvedRows.get(0).amount().add(approvedRows.get(1).amount()).setScale(2);
        AtomicReference<io.restassured.path.json.JsonPath> overview = new AtomicReference<>();
        long loads = entityLoads(() -> overview.set(given().auth().oauth2(admin).get("/api/v1/publications/" + APPROVED_YEAR)
                .then().statusCode(200).extract().jsonPath()));
        assertThat(overview.get().getInt("coverage.approvedProjects")).isEqualTo(APPROVED);
        assertThat(overview.get().getInt("coverage.publishedProjects")).isEqualTo(2);
        assertThat(overview.get().getString("coverage.approvedFunding")).isEqualTo(all.toPlainString());
        assertThat(overview.get().getString("coverage.publishedFunding")).isEqualTo(listed.toPlainString());
        assertThat(overview.get().getString("coverage.projectPercent")).isEqualTo("0.16");
        assertThat(overview.get().getBoolean("coverage.meetsMinistryLine")).isFalse();
        assertThat(loads).as("project entities loaded for the coverage of %d approved projects", APPROVED).isLessThan(APPROVED / 10);
    }

    @Test
    void shouldWriteEveryProjectOfTheMonitoringYearViewIntoTheXlsxInOneStreamedQuery() throws Exception {
        String url = "/api/v1/reports/monitoring?budgetYear=" + MONITORING_YEAR;
        List<String> names = new ArrayList<>();
        for (int page = 0; page * 500 < MONITORED; page++) {
            names.addAll(given().auth().oauth2(REVIEWER).get(url + "&size=500&page=" + page).then().statusCode(200)
                    .extract().jsonPath().getList("items.projectName", String.class));
        }
        assertThat(names).hasSize(MONITORED);
        AtomicReference<byte[]> xlsx = new AtomicReference<>();
        List<String> statements = RecordedSql.during(() -> xlsx.set(given().auth().oauth2(REVIEWER).get(url + "&format=xlsx")
                .then().statusCode(200).extract().asByteArray()));
        List<List<String>> cells = MonitoringTablesTest.cells(xlsx.get());
        assertThat(cells.subList(2, cells.size()).stream().map(r -> r.get(0)).toList()).isEqualTo(names);
        assertThat(ofTheModel(statements)).as("statements for %d rows", MONITORED).hasSize(1);
    }
}
