package org.jixiao.approval.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.approval.service.CaseQueryService;
import org.jixiao.approval.service.DashboardService;
import org.jixiao.common.domain.Roles;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;
import org.jixiao.common.security.Caller;

@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dashboard", description = "figures for the approval dashboard; a department token sees its own department only")
@SecurityRequirement(name = "jwt")
public class DashboardResource {
    private final DashboardService dashboard;
    private final CaseQueryService cases;
    private final Caller caller;

    public DashboardResource(DashboardService dashboard, CaseQueryService cases, Caller caller) {
        this.dashboard = dashboard;
        this.cases = cases;
        this.caller = caller;
    }

    @GET
    @Path("queues")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.DEPARTMENT})
    @Operation(summary = "Open cases by stage, by department and by working days in the stage, with overdue counts")
    public DashboardService.Queues queues(@QueryParam("budgetYear") Integer budgetYear) {
        return dashboard.queues(budgetYear, caller.actor());
    }

    @GET
    @Path("my-cases")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "The open cases the caller has claimed or been assigned")
    public Page<CaseView> myCases(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(500) int size) {
        return cases.heldBy(caller.actor(), new PageRequest(page, size)).map(CaseView::of);
    }

    @GET
    @Path("counts")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.DEPARTMENT})
    @Operation(summary = "Cases by status for every budget year")
    public List<DashboardService.YearCounts> counts() {
        return dashboard.countsByYear(caller.actor());
    }

    @GET
    @Path("lead-times")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.DEPARTMENT})
    @Operation(summary = "Median and 90th percentile of submission → final decision, in hours (linear interpolation)")
    public DashboardService.LeadTimes leadTimes(@QueryParam("budgetYear") Integer budgetYear) {
        return dashboard.leadTimes(budgetYear, caller.actor());
    }

    @GET
    @Path("returns")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.DEPARTMENT})
    @Operation(summary = "Projects by number of returns (退回次数), most first")
    public List<DashboardService.ProjectReturns> returns(@QueryParam("budgetYear") Integer budgetYear,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(1000) int limit) {
        return dashboard.returnsPerProject(budgetYear, caller.actor(), limit);
    }
}
