package org.jixiao.indicator.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Roles;
import org.jixiao.common.rest.Params;
import org.jixiao.common.rest.Problem;
import org.jixiao.common.security.Caller;
import org.jixiao.indicator.domain.evaluation.Scorecard;
import org.jixiao.indicator.domain.evaluation.Scoring;
import org.jixiao.indicator.domain.evaluation.ScoringPolicy;
import org.jixiao.indicator.service.EvaluationService;

@Path("/api/v1/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "evaluations", description = "自评: scoring a table by the year's weights, and its review-time preview")
@SecurityRequirement(name = "jwt")
public class EvaluationResource {
    private final EvaluationService evaluations;
    private final Caller caller;

    public EvaluationResource(EvaluationService evaluations, Caller caller) {
        this.evaluations = evaluations;
        this.caller = caller;
    }

    @Schema(name = "EvaluationEntry", description = "one indicator row's result, as in a monitoring report")
    public record Entry(
            @NotNull @Schema(description = "the indicator row of the document, from 0") Integer index,
            @Schema(description = "achieved value: a decimal in the target's unit, or YYYY-MM-DD for a deadline", example = "7526") String actual,
            @Schema(description = "full-year forecast (monitoring; not scored)") String forecast,
            @Schema(description = "CERTAIN | LIKELY | UNLIKELY (monitoring; not scored)") String likelihood,
            @Schema(description = "FUNDING | SYSTEM | STAFF | HARDWARE | OTHER (monitoring; not scored)") String deviationCause,
            String note,
            @Schema(description = "completion 0–1 stated by the department for rows no figure measures", example = "0.9") String completion,
            @Schema(description = "why the stated completion; the reviewer reads it") String justification) {
    }

    @Schema(name = "ScoreRequest")
    public record ScoreRequest(
            @NotNull @Schema(description = "the interchange document of the approved revision") ProjectDocument document,
            @Schema(description = "executed amount in yuan; absent: execution assumed complete (preview)", example = "4515600.00") String spent,
            @Schema(description = "rows' actuals or completions; absent rows are assumed met") List<@Valid @NotNull Entry> indicators) {
    }

    @Schema(name = "RowScore")
    public record RowView(int index, String name, String kind, String weight, String completion, String score,
            @Schema(description = "true for qualitative and descriptive rows: judged, not measured") boolean subjective,
            @Schema(description = "MEASURED, DEADLINE, STATED or ASSUMED (no actual given: counted as met)") String basis) {
    }

    @Schema(name = "ScorePart")
    public record PartView(@Schema(example = "产出指标") String part, String weight, String score, List<RowView> rows) {
    }

    @Schema(name = "AppliedCap")
    public record CapView(String executionRateBelow, String maxTotal, String totalBefore) {
    }

    @Schema(name = "Score")
    public record ScoreView(@Schema(example = "87.50") String total, @Schema(example = "良") String grade,
            List<PartView> parts, List<CapView> capsApplied,
            @Schema(description = "points that depend on judgement (qualitative and descriptive rows) rather than measurement")
            String subjectivePoints,
            @Schema(description = "rows counted as met for want of an actual; -1 is 预算执行率") List<Integer> assumedMet,
            @Schema(description = "rows whose 一级指标 is no group of the year's framework, scored nowhere") List<Integer> unplaced) {

        static ScoreView of(Scorecard s) {
            return new ScoreView(points(s.total()), s.grade(), s.parts().stream().map(p -> new PartView(p.part(),
                    points(p.weight()), points(p.score()), p.rows().stream().map(r -> new RowView(r.index(), r.name(),
                            r.kind(), points(r.weight()), share(r.completion()), points(r.score()), r.subjective(), r.basis()))
                            .toList())).toList(),
                    s.capsApplied().stream().map(c -> new CapView(c.executionRateBelow().toPlainString(),
                            points(c.maxTotal()), points(c.totalBefore()))).toList(),
                    points(s.subjectivePoints()), s.assumedMet(), s.unplaced());
        }
    }

    @POST
    @Path("score")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Score a table (自评): 预算执行率 and each level-1 group by the year's weights; without actuals,"
            + " the review-time preview (every target met = 100, and the points that rest on judgement)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ScoreView.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the year's framework has a level-1 group the policy does not weigh",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ScoreView score(@NotNull @Valid ScoreRequest request) {
        List<Scoring.Entry> entries = request.indicators() == null ? null : request.indicators().stream()
                .map(e -> new Scoring.Entry(e.index(), e.actual(), Params.decimal(e.completion(), "/indicators/" + e.index() + "/completion")))
                .toList();
        return ScoreView.of(evaluations.score(request.document(), Params.decimal(request.spent(), "/spent"), entries));
    }

    @GET
    @Path("policies/{budgetYear}")
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "The year's scoring policy: weights, grade bands (优/良/中/差), caps; the classic default when none was set")
    public ScoringPolicy policy(@PathParam("budgetYear") int budgetYear) {
        return evaluations.policyFor(budgetYear);
    }

    @PUT
    @Path("policies/{budgetYear}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set the year's scoring policy; its groups must be the level-1 groups of the year's framework"
            + " and weigh 100 points with 预算执行率")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ScoringPolicy.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ScoringPolicy setPolicy(@PathParam("budgetYear") int budgetYear, @NotNull ScoringPolicy policy) {
        return evaluations.setPolicy(budgetYear, policy, caller.actor());
    }

    private static String points(BigDecimal exact) {
        return Scoring.display(exact).toPlainString();
    }

    private static String share(BigDecimal completion) {
        return completion.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
