package org.jixiao.project;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.RecordedSql;
import org.jixiao.common.test.SeedShapedDocuments;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;

@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_project_test"))
class BulkImportTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldImportTenThousandDocumentsInOneStreamedRequest() throws Exception {
        String prefix = "BULK-" + UUID.randomUUID().toString().substring(0, 8);
        SeedShapedDocuments docs = new SeedShapedDocuments(prefix, 2030);
        PipedInputStream body = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(body);
        Thread writer = new Thread(() -> {
            try (out) {
                docs.writeNdjson(10_000, out);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        List<String> outcomes = given().auth().oauth2(DevTokens.integration()).contentType("application/x-ndjson")
                .body(body).when().post("/api/v1/projects/import")
                .then().statusCode(200).extract().path("results.outcome");
        assertThat(outcomes).hasSize(10_000).containsOnly("created");
        int total = given().auth().oauth2(DevTokens.admin()).get("/api/v1/projects?budgetYear=2030&size=1&nameContains=（9999）")
                .then().statusCode(200).extract().path("total");
        assertThat(total).isEqualTo(1);
    }

    @Test
    void shouldWriteAChunkOfImportedProjectsAndTheirRevisionsWithOneInsertStatementEach() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        new SeedShapedDocuments("CHUNK-" + UUID.randomUUID().toString().substring(0, 8), 2031).writeNdjson(100, body);

        List<String> sent = RecordedSql.during(() -> assertThat(given().auth().oauth2(DevTokens.integration())
                .contentType("application/x-ndjson").body(body.toByteArray()).when().post("/api/v1/projects/import")
                .then().statusCode(200).extract().<List<String>>path("results.outcome")).hasSize(100).containsOnly("created"));

        // a project and its revision per document, in that order, made a JDBC batch of one row each (200 round trips
        // for 100 documents): ordered, one batch per table
        assertThat(inserts(sent, "project")).hasSize(1);
        assertThat(inserts(sent, "project_revision")).hasSize(1);
        // and the driver sends a batch as multi-row INSERTs rather than one execution per row
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled()).isTrue();
        }
    }

    @Test
    void shouldStoreAChunkThatUpdatesOneProjectAndCreatesAnotherInOneTransaction() {
        SeedShapedDocuments docs = new SeedShapedDocuments("MIXED-" + UUID.randomUUID().toString().substring(0, 8), 2032);
        given().auth().oauth2(DevTokens.integration()).contentType("application/json").body("[" + docs.document(0) + "]")
                .when().post("/api/v1/projects/import").then().statusCode(200).body("results[0].outcome", org.hamcrest.Matchers.is("created"));
        var changed = docs.document(0).put("overview", "省级平台更新的项目概况");

        List<String> sent = RecordedSql.during(() -> assertThat(given().auth().oauth2(DevTokens.integration())
                .contentType("application/json").body("[" + changed + "," + docs.document(1) + "]")
                .when().post("/api/v1/projects/import").then().statusCode(200)
                .extract().<List<String>>path("results.outcome")).containsExactly("updated", "created"));

        // the revision of the updated project comes before the new project in the session; written in one
        // transaction all the same, not rolled back and stored again one document at a time
        assertThat(inserts(sent, "project")).hasSize(1);
        assertThat(inserts(sent, "project_revision")).hasSize(1);
    }

    /** The statements that inserted into {@code table} (as Hibernate prepared them: one per JDBC batch). */
    private static List<String> inserts(List<String> sent, String table) {
        return sent.stream().filter(sql -> sql.startsWith("insert into " + table + " (")).toList();
    }
}
