package org.jixiao.common.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.jixiao.common.contract.InvalidTextException;
import org.jixiao.common.domain.Texts;
import org.jixiao.common.domain.Unavailable;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {
    record Stage(String name) {
    }

    record Route(java.util.List<Stage> stages) {
    }

    @Test
    void shouldAnswer503WithRetryAfterForABusyResource() {
        Response response = new ProblemMappers().brokenRule(new Unavailable("renderer-busy", "busy", 10), null);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("10");
        assertThat(((Problem) response.getEntity()).type()).isEqualTo("https://jixiao.org/problems/renderer-busy");
    }

    @Test
    void shouldAnswer503WhenPostgreSqlEndedTheSessionOfTheRequestsConnection() {
        // what a request got on a pooled connection whose backend was terminated (seen at 100,000 projects)
        java.sql.SQLException terminated = new java.sql.SQLException("FATAL: terminating connection due to administrator command", "57P01");
        Response response = new ProblemMappers().databaseFailed(
                new org.hibernate.exception.GenericJDBCException("cannot read", terminated, "select 1"), null);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(((Problem) response.getEntity()).type()).isEqualTo("https://jixiao.org/problems/database-unavailable");
    }

    @Test
    void shouldStillAnswer500ForAGenericDatabaseErrorThatIsNotAnEndedSession() {
        java.sql.SQLException other = new java.sql.SQLException("something else", "XX000");
        Response response = new ProblemMappers().databaseFailed(
                new org.hibernate.exception.GenericJDBCException("cannot read", other, "select 1"), null);
        assertThat(response.getStatus()).isEqualTo(500);
    }

    @Test
    void shouldAnswer422ForARuleThatCannotBeCarriedOutAsAsked() {
        Response response = new ProblemMappers().brokenRule(new org.jixiao.common.domain.DomainException(
                org.jixiao.common.domain.DomainException.Kind.UNPROCESSABLE, "idempotency-key-reused", "reused"), null);
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(((Problem) response.getEntity()).type()).isEqualTo("https://jixiao.org/problems/idempotency-key-reused");
        assertThat(((Problem) response.getEntity()).title()).isEqualTo("Unprocessable content");
    }

    @Test
    void shouldFindNulAndUnpairedSurrogatesButAcceptPairsAndChinese() {
        assertThat(Texts.problem("测试\u0000项目")).contains("NUL");
        assertThat(Texts.problem("a\uD800")).contains("unpaired surrogate");
        assertThat(Texts.problem("\uDC00b")).contains("unpaired surrogate");
        assertThat(Texts.problem("\uD800\uD800\uDC00")).contains("unpaired surrogate");
        assertThat(Texts.problem("测试项目 😀 \u200F")).isNull();
    }

    @Test
    void shouldPointAtTheInvalidTextDeepInADocument() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(TextGuard.module());
        try {
            mapper.readValue("{\"stages\":[{\"name\":\"ok\"},{\"name\":\"bad\\u0000\"}]}", Route.class);
            throw new AssertionError("accepted a NUL");
        } catch (InvalidTextException e) {
            assertThat(e.pointer()).isEqualTo("/stages/1/name");
            assertThat(e.asBrokenRule().code()).isEqualTo("invalid-text");
        }
    }

    enum Scope { GENERAL, SPECIFIC }

    record Entry(Scope scope) {
    }

    @Test
    void shouldRefuseANulAfterAnEnumValueWhichJacksonWouldTrimAway() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(TextGuard.module());
        assertThat(mapper.readValue("{\"scope\":\"SPECIFIC\"}", Entry.class).scope()).isEqualTo(Scope.SPECIFIC);
        try {
            mapper.readValue("{\"scope\":\"SPECIFIC\\u0000\"}", Entry.class);
            throw new AssertionError("accepted a NUL after an enum value");
        } catch (InvalidTextException e) {
            assertThat(e.pointer()).isEqualTo("/scope");
        }
    }
}
