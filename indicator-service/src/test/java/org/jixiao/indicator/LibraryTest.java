package org.jixiao.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.common.test.SeedFixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_indicator_test"))
class LibraryTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String REVIEWER = DevTokens.reviewer("r");

    @Inject
    EventCodec codec;

    @Test
    void shouldSeedTheLibraryFromTheSeedsRowsWithoutDuplicates() {
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (var p : SeedFixtures.projects()) {
            for (var r : p.get("indicators")) {
                distinct.add(r.get("level1").asText() + "/" + r.get("level2").asText().replaceAll("指标$", "")
                        + "/" + r.get("name").asText().strip());
            }
        }
        int total = given().auth().oauth2(REVIEWER).get("/api/v1/library?size=1").then().statusCode(200).extract().path("total");
        assertThat(total).isEqualTo(distinct.size());
        given().auth().oauth2(REVIEWER).get("/api/v1/library?q=满意度&level2=服务对象满意度指标&size=100").then().statusCode(200)
                .body("items.find { it.name == '师生满意度' }.unit", equalTo("%"))
                .body("items.find { it.name == '师生满意度' }.valueKind", equalTo("QUANTITATIVE"));
    }

    @Test
    void shouldLearnApprovedTargetsAndSuggestThemToTheSameDepartmentTheNextYear() throws Exception {
        ObjectNode doc = (ObjectNode) SeedFixtures.project("JC-CQ-2025-014");
        UUID projectId = UUID.randomUUID();
        KafkaProbe.send(Topics.REVIEWS, projectId.toString(), codec.encode(codec.envelope(EventTypes.PROJECT_APPROVED, projectId, 1,
                "r", new ProjectApproved("JX-1", "r", OffsetDateTime.now(), "优", JSON.treeToValue(doc, ProjectDocument.class)))));
        String department = DevTokens.department("041");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(department)
                .get("/api/v1/library/suggestions?name=护理补贴标准&budgetYear=2026").then().statusCode(200)
                .body("target", equalTo(List.of("109元/人/月"))).body("budgetYear", equalTo(List.of(2025))));
        given().auth().oauth2(department).get("/api/v1/library/suggestions?name=护理补贴标准&budgetYear=2025").then()
                .body("size()", equalTo(0));
        given().auth().oauth2(DevTokens.department("034")).get("/api/v1/library/suggestions?name=护理补贴标准&budgetYear=2026").then()
                .body("size()", equalTo(0));
        String id = given().auth().oauth2(REVIEWER).get("/api/v1/library?q=重度残疾人护理补贴标准").then().extract().path("items[0].id");
        given().auth().oauth2(REVIEWER).get("/api/v1/library/" + id + "/history").then().statusCode(200)
                .body("target", equalTo(List.of("109元/人/月"))).body("departmentCode", equalTo(List.of("041")));
    }

    @Test
    void shouldPageAnIndicatorsHistoryNewestFirstWithoutRepeatsOrGaps() throws Exception {
        ObjectNode doc = (ObjectNode) SeedFixtures.project("JC-CQ-2025-015");
        doc.put("departmentCode", "077");
        for (int year = 2020; year < 2025; year++) {
            doc.put("budgetYear", year);
            UUID projectId = UUID.randomUUID();
            KafkaProbe.send(Topics.REVIEWS, projectId.toString(), codec.encode(codec.envelope(EventTypes.PROJECT_APPROVED, projectId, 1,
                    "r", new ProjectApproved("JX-" + year, "r", OffsetDateTime.now(), "优", JSON.treeToValue(doc, ProjectDocument.class)))));
        }
        String id = given().auth().oauth2(REVIEWER).get("/api/v1/library?q=义务兵人数").then().extract().path("items[0].id");
        String history = "/api/v1/library/" + id + "/history?department=077";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(REVIEWER).get(history)
                .then().statusCode(200).body("size()", equalTo(5)));

        List<Integer> years = new java.util.ArrayList<>();
        List<Integer> pageSizes = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            List<Integer> onPage = given().auth().oauth2(REVIEWER).get(history + "&size=2&page=" + page).then().statusCode(200)
                    .extract().path("budgetYear");
            pageSizes.add(onPage.size());
            years.addAll(onPage);
        }
        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(years).containsExactly(2024, 2023, 2022, 2021, 2020);
        given().auth().oauth2(REVIEWER).get(history + "&size=501").then().statusCode(400);
    }

    @Test
    void shouldSearchTheLibraryForPercentAndUnderscoreLiterally() {
        String marker = java.util.UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new java.util.ArrayList<>();
        try {
            for (String name : java.util.List.of("达标率" + marker + "%", "达标率" + marker + "5")) {
                ids.add(given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                        .body("{\"name\":\"" + name + "\",\"level1\":\"产出指标\",\"level2\":\"质量指标\",\"scope\":\"COMMON\"}")
                        .post("/api/v1/library").then().statusCode(201).extract().path("id"));
            }
            // % and _ in q are the characters themselves, not LIKE wildcards
            given().auth().oauth2(REVIEWER).queryParam("q", marker + "%").get("/api/v1/library").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].name", equalTo("达标率" + marker + "%"));
            given().auth().oauth2(REVIEWER).queryParam("q", marker + "_").get("/api/v1/library").then().statusCode(200)
                    .body("total", equalTo(0));
        } finally {
            // the seed's test counts the whole library
            ids.forEach(id -> given().auth().oauth2(DevTokens.admin()).delete("/api/v1/library/" + id).then().statusCode(204));
        }
    }

    @Test
    void shouldMatchALibraryDepartmentWholeNotAsPartOfAnotherCode() {
        String marker = java.util.UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"专项督查次数" + marker + "\",\"level1\":\"产出指标\",\"level2\":\"数量指标\","
                        + "\"scope\":\"SPECIFIC\",\"departments\":[\"903\",\"415\"]}")
                .post("/api/v1/library").then().statusCode(201).extract().path("id");
        try {
            for (String department : List.of("903", "415")) {
                given().auth().oauth2(REVIEWER).queryParam("q", marker).queryParam("department", department)
                        .get("/api/v1/library").then().statusCode(200).body("total", equalTo(1));
            }
            for (String department : List.of("03", "90", "3,4", "%")) {
                given().auth().oauth2(REVIEWER).queryParam("q", marker).queryParam("department", department)
                        .get("/api/v1/library").then().statusCode(200).body("total", equalTo(0));
            }
        } finally {
            // the seed's test counts the whole library
            given().auth().oauth2(DevTokens.admin()).delete("/api/v1/library/" + id).then().statusCode(204);
        }
    }

    @Test
    void shouldLetOnlyAdminsCurateTheLibrary() {
        String body = "{\"name\":\"培训人次\",\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"unit\":\"人次\","
                + "\"valueKind\":\"QUANTITATIVE\",\"valueBasis\":\"历史标准\",\"scope\":\"COMMON\"}";
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).body(body).post("/api/v1/library").then().statusCode(403);
        String id = given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body(body).post("/api/v1/library")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body(body).post("/api/v1/library").then().statusCode(409);
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body(body.replace("历史标准", "行业标准"))
                .put("/api/v1/library/" + id).then().statusCode(200).body("valueBasis", equalTo("行业标准"));
        given().auth().oauth2(DevTokens.admin()).delete("/api/v1/library/" + id).then().statusCode(204);
        given().auth().oauth2(REVIEWER).get("/api/v1/library/" + id).then().statusCode(404);
    }

    @Test
    void shouldLimitADepartmentsLibrarySearchToItsOwnDepartment() {
        List<String> codes = java.util.stream.StreamSupport.stream(SeedFixtures.projects().spliterator(), false)
                .map(p -> p.get("departmentCode").asText()).distinct().sorted().toList();
        assertThat(codes).hasSizeGreaterThan(1);
        String own = codes.get(0);
        String other = codes.get(1);
        String token = DevTokens.department(own);

        int ownTotal = given().auth().oauth2(REVIEWER).get("/api/v1/library?size=1&department=" + own).then().statusCode(200)
                .extract().path("total");
        int allTotal = given().auth().oauth2(REVIEWER).get("/api/v1/library?size=1").then().statusCode(200)
                .extract().path("total");
        assertThat(ownTotal).isLessThan(allTotal);
        given().auth().oauth2(token).get("/api/v1/library?size=1").then().statusCode(200).body("total", equalTo(ownTotal));
        given().auth().oauth2(token).get("/api/v1/library?size=1&department=" + own).then().statusCode(200)
                .body("total", equalTo(ownTotal));
        List<Object> seen = given().auth().oauth2(token).get("/api/v1/library?size=500").then().statusCode(200)
                .extract().path("items.findAll { it.scope != 'COMMON' && !it.departments.contains('" + own + "') }");
        assertThat(seen).isEmpty();

        given().auth().oauth2(token).get("/api/v1/library?department=" + other).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("https://jixiao.org/problems/other-department"));
        given().auth().oauth2(DevTokens.admin()).get("/api/v1/library?size=1&department=" + other).then().statusCode(200);
    }

    @Test
    void shouldAnswer400ToLibraryTextLongerThanItsColumnsAnd400ToANullFrameworkBody() {
        String admin = DevTokens.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"过长\",\"level1\":\"" + "绩".repeat(21) + "\",\"level2\":\"数量指标\"}")
                .post("/api/v1/library").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"过长\",\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"departments\":[\"" + "0".repeat(21) + "\"]}")
                .post("/api/v1/library").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("null")
                .post("/api/v1/frameworks/years/2031/aliases").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("null")
                .put("/api/v1/frameworks/years/2031").then().statusCode(400).contentType("application/problem+json");
    }
}
