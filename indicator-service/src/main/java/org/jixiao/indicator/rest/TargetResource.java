package org.jixiao.indicator.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.common.rest.ProblemException;
import org.jixiao.common.security.Roles;
import org.jixiao.indicator.domain.target.TargetMeaning;
import org.jixiao.indicator.domain.target.TargetParser;

@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "targets", description = "指标值: the structured meaning of a printed target value")
@SecurityRequirement(name = "jwt")
public class TargetResource {
    static final int MAX_BATCH = 10_000;

    private final TargetParser parser = new TargetParser();

    @Schema(name = "ParseRequest", description = "either text or texts")
    public record ParseRequest(@Schema(example = "≥4.7万人") String text,
            @Schema(description = "a batch, answered in the same order") List<String> texts,
            @Schema(description = "resolves 全年, 第三季度 and 6月底前 printed without a year") Integer budgetYear) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ParseResponse", description = "the meaning of text, or results for texts")
    public record ParseResponse(TargetMeaning meaning, List<TargetMeaning> results) {
    }

    @POST
    @Path("parse")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Read 指标值: kind QUANTITATIVE (operator, value, unit), TIME (deadline, frequency, period, timely),"
            + " QUALITATIVE (direction) or DESCRIPTIVE (free text, never an error)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TargetMeaning.class)))
    public Object parse(@NotNull ParseRequest request) {
        if (request.texts() != null) {
            if (request.texts().size() > MAX_BATCH) {
                throw ProblemException.badRequest("batch-too-large", "at most " + MAX_BATCH + " texts per request");
            }
            return new ParseResponse(null, request.texts().stream().map(t -> parser.parse(t, request.budgetYear())).toList());
        }
        if (request.text() == null) {
            throw ProblemException.badRequest("text-required", "send {\"text\": \"…\"} or {\"texts\": [\"…\", …]}");
        }
        return parser.parse(request.text(), request.budgetYear());
    }
}
