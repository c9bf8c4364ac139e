package org.jixiao.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.events.ProjectReturned;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.common.test.SeedFixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_reporting_test"))
class SummaryReadModelTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EventCodec codec;

    ProjectDocument doc(String ref, int year) throws Exception {
        ObjectNode node = (ObjectNode) SeedFixtures.project(ref);
        node.put("budgetYear", year);
        return JSON.treeToValue(node, ProjectDocument.class);
    }

    void send(String topic, EventEnvelope e) {
        KafkaProbe.send(topic, e.projectId().toString(), codec.encode(e));
    }

    EventEnvelope approved(UUID id, int revision, ProjectDocument d) {
        return codec.envelope(EventTypes.PROJECT_APPROVED, id, revision, "r",
                new ProjectApproved("JX-" + revision, "r", OffsetDateTime.now(), "优", d));
    }

    @Test
    void shouldListApprovedProjectsInBureauOrderWithTheExactTotalAndIgnoreRedeliveries() throws Exception {
        int year = 2031;
        UUID a = UUID.randomUUID(); // 038001 卫健: 58016475
        UUID b = UUID.randomUUID(); // 034001 教育: 4515600
        UUID c = UUID.randomUUID(); // 112001 住建: 4200000, sent as 4200000.19 to check the fen
        UUID returned = UUID.randomUUID();
        EventEnvelope approveA = approved(a, 1, doc("JC-CQ-2025-006", year));
        send(Topics.REVIEWS, approveA);
        send(Topics.REVIEWS, approveA);
        send(Topics.REVIEWS, approved(b, 2, doc("JC-CQ-2025-002", year)));
        ObjectNode withFen = (ObjectNode) SeedFixtures.project("JC-CQ-2025-027");
        withFen.put("budgetYear", year).put("funding", "4200000.19");
        send(Topics.REVIEWS, approved(c, 1, JSON.treeToValue(withFen, ProjectDocument.class)));
        send(Topics.PROJECTS, codec.envelope(EventTypes.PROJECT_SUBMITTED, returned, 1, "d",
                new ProjectSubmitted(doc("JC-CQ-2025-001", year), "d", null, null, null)));
        send(Topics.REVIEWS, codec.envelope(EventTypes.PROJECT_RETURNED, returned, 1, "r",
                new ProjectReturned("r", OffsetDateTime.now(), "业务股室初审", "请补充", List.of())));

        String reviewer = DevTokens.reviewer("r");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(reviewer)
                .when().get("/api/v1/reports/summary?budgetYear=" + year)
                .then().statusCode(200)
                .body("title", equalTo(year + "年民生领域重大事项绩效目标情况表"))
                .body("unit", equalTo("元"))
                .body("rows.budgetUnitCode", equalTo(List.of("034001", "038001", "112001")))
                .body("rows.seq", equalTo(List.of(1, 2, 3)))
                .body("rows.amount", equalTo(List.of("4515600", "58016475", "4200000.19")))
                .body("total", equalTo("66732075.19")));
        given().auth().oauth2(DevTokens.department("034")).when().get("/api/v1/reports/summary?budgetYear=" + year)
                .then().statusCode(200).body("rows.projectName", equalTo(List.of("城区学前教育公用经费")))
                .body("total", equalTo("4515600.00"));
    }

    @Test
    void shouldAnswer400WithoutBudgetYear() {
        given().auth().oauth2(DevTokens.reviewer("r")).when().get("/api/v1/reports/summary")
                .then().statusCode(400);
    }
}
