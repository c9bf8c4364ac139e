package org.jixiao.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.common.security.Caller;
import org.jixiao.common.security.Roles;
import org.jixiao.reporting.service.SummaryService;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports", description = "绩效目标情况表 and 项目支出绩效目标表, read-only for every role")
@SecurityRequirement(name = "jwt")
public class SummaryResource {
    private final SummaryService summaries;
    private final Caller caller;

    public SummaryResource(SummaryService summaries, Caller caller) {
        this.summaries = summaries;
        this.caller = caller;
    }

    @Schema(name = "Summary", description = "绩效目标情况表; amounts in 元 as decimal strings")
    public record SummaryView(String title, String unit, int budgetYear, List<RowView> rows, String total) {
    }

    public record RowView(@Schema(description = "序号") int seq, @Schema(description = "预算单位代码") String budgetUnitCode,
            @Schema(description = "预算单位名称") String budgetUnitName, UUID projectId,
            @Schema(description = "项目名称") String projectName,
            @Schema(description = "预算金额（元）", example = "5831922.19") String amount) {
    }

    @GET
    @Path("summary")
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "The year's summary of approved projects; a department token sees only its own")
    public SummaryView summary(@QueryParam("budgetYear") @NotNull @Min(2000) @Max(2100) Integer budgetYear,
            @QueryParam("department") String department) {
        SummaryService.Summary s = summaries.summary(budgetYear, department, caller);
        return new SummaryView(s.title(), s.unit(), s.budgetYear(), s.rows().stream().map(r -> new RowView(r.seq(),
                r.budgetUnitCode(), r.budgetUnitName(), r.projectId(), r.projectName(), r.amount().toPlainString()))
                .toList(), s.total().toPlainString());
    }
}
