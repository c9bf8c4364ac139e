package org.jixiao.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jixiao.common.test.DevTokens;
import org.jixiao.common.test.JixiaoTestResource;
import org.jixiao.common.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service connects as a runtime role that reads and writes rows but cannot rewrite the schema or
 * silence its guards; Flyway migrated as the owner role.
 */
@QuarkusTest
@QuarkusTestResource(value = JixiaoTestResource.class, initArgs = @ResourceArg(name = "database", value = "jixiao_indicator_test"))
class DatabaseRolesTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldConnectAsTheRuntimeRoleToTablesTheOwnerRoleMigrated() throws SQLException {
        TestInfrastructure infra = TestInfrastructure.get();
        String database = infra.currentDatabase();
        assertThat(single("select current_user")).isEqualTo(infra.appRole(database).name());
        assertThat(single("select tableowner from pg_tables where tablename = 'library_indicator'"))
                .isEqualTo(infra.ownerRole(database).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "truncate library_history",
            "truncate processed_event",
            "alter table library_history disable trigger all",
            "alter table library_indicator add column sneaky text",
            "drop table library_indicator",
            "create table sneaky (id integer)",
            "create function sneaky() returns integer language sql as 'select 1'",
            "set session_replication_role = replica",
            "delete from flyway_schema_history",
            "select count(*) from flyway_schema_history"})
    void shouldRefuseTheRuntimeRoleWhatOnlyTheOwnerMayDo(String sql) {
        assertThatThrownBy(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                .as("%s: %s", sql, e.getMessage()).isEqualTo("42501"));
    }

    @Test
    void shouldStillServeReadsAndWritesAsTheRuntimeRole() {
        String body = "{\"name\":\"运行角色指标\",\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"unit\":\"人次\","
                + "\"valueKind\":\"QUANTITATIVE\",\"valueBasis\":\"历史标准\",\"scope\":\"COMMON\"}";
        String id = given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body(body).post("/api/v1/library")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(DevTokens.admin()).contentType(ContentType.JSON).body(body.replace("历史标准", "行业标准"))
                .put("/api/v1/library/" + id).then().statusCode(200);
        given().auth().oauth2(DevTokens.admin()).delete("/api/v1/library/" + id).then().statusCode(204);
    }

    private String single(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
