package org.jixiao.approval;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventEnvelope;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.IndicatorCheckCompleted;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.EventCodec;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.KafkaProbe;
import org.jixiao.common.test.SeedFixtures;

/** What the workflow tests do as project-service, indicator-service and a reviewer would: through the broker and the API. */
final class Workflow {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Reads cases in the waits; deciding with it is like deciding with any other reviewer. */
    static final String READER = DevTokens.reviewer("张审核");

    private final EventCodec codec;

    Workflow(EventCodec codec) {
        this.codec = codec;
    }

    /** project-service announces the submission of a seed project's revision. */
    UUID submit(String externalRef, int revision, UUID projectId) throws Exception {
        return submit(JSON.treeToValue(SeedFixtures.project(externalRef), ProjectDocument.class), revision, projectId);
    }

    UUID submit(ProjectDocument doc, int revision, UUID projectId) {
        EventEnvelope event = codec.envelope(EventTypes.PROJECT_SUBMITTED, projectId, revision, "dept-" + doc.departmentCode(),
                new ProjectSubmitted(doc, "dept-" + doc.departmentCode(), null, null, null));
        KafkaProbe.send(Topics.PROJECTS, projectId.toString(), codec.encode(event));
        return projectId;
    }

    /** A seed project as if declared for another budget year (whose route or grading rules a test configures). */
    static ProjectDocument inYear(String externalRef, int budgetYear) throws Exception {
        ProjectDocument doc = JSON.treeToValue(SeedFixtures.project(externalRef), ProjectDocument.class);
        return new ProjectDocument(doc.externalRef(), budgetYear, doc.name(), doc.departmentCode(), doc.departmentName(),
                doc.budgetUnitCode(), doc.budgetUnitName(), doc.attribute(), doc.overview(), doc.basis(), doc.necessity(),
                doc.safeguards(), doc.implementationPlan(), doc.annualGoal(), doc.implementingUnit(), doc.funding(),
                doc.indicators());
    }

    String awaitCase(UUID projectId, int revision) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(READER)
                .when().get("/api/v1/cases?projectId=" + projectId)
                .then().statusCode(200).extract().<List<Object>>path("items.findAll { it.revision == " + revision + " }.id"),
                ids -> !ids.isEmpty()).get(0).toString();
    }

    /** indicator-service's pre-review of the revision arrives without findings: approval may now decide. */
    void checksArrive(UUID projectId, int revision, String caseId) {
        EventEnvelope check = codec.envelope(EventTypes.INDICATOR_CHECK_COMPLETED, projectId, revision, "indicator-service",
                new IndicatorCheckCompleted(List.of()));
        KafkaProbe.send(Topics.INDICATOR_CHECKS, projectId.toString(), codec.encode(check));
        await().atMost(Duration.ofSeconds(60)).until(() -> Boolean.FALSE.equals(given().auth().oauth2(READER)
                .when().get("/api/v1/cases/" + caseId).then().extract().path("flagged")));
    }

    /** A case of a seed project, opened and checked clean: ready for its decisions. */
    String checkedCase(String externalRef) throws Exception {
        return checkedCase(JSON.treeToValue(SeedFixtures.project(externalRef), ProjectDocument.class));
    }

    String checkedCase(ProjectDocument doc) {
        UUID projectId = submit(doc, 1, UUID.randomUUID());
        String caseId = awaitCase(projectId, 1);
        checksArrive(projectId, 1, caseId);
        return caseId;
    }

    static ValidatableResponse decide(String token, String caseId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + caseId + "/decisions").then();
    }
}
