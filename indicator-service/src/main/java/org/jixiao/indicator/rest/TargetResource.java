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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Roles;
import org.jixiao.common.rest.ApiDocumentFilter;
import org.jixiao.indicator.service.TargetService;

@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "targets", description = "指标值: the structured meaning of a printed target value")
@SecurityRequirement(name = "jwt")
public class TargetResource {
    private final TargetService targets;

    public TargetResource(TargetService targets) {
        this.targets = targets;
    }

    @Schema(name = "ParseRequest", description = "either text or texts")
    public record ParseRequest(@Schema(example = "≥4.7万人") String text,
            @Schema(description = "a batch, answered in the same order") List<String> texts,
            @Schema(description = "resolves 全年, 第三季度 and 6月底前 printed without a year") Integer budgetYear) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ParseResponse", description = "the meaning of text, or results for texts")
    public record ParseResponse(TargetMeaningView meaning, List<TargetMeaningView> results) {
    }

    @POST
    @Path("parse")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Read 指标值: kind QUANTITATIVE (operator, value, unit; relativeTo for 较上年/预算 targets),"
            + " TIME (deadline, frequency, period, timely), QUALITATIVE (direction or grade), TIERED (tiers)"
            + " or DESCRIPTIVE (free text, never an error)")
    @APIResponse(responseCode = "200", description = "the meaning of text, or results for texts",
            content = @Content(schema = @Schema(oneOf = {TargetMeaningView.class, ParseResponse.class})))
    @Extension(name = ApiDocumentFilter.PURE, value = "true")
    public Object parse(@NotNull ParseRequest request) {
        if (request.texts() != null) {
            return new ParseResponse(null, targets.parseAll(request.texts(), request.budgetYear()).stream()
                    .map(TargetMeaningView::of).toList());
        }
        if (request.text() == null) {
            throw DomainException.invalid("text-required", "send {\"text\": \"…\"} or {\"texts\": [\"…\", …]}");
        }
        return TargetMeaningView.of(targets.parse(request.text(), request.budgetYear()));
    }
}
