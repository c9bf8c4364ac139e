package org.jixiao.approval.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.approval.domain.Grade;
import org.jixiao.approval.domain.GradingRules;
import org.jixiao.approval.service.GradingRuleService;
import org.jixiao.common.domain.Roles;
import org.jixiao.common.rest.Problem;

@Path("/api/v1/grading-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "grading-rules", description = "评审等级规则: what each grade (优/良/中/差) lets a reviewer decide in a budget year")
@SecurityRequirement(name = "jwt")
public class GradingRuleResource {
    private final GradingRuleService rules;

    public GradingRuleResource(GradingRuleService rules) {
        this.rules = rules;
    }

    @Schema(name = "GradeRule")
    public record GradeRuleDto(@NotNull Grade grade,
            @NotNull @Schema(description = "a case may be passed on or approved with this grade; otherwise only returned") Boolean approvable,
            @NotNull @Schema(description = "a decision with this grade needs a comment (overall or anchored)") Boolean commentRequired,
            @NotNull @Schema(description = "a return with this grade records the case as refused for the budget (不得纳入预算); never with approvable") Boolean refusedForBudget) {
    }

    @Schema(name = "GradingRulesRequest")
    public record RulesRequest(@NotEmpty @Schema(description = "one rule for each of 优, 良, 中, 差")
            List<@NotNull @Valid GradeRuleDto> rules) {
    }

    @Schema(name = "GradingRules")
    public record RulesView(int budgetYear,
            @Schema(description = "false while the year uses the default of 财预〔2015〕88号") boolean configured,
            List<GradeRuleDto> rules) {

        static RulesView of(GradingRuleService.InForce inForce) {
            return new RulesView(inForce.rules().budgetYear(), inForce.configured(), inForce.rules().rules().stream()
                    .map(r -> new GradeRuleDto(r.grade(), r.approvable(), r.commentRequired(), r.refusedForBudget()))
                    .toList());
        }
    }

    @GET
    @Path("{budgetYear}")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "The grading rules in force for a budget year (财预〔2015〕88号's when none are configured)")
    public RulesView get(@PathParam("budgetYear") int budgetYear) {
        return RulesView.of(rules.rulesFor(budgetYear));
    }

    @PUT
    @Path("{budgetYear}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Configure the grading rules of a budget year; they apply to the decisions taken from now on")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RulesView.class)))
    @APIResponse(responseCode = "400", description = "a grade missing or named twice, a grade both approvable and refused for the budget, or no approvable grade",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RulesView put(@PathParam("budgetYear") int budgetYear, @NotNull @Valid RulesRequest request) {
        return RulesView.of(rules.configure(new GradingRules(budgetYear, request.rules().stream()
                .map(r -> new GradingRules.GradeRule(r.grade(), r.approvable(), r.commentRequired(), r.refusedForBudget()))
                .toList())));
    }
}
