package org.jixiao.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.IndicatorCheckCompleted;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.common.test.SeedFixtures;
import org.junit.jupiter.api.Test;

/** 绩效目标公开: the bureau's list, its published versions, and what anyone can read without a token. */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_reporting_test"))
class PublicationTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN = DevTokens.admin();
    static final String REVIEWER = DevTokens.reviewer("r");

    @Inject
    EventCodec codec;

    ProjectDocument doc(String ref, int year, Consumer<ObjectNode> change) throws Exception {
        ObjectNode node = (ObjectNode) SeedFixtures.project(ref);
        node.put("budgetYear", year);
        change.accept(node);
        return JSON.treeToValue(node, ProjectDocument.class);
    }

    void approve(UUID id, int revision, ProjectDocument d) {
        KafkaProbe.send(Topics.REVIEWS, id.toString(), codec.encode(codec.envelope(EventTypes.PROJECT_APPROVED, id, revision, "r",
                new ProjectApproved("JX-" + revision, "r", OffsetDateTime.now(), "优", d))));
    }

    /** Approves revision 1 of a seed project in {@code year} and waits until the read model has it. */
    UUID approved(String ref, int year, Consumer<ObjectNode> change) throws Exception {
        UUID id = UUID.randomUUID();
        approve(id, 1, doc(ref, year, change));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(REVIEWER)
                .get("/api/v1/reports/projects/" + id + "?format=html").statusCode() == 200);
        return id;
    }

    UUID approved(String ref, int year) throws Exception {
        return approved(ref, year, n -> { });
    }

    static Map<String, Object> row(UUID id, String name) {
        return name == null ? Map.of("projectId", id.toString()) : Map.of("projectId", id.toString(), "projectName", name);
    }

    static Response put(int year, String title, List<Map<String, Object>> rows) {
        return given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("title", title, "rows", rows))
                .put("/api/v1/publications/" + year);
    }

    static void publish(int year) {
        given().auth().oauth2(ADMIN).post("/api/v1/publications/" + year + "/publish").then().statusCode(201);
    }

    @Test
    void shouldPublishThreeApprovedProjectsInTheChosenOrderUnderTheirSummaryNamesWithoutATotalRowUnlessAsked() throws Exception {
        int year = 2061;
        UUID health = approved("JC-CQ-2025-006", year); // table name 基本公共卫生服务项目, 58016475
        UUID preschool = approved("JC-CQ-2025-002", year); // 4515600
        UUID streets = approved("JC-CQ-2025-027", year, n -> n.put("funding", "4200000.19"));
        UUID unlisted = approved("JC-CQ-2025-029", year); // approved, never listed: 25020000

        put(year, year + "年民生领域重大事项绩效目标情况表",
                List.of(row(streets, null), row(health, "基本公共卫生服务"), row(preschool, null))).then().statusCode(200)
                .body("draft.projectName", equalTo(List.of("晋城市城区背街小巷综合整治工程", "基本公共卫生服务", "城区学前教育公用经费")))
                .body("draft.renamed", equalTo(List.of(false, true, false)));
        // a draft is not public
        given().get("/public/v1/" + year + "/summary?format=json").then().statusCode(404);
        publish(year);

        given().when().get("/public/v1/" + year + "/summary?format=json").then().statusCode(200)
                .header("Cache-Control", containsString("public")).header("ETag", notNullValue())
                .body("title", equalTo(year + "年民生领域重大事项绩效目标情况表"))
                .body("version", equalTo(1))
                .body("rows.seq", equalTo(List.of(1, 2, 3)))
                .body("rows.projectId", equalTo(List.of(streets.toString(), health.toString(), preschool.toString())))
                .body("rows.projectName", equalTo(List.of("晋城市城区背街小巷综合整治工程", "基本公共卫生服务", "城区学前教育公用经费")))
                .body("rows.budgetUnitCode", equalTo(List.of("112001", "038001", "034001")))
                .body("rows.amount", equalTo(List.of("4200000.19", "58016475.00", "4515600.00")))
                .body("$", not(hasKey("total")));
        given().get("/public/v1/" + year + "/summary?format=json&total=true").then().statusCode(200)
                .body("rows.size()", equalTo(3)).body("total", equalTo("66732075.19"));

        String html = given().get("/public/v1/" + year + "/summary?format=html").then().statusCode(200).extract().asString();
        assertThat(html).contains("基本公共卫生服务").doesNotContain("基本公共卫生服务项目").doesNotContain("合计");
        assertThat(html.indexOf("背街小巷")).isLessThan(html.indexOf("基本公共卫生服务")).isLessThan(html.indexOf("学前教育"));
        assertThat(given().get("/public/v1/" + year + "/summary?format=html&total=true").asString()).contains("合计");
        String csv = new String(given().get("/public/v1/" + year + "/summary?format=csv").then().statusCode(200).extract()
                .asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).hasSize(4).noneMatch(l -> l.startsWith("合计"));
        assertThat(csv.lines().toList().get(2)).isEqualTo("2,038001,晋城市城区卫生健康和体育局,基本公共卫生服务,58016475.00");
        byte[] pdf = given().get("/public/v1/" + year + "/summary?format=pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        given().get("/public/v1/" + year + "/summary?format=xlsx").then().statusCode(200);

        // coverage: 3 of the 4 approved projects, 66,732,075.19 of 91,752,075.19 元
        given().auth().oauth2(ADMIN).get("/api/v1/publications/" + year).then().statusCode(200)
                .body("versions.version", equalTo(List.of(1)))
                .body("versions[0].publishedBy", notNullValue())
                .body("coverage.approvedProjects", equalTo(4)).body("coverage.publishedProjects", equalTo(3))
                .body("coverage.projectPercent", equalTo("75.00")).body("coverage.ministryLinePercent", equalTo("60"))
                .body("coverage.meetsMinistryLine", equalTo(true))
                .body("coverage.approvedFunding", equalTo("91752075.19"))
                .body("coverage.publishedFunding", equalTo("66732075.19"))
                .body("coverage.fundingPercent", equalTo("72.73"));
        assertThat(unlisted).isNotNull();
    }

    @Test
    void shouldRefuseToListProjectsThatAreNotApprovedNamingEachAndNeedAnAdminToken() throws Exception {
        int year = 2064;
        UUID approved = approved("JC-CQ-2025-003", year);
        UUID submitted = UUID.randomUUID();
        KafkaProbe.send(Topics.PROJECTS, submitted.toString(), codec.encode(codec.envelope(EventTypes.PROJECT_SUBMITTED, submitted, 1,
                "d", new ProjectSubmitted(doc("JC-CQ-2025-004", year, n -> { }), "d", null, null, null))));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(REVIEWER)
                .get("/api/v1/reports/projects/" + submitted + "?revision=1").statusCode() == 200);
        UUID unknown = UUID.randomUUID();
        UUID otherYear = approved("JC-CQ-2025-005", year + 1);

        put(year, "t", List.of(row(approved, null), row(submitted, null), row(unknown, null), row(otherYear, null)))
                .then().statusCode(409).contentType("application/problem+json").body("type", containsString("not-approved"))
                .body("detail", containsString(submitted.toString())).body("detail", containsString(unknown.toString()))
                .body("detail", containsString(otherYear.toString())).body("detail", not(containsString(approved.toString())));
        put(year, "t", List.of(row(approved, null), row(approved, "again"))).then().statusCode(400);
        put(year, " ", List.of(row(approved, null))).then().statusCode(400);
        given().auth().oauth2(ADMIN).post("/api/v1/publications/" + year + "/publish").then().statusCode(404);

        given().contentType("application/json").body(Map.of("title", "t", "rows", List.of())).put("/api/v1/publications/" + year)
                .then().statusCode(401);
        given().auth().oauth2(REVIEWER).contentType("application/json").body(Map.of("title", "t", "rows", List.of()))
                .put("/api/v1/publications/" + year).then().statusCode(403);
        given().auth().oauth2(REVIEWER).post("/api/v1/publications/" + year + "/publish").then().statusCode(403);
        given().get("/api/v1/publications/" + year).then().statusCode(401);
        given().auth().oauth2(DevTokens.department("034")).get("/api/v1/publications/" + year).then().statusCode(403);
        given().get("/api/v1/reports/summary?budgetYear=" + year).then().statusCode(401);
    }

    @Test
    void shouldServeOnlyListedProjectsWithoutATokenWithAnETagThatAnswers304() throws Exception {
        int year = 2065;
        UUID listed = approved("JC-CQ-2025-007", year);
        UUID unlisted = approved("JC-CQ-2025-008", year);
        put(year, "公开", List.of(row(listed, null))).then().statusCode(200);
        publish(year);

        given().get("/public/v1/" + year + "/projects/" + unlisted).then().statusCode(404);
        given().get("/public/v1/" + year + "/projects/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/public/v1/" + (year + 1) + "/projects/" + listed).then().statusCode(404);
        Response first = given().get("/public/v1/" + year + "/projects/" + listed);
        first.then().statusCode(200).contentType(containsString("text/html")).header("Cache-Control", containsString("public"));
        String etag = first.getHeader("ETag");
        assertThat(etag).isNotBlank();
        assertThat(first.asString()).contains("计划生育服务补助");
        given().header("If-None-Match", etag).get("/public/v1/" + year + "/projects/" + listed).then().statusCode(304)
                .header("ETag", equalTo(etag));
        given().header("If-None-Match", "\"something-else\"").get("/public/v1/" + year + "/projects/" + listed).then().statusCode(200);
        // another format is another representation
        String pdfTag = given().get("/public/v1/" + year + "/projects/" + listed + "?format=pdf").then().statusCode(200)
                .contentType("application/pdf").extract().header("ETag");
        assertThat(pdfTag).isNotEqualTo(etag);
        given().get("/public/v1/" + year + "/projects/" + listed + "?format=xlsx").then().statusCode(200);

        String summaryTag = given().get("/public/v1/" + year + "/summary").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", summaryTag).get("/public/v1/" + year + "/summary").then().statusCode(304);
        // a token changes nothing on the public side, not even a stale one
        given().auth().oauth2(ADMIN).get("/public/v1/" + year + "/projects/" + listed).then().statusCode(200);
        given().auth().oauth2("not-a-token").get("/public/v1/" + year + "/projects/" + listed).then().statusCode(200);
    }

    @Test
    void shouldKeepThePublishedRevisionPubliclyAfterAReapprovedAmendmentUntilTheNextPublish() throws Exception {
        int year = 2066;
        UUID id = approved("JC-CQ-2025-010", year); // 城乡居民医疗救助基金, 834600
        put(year, "公开", List.of(row(id, null))).then().statusCode(200);
        publish(year);
        String before = given().get("/public/v1/" + year + "/projects/" + id + "?format=json").then().statusCode(200)
                .body("revision", equalTo(1)).extract().header("ETag");

        approve(id, 2, doc("JC-CQ-2025-010", year, n -> n.put("name", "城乡居民医疗救助基金（调整）").put("funding", "900000")));
        await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(REVIEWER)
                .get("/api/v1/reports/summary?budgetYear=" + year).asString().contains("（调整）"));

        given().get("/public/v1/" + year + "/projects/" + id + "?format=json").then().statusCode(200)
                .body("revision", equalTo(1)).body("tableName", equalTo("城乡居民医疗救助基金")).body("amount", equalTo("834600.00"));
        given().header("If-None-Match", before).get("/public/v1/" + year + "/projects/" + id + "?format=json").then().statusCode(304);
        given().get("/public/v1/" + year + "/summary").then().body("rows[0].projectName", equalTo("城乡居民医疗救助基金"))
                .body("rows[0].amount", equalTo("834600.00"));
        given().auth().oauth2(ADMIN).get("/api/v1/publications/" + year).then().statusCode(200)
                .body("latest.rows[0].revision", equalTo(1)).body("latest.rows[0].changedSincePublished", equalTo(true))
                .body("latest.rows[0].currentApprovedRevision", equalTo(2));

        publish(year);
        given().get("/public/v1/" + year + "/projects/" + id + "?format=json").then().statusCode(200)
                .body("revision", equalTo(2)).body("amount", equalTo("900000.00"));
        given().get("/public/v1/" + year + "/summary").then().body("version", equalTo(2))
                .body("rows[0].projectName", equalTo("城乡居民医疗救助基金（调整）"));
        given().auth().oauth2(ADMIN).get("/api/v1/publications/" + year).then().statusCode(200)
                .body("versions.version", equalTo(List.of(2, 1))).body("latest.rows[0].changedSincePublished", equalTo(false));
        // the earlier version stays readable for the bureau
        given().auth().oauth2(REVIEWER).get("/api/v1/publications/" + year + "/summary?version=1").then().statusCode(200)
                .body("rows[0].amount", equalTo("834600.00"));
    }

    @Test
    void shouldReproduceTheSeedSummaryRowsWhenTheFixtureProjectsArePublishedInSeedOrderUnderTheSeedsNames() throws Exception {
        int year = 2062;
        JsonNode seedSummary = SeedFixtures.file().get("summary");
        ArrayNode projects = SeedFixtures.projects();
        List<JsonNode> expected = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (JsonNode p : projects) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            approve(id, 1, doc(p.get("externalRef").asText(), year, n -> { }));
            int seq = Integer.parseInt(p.get("externalRef").asText().substring("JC-CQ-2025-".length()));
            JsonNode printed = null;
            for (JsonNode s : seedSummary) {
                if (s.get("seq").asInt() == seq) {
                    printed = s;
                }
            }
            expected.add(printed);
            rows.add(row(id, printed.get("projectName").asText()));
        }
        assertThat(expected).hasSize(21).doesNotContainNull();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(REVIEWER)
                .get("/api/v1/reports/summary?budgetYear=" + year).then().body("rows.size()", equalTo(21)));

        put(year, "2025年民生领域重大事项绩效目标情况表", rows).then().statusCode(200);
        publish(year);

        JsonNode published = JSON.readTree(given().get("/public/v1/" + year + "/summary?format=json").then().statusCode(200)
                .extract().asString());
        assertThat(published.get("title").asText()).isEqualTo(SeedFixtures.file().get("title").asText());
        assertThat(published.get("unit").asText()).isEqualTo(SeedFixtures.file().get("unit").asText());
        assertThat(published.has("total")).isFalse();
        JsonNode got = published.get("rows");
        assertThat(got).hasSize(21);
        for (int i = 0; i < 21; i++) {
            JsonNode want = expected.get(i);
            JsonNode row = got.get(i);
            assertThat(row.get("seq").asInt()).isEqualTo(i + 1);
            assertThat(row.get("projectId").asText()).isEqualTo(ids.get(i).toString());
            assertThat(row.get("budgetUnitCode").asText()).as("code of row %d", i + 1).isEqualTo(want.get("budgetUnitCode").asText());
            assertThat(row.get("budgetUnitName").asText()).as("unit of row %d", i + 1).isEqualTo(want.get("budgetUnitName").asText());
            assertThat(row.get("projectName").asText()).as("name of row %d", i + 1).isEqualTo(want.get("projectName").asText());
            assertThat(new BigDecimal(row.get("amount").asText())).as("amount of row %d", i + 1)
                    .isEqualByComparingTo(new BigDecimal(want.get("amount").asText()));
            assertThat(row.get("amount").asText()).matches("[0-9]+\\.[0-9]{2}");
        }
        // the five rows whose summary name differs from the table's are printed under the summary's
        assertThat(got.findValuesAsText("projectName")).contains("城乡义务教育生均公用经费", "学前教育公用经费", "基本公共卫生服务",
                "城乡居民基本养老保险补助资金", "城乡居民一、二级重度残疾人医疗保障");

        // open-data.csv: one row per indicator of the 21 tables (242 in the seed)
        int indicators = 0;
        for (JsonNode p : projects) {
            indicators += p.get("indicators").size();
        }
        String csv = new String(given().get("/public/v1/" + year + "/open-data.csv").then().statusCode(200)
                .header("Cache-Control", containsString("public")).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFbudgetYear,version,seq,projectId");
        assertThat(csv.split("\r\n")).hasSize(1 + indicators);
        assertThat(indicators).isEqualTo(242);
    }

    @Test
    void shouldServeOpenDataThatValidatesAgainstTheSchemaServedBesideIt() throws Exception {
        int year = 2067;
        UUID first = approved("JC-CQ-2025-001", year); // 城区城乡义务教育生均公用经费
        UUID second = approved("JC-CQ-2025-019", year, n -> n.put("funding", "32904456.5"));
        put(year, "公开", List.of(row(second, null), row(first, "城乡义务教育生均公用经费"))).then().statusCode(200);
        given().get("/public/v1/" + year + "/open-data.json").then().statusCode(404);
        publish(year);

        Response answer = given().get("/public/v1/" + year + "/open-data.json");
        answer.then().statusCode(200).contentType(containsString("application/json"))
                .header("Cache-Control", containsString("public"));
        JsonNode data = JSON.readTree(answer.asString());
        com.networknt.schema.JsonSchemaFactory factory = com.networknt.schema.JsonSchemaFactory
                .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012);
        // loaded over HTTP from the service, so that the relative $ref to project.schema.json is resolved as a reader would
        com.networknt.schema.JsonSchema schema = factory.getSchema(com.networknt.schema.SchemaLocation.of(
                "http://localhost:" + RestAssured.port + "/public/v1/open-data.schema.json"));
        assertThat(schema.validate(data)).isEmpty();

        assertThat(data.get("budgetYear").asInt()).isEqualTo(year);
        assertThat(data.get("version").asInt()).isEqualTo(1);
        assertThat(data.get("total").asText()).isEqualTo("75630538.50");
        JsonNode projects = data.get("projects");
        assertThat(projects.findValuesAsText("projectId")).containsExactly(second.toString(), first.toString());
        JsonNode education = projects.get(1);
        assertThat(education.get("projectName").asText()).isEqualTo("城乡义务教育生均公用经费");
        assertThat(education.get("tableName").asText()).isEqualTo("城区城乡义务教育生均公用经费");
        JsonNode seed = SeedFixtures.project("JC-CQ-2025-001");
        assertThat(education.get("document").get("indicators")).isEqualTo(seed.get("indicators"));
        assertThat(education.get("targets")).hasSize(seed.get("indicators").size());
        assertThat(education.get("targets").get(0).get("target").asText()).isEqualTo(seed.get("indicators").get(0).get("target").asText());

        // the schema really constrains: an amount as a JSON number, or a project without its document, is refused
        ObjectNode broken = data.deepCopy();
        ((ObjectNode) broken.get("projects").get(0)).put("amount", 32904456.5);
        ((ObjectNode) broken.get("projects").get(1)).remove("document");
        assertThat(schema.validate(broken)).hasSize(2);

        given().get("/public/v1/open-data.schema.json").then().statusCode(200).contentType(containsString("application/schema+json"))
                .header("ETag", notNullValue());
        given().get("/public/v1/project.schema.json").then().statusCode(200).body("$id", equalTo("urn:jixiao:interchange:project:1"));
        String csv = new String(given().get("/public/v1/" + year + "/open-data.csv").then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(1 + seed.get("indicators").size() + SeedFixtures.project("JC-CQ-2025-019").get("indicators").size());
        assertThat(lines.get(1)).startsWith(year + ",1,1," + second + ",043007,晋城市城区公共就业和人才服务中心,就业相关补助,32904456.50,1,0,");
    }

    @Test
    void shouldPublishWhatTheGrammarReadFromEachTargetBesideThePrintedText() throws Exception {
        int year = 2071;
        UUID id = approved("JC-CQ-2025-001", year); // row 0: 保障学校 ≥62所; row 3: 及时
        KafkaProbe.send(Topics.INDICATOR_CHECKS, id.toString(), codec.encode(codec.envelope(EventTypes.INDICATOR_CHECK_COMPLETED,
                id, 1, "indicator-service", new IndicatorCheckCompleted(List.of(), 2, 1, List.of(
                        new IndicatorCheckCompleted.Reading(0, "QUANTITATIVE", "GE", "62", null, "所", null),
                        new IndicatorCheckCompleted.Reading(3, "TIME", null, null, null, null, "2071-06-30"))))));
        put(year, "公开", List.of(row(id, null))).then().statusCode(200);
        publish(year);
        await().atMost(Duration.ofSeconds(20)).until(() -> JSON.readTree(given().get("/public/v1/" + year + "/open-data.json")
                .asString()).at("/projects/0/targets/0").has("meaning"));
        JsonNode targets = JSON.readTree(given().get("/public/v1/" + year + "/open-data.json").then().statusCode(200)
                .extract().asString()).at("/projects/0/targets");
        assertThat(targets.get(0).get("target").asText()).isEqualTo("≥62所");
        assertThat(targets.get(0).get("meaning")).isEqualTo(JSON.readTree(
                "{\"kind\":\"QUANTITATIVE\",\"operator\":\"GE\",\"value\":\"62\",\"unit\":\"所\"}"));
        assertThat(targets.get(3).at("/meaning/deadline").asText()).isEqualTo("2071-06-30");
        assertThat(targets.get(1).has("meaning")).isFalse();
        List<String> csv = new String(given().get("/public/v1/" + year + "/open-data.csv").then().statusCode(200).extract()
                .asByteArray(), StandardCharsets.UTF_8).lines().toList();
        assertThat(csv.get(0)).endsWith(",kind,operator,value,upperValue,unit,deadline");
        assertThat(csv.get(1)).endsWith(",QUANTITATIVE,GE,62,,所,");
    }

    @Test
    void shouldKeepPublishedVersionsAcrossARebuildOfTheReadModel() throws Exception {
        int year = 2068;
        UUID id = approved("JC-CQ-2025-013", year); // 城乡低保金
        put(year, "公开", List.of(row(id, "城乡低保金（公开）"))).then().statusCode(200);
        publish(year);
        String summary = given().get("/public/v1/" + year + "/summary").then().statusCode(200).extract().asString();
        String etag = given().get("/public/v1/" + year + "/projects/" + id).then().statusCode(200).extract().header("ETag");

        given().auth().oauth2(ADMIN).post("/api/v1/admin/rebuild").then().statusCode(200);

        assertThat(given().get("/public/v1/" + year + "/summary").then().statusCode(200).extract().asString()).isEqualTo(summary);
        given().header("If-None-Match", etag).get("/public/v1/" + year + "/projects/" + id).then().statusCode(304);
        given().auth().oauth2(ADMIN).get("/api/v1/publications/" + year).then().statusCode(200)
                .body("draft[0].projectName", equalTo("城乡低保金（公开）")).body("draft[0].tableName", equalTo("城乡低保金"))
                .body("latest.rows[0].changedSincePublished", equalTo(false))
                .body("coverage.publishedProjects", equalTo(1));
    }
}
