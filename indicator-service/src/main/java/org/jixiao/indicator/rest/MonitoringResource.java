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
import java.time.LocalDate;
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
import org.jixiao.indicator.domain.monitoring.Assessment;
import org.jixiao.indicator.domain.monitoring.MonitoringPolicy;
import org.jixiao.indicator.domain.monitoring.MonitoringReport;
import org.jixiao.indicator.domain.monitoring.MonitoringReport.DeviationCause;
import org.jixiao.indicator.domain.monitoring.MonitoringReport.Likelihood;
import org.jixiao.indicator.service.MonitoringService;

@Path("/api/v1/monitoring")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "monitoring", description = "双监控: a monitoring report assessed against the approved targets and the budget")
@SecurityRequirement(name = "jwt")
public class MonitoringResource {
    private final MonitoringService monitoring;
    private final Caller caller;

    public MonitoringResource(MonitoringService monitoring, Caller caller) {
        this.monitoring = monitoring;
        this.caller = caller;
    }

    @Schema(name = "MonitoringLine", description = "one indicator row of a monitoring report")
    public record Line(@NotNull @Schema(description = "the indicator row of the approved revision, from 0") Integer index,
            @Schema(description = "执行情况: value so far (decimal in the target's unit), or the date a deadline row was done") String actual,
            @Schema(description = "全年预计: full-year forecast, decimal in the target's unit", example = "7600") String forecast,
            @Schema(description = "完成可能性") Likelihood likelihood,
            @Schema(description = "偏差原因") DeviationCause deviationCause,
            String note,
            @Schema(description = "year-end: completion 0–1 of a row no figure measures (not assessed here)") String completion,
            String justification) {
    }

    @Schema(name = "MonitoringReport")
    public record Report(@Schema(example = "2025-07") String period, @NotNull @Schema(example = "2025-07-31") LocalDate asOf,
            @Schema(description = "executed amount in yuan at asOf", example = "1354680.00") String spent,
            List<@Valid @NotNull Line> indicators, @Schema(description = "纠偏措施") String measures,
            @Schema(description = "year-end self-evaluation (period YYYY-12)") Boolean finalReport) {
    }

    @Schema(name = "AssessRequest")
    public record AssessRequest(@NotNull @Schema(description = "the interchange document of the approved revision") ProjectDocument document,
            @NotNull @Valid Report report) {
    }

    @Schema(name = "RowAssessment")
    public record RowView(int index, String name, String target, String kind,
            @Schema(description = "ON_TRACK, AT_RISK, OFF_TRACK or NOT_ASSESSABLE") String status, String reason,
            @Schema(description = "TARGET_TOO_LOW: the forecast beats a one-sided target by far") List<String> flags) {
    }

    @Schema(name = "BudgetAssessment")
    public record BudgetView(String funding, String spent,
            @Schema(description = "spent / funding, 4 places") String executionRate,
            @Schema(description = "elapsed share of the budget year at asOf, 4 places") String timeProgress,
            @Schema(description = "time progress minus execution rate in percentage points, 2 places") String lagPoints,
            String status) {
    }

    @Schema(name = "Assessment")
    public record AssessmentView(String overall, List<RowView> rows, BudgetView budget) {
        static AssessmentView of(Assessment a) {
            Assessment.Budget b = a.budget();
            return new AssessmentView(a.overall().name(), a.rows().stream().map(r -> new RowView(r.index(), r.name(),
                    r.target(), r.kind(), r.status().name(), r.reason(), r.flags())).toList(),
                    new BudgetView(plain(b.funding()), plain(b.spent()), places(b.executionRate(), 4),
                            places(b.timeProgress(), 4), places(b.lagPoints(), 2), b.status().name()));
        }
    }

    @POST
    @Path("assess")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Assess a monitoring report: each row's forecast against its target (ON_TRACK / AT_RISK within"
            + " 10% / OFF_TRACK), deadlines, likelihoods, and budget execution against time progress")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AssessmentView assess(@NotNull @Valid AssessRequest request) {
        Report r = request.report();
        List<MonitoringReport.Line> lines = r.indicators() == null ? List.of() : r.indicators().stream()
                .map(l -> new MonitoringReport.Line(l.index(), l.actual(), l.forecast(), l.likelihood(), l.deviationCause(),
                        l.note())).toList();
        BigDecimal spent = Params.decimal(r.spent(), "/report/spent");
        return AssessmentView.of(monitoring.assess(request.document(), new MonitoringReport(r.period(), r.asOf(), spent, lines)));
    }

    @GET
    @Path("policies/{budgetYear}")
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "The year's 双监控 thresholds (defaults: 10% short → AT_RISK, budget 15/30 points behind)")
    public MonitoringPolicy policy(@PathParam("budgetYear") int budgetYear) {
        return monitoring.policyFor(budgetYear);
    }

    @PUT
    @Path("policies/{budgetYear}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set the year's 双监控 thresholds")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MonitoringPolicy.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MonitoringPolicy setPolicy(@PathParam("budgetYear") int budgetYear, @NotNull MonitoringPolicy policy) {
        return monitoring.setPolicy(budgetYear, policy, caller.actor());
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static String places(BigDecimal value, int places) {
        return value == null ? null : value.setScale(places, RoundingMode.HALF_UP).toPlainString();
    }
}
