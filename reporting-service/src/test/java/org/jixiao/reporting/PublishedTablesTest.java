package org.jixiao.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.common.test.ReportContents;
import org.jixiao.common.test.SeedFixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_reporting_test"))
class PublishedTablesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String REVIEWER = DevTokens.reviewer("r");

    @Inject
    EventCodec codec;

    String approved(String ref, int year) throws Exception {
        ObjectNode doc = (ObjectNode) SeedFixtures.project(ref);
        doc.put("budgetYear", year);
        UUID id = UUID.randomUUID();
        KafkaProbe.send(Topics.REVIEWS, id.toString(), codec.encode(codec.envelope(EventTypes.PROJECT_APPROVED, id, 1, "r",
                new ProjectApproved("JX-1", "r", OffsetDateTime.now(), "优", JSON.treeToValue(doc, ProjectDocument.class)))));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(REVIEWER)
                .get("/api/v1/reports/projects/" + id + "?format=html").statusCode() == 200);
        return id.toString();
    }

    @Test
    void shouldPublishTheProjectTableAsHtmlPdfAndXlsxWithEveryFieldAndRowInOrder() throws Exception {
        JsonNode seed = SeedFixtures.project("JC-CQ-2025-006"); // 基本公共卫生服务项目, the longest indicator table
        String id = approved("JC-CQ-2025-006", 2025);
        String html = given().auth().oauth2(REVIEWER).accept("text/html").get("/api/v1/reports/projects/" + id)
                .then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
        assertThat(html).contains("晋城市城区预算部门（单位）项目支出绩效目标表").contains("单位：元")
                .contains("rowspan=\"" + (seed.get("indicators").size() + 1) + "\">绩效指标");
        byte[] pdf = given().auth().oauth2(REVIEWER).accept("application/pdf").get("/api/v1/reports/projects/" + id)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        ReportContents.assertPdfHoldsProject(pdf, seed);
        byte[] xlsx = given().auth().oauth2(REVIEWER).get("/api/v1/reports/projects/" + id + "?format=xlsx")
                .then().statusCode(200).extract().asByteArray();
        ReportContents.assertXlsxHoldsProject(xlsx, seed);
    }

    @Test
    void shouldShowADepartmentOnlyItsOwnTablesAndRefuseWrites() throws Exception {
        String health = approved("JC-CQ-2025-007", 2032);
        given().auth().oauth2(DevTokens.department("034")).get("/api/v1/reports/projects/" + health).then().statusCode(404);
        given().auth().oauth2(DevTokens.department("038")).get("/api/v1/reports/projects/" + health).then().statusCode(200);
        given().auth().oauth2(DevTokens.department("034")).get("/api/v1/reports/summary?budgetYear=2032")
                .then().statusCode(200).body("rows.size()", org.hamcrest.Matchers.equalTo(0));
        given().auth().oauth2(DevTokens.admin()).post("/api/v1/reports/projects/" + health).then().statusCode(405);
        given().auth().oauth2(REVIEWER).post("/api/v1/admin/rebuild").then().statusCode(403);
    }

    @Test
    void shouldPublishTheSummaryInEveryFormat() throws Exception {
        approved("JC-CQ-2025-009", 2033);
        approved("JC-CQ-2025-010", 2033);
        String url = "/api/v1/reports/summary?budgetYear=2033";
        given().auth().oauth2(REVIEWER).get(url + "&format=csv").then().statusCode(200).contentType(startsWith("text/csv"))
                .body(containsString("220001,晋城市城区医疗保障局,城乡居民医疗保险区级财政补助,14020000"))
                .body(containsString("合计,,,,14854600.00"));
        given().auth().oauth2(REVIEWER).accept("text/html").get(url).then().statusCode(200)
                .body(containsString("2033年民生领域重大事项绩效目标情况表")).body(containsString("14854600.00"));
        byte[] pdf = given().auth().oauth2(REVIEWER).get(url + "&format=pdf").then().statusCode(200).extract().asByteArray();
        assertThat(ReportContents.pdfText(pdf)).contains("城乡居民医疗救助基金").contains("14854600.00");
        byte[] xlsx = given().auth().oauth2(REVIEWER).get(url + "&format=xlsx").then().statusCode(200).extract().asByteArray();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("2033年民生领域重大事项绩效目标情况表");
            assertThat(rows.get(rows.size() - 1).getCellAsNumber(3).orElseThrow()).isEqualByComparingTo("14854600.00");
        }
        given().auth().oauth2(REVIEWER).get(url + "&format=docx").then().statusCode(400);
    }

    @Test
    void shouldCountFundingProjectsAndIndicatorsForTheDashboard() throws Exception {
        approved("JC-CQ-2025-013", 2036); // 城乡低保金 041: 21912000
        approved("JC-CQ-2025-014", 2036); // 重度残疾人护理补贴 041: 3793200
        approved("JC-CQ-2025-015", 2036); // 义务兵家庭优待金 194: 14175900
        var stats = given().auth().oauth2(REVIEWER).get("/api/v1/reports/statistics?budgetYear=2036")
                .then().statusCode(200).extract().jsonPath();
        assertThat(stats.getLong("projects")).isEqualTo(3);
        assertThat(stats.getString("funding")).isEqualTo("39881100.00");
        assertThat(stats.getString("byDepartment.find { it.key == '041' }.funding")).isEqualTo("25705200.00");
        assertThat(stats.getLong("byDepartment.find { it.key == '041' }.projects")).isEqualTo(2);
        long indicators = 0;
        for (String ref : java.util.List.of("JC-CQ-2025-013", "JC-CQ-2025-014", "JC-CQ-2025-015")) {
            indicators += SeedFixtures.project(ref).get("indicators").size();
        }
        assertThat(stats.getLong("indicators")).isEqualTo(indicators);
        assertThat(stats.getLong("byLevel.find { it.level1 == '满意度指标' && it.level2 == '服务对象满意度指标' }.projects")).isEqualTo(3);
        assertThat(stats.getLong("approvalLeadTimes.approved")).isEqualTo(0); // approved without a submission seen here
        given().auth().oauth2(DevTokens.department("194")).get("/api/v1/reports/statistics?budgetYear=2036")
                .then().statusCode(200).body("projects", org.hamcrest.Matchers.equalTo(1));
    }
}
