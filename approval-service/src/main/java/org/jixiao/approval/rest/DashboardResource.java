package org.jixiao.approval.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.approval.service.CaseQueryService;
import org.jixiao.approval.domain.WarningFilter;
import org.jixiao.approval.service.DashboardService;
import org.jixiao.approval.service.DashboardStream;
import org.jixiao.approval.service.MonitoringService;
import org.jixiao.common.domain.Roles;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;
import org.jixiao.common.rest.Problem;
import org.jixiao.common.security.Caller;

@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dashboard", description = "figures for the approval dashboard; a department token sees its own department only")
@SecurityRequirement(name = "jwt")
public class DashboardResource {
    private final DashboardService dashboard;
    private final CaseQueryService cases;
    private final MonitoringService monitoring;
    private final DashboardStream stream;
    private final Caller caller;

    public DashboardResource(DashboardService dashboard, CaseQueryService cases, MonitoringService monitoring,
            DashboardStream stream, Caller caller) {
        this.dashboard = dashboard;
        this.cases = cases;
        this.monitoring = monitoring;
        this.stream = stream;
        this.caller = caller;
    }

    @GET
    @Path("warnings")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.DEPARTMENT})
    @Operation(summary = "预警: projects whose latest assessment has AT_RISK or OFF_TRACK rows or budget lag, worst first"
            + " (OFF_TRACK before AT_RISK, then more off-track rows, then larger budget lag); a department sees its own only")
    public Page<MonitoringService.WarningItem> warnings(
            @QueryParam("budgetYear") @Parameter(description = "one budget year; all years when left out") Integer budgetYear,
            @QueryParam("departmentCode") @Parameter(description = "one department; a department token always sees its own") String departmentCode,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(500) int size) {
        return monitoring.warnings(new WarningFilter(budgetYear, departmentCode), new PageRequest(page, size),
                caller.actor());
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.DEPARTMENT})
    @Operation(summary = "Server-Sent Events: `case` (data: change opened|decided, caseId, projectId, departmentCode,"
            + " budgetYear, kind, status, period, reportRevision) and `warning` (data: projectId, projectName, departmentCode,"
            + " budgetYear, period, asOf, overall, warningLevel, warning, caseId) as they are committed, on any instance;"
            + " a comment line every 15 s keeps proxies from closing it; a department hears its own department only")
    @APIResponse(responseCode = "200", description = "an endless text/event-stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "401", description = "no or an invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "a token without the reviewer, admin or department role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        SseClient client = new SseClient(sink, sse);
        stream.subscribe(caller.actor(), client);
        // the first line tells the client (and a test) that it is subscribed
        client.comment("connected");
    }

    /** One connected dashboard; gone once its sink is closed (the client disconnected) or a write failed. */
    static final class SseClient implements DashboardStream.Client {
        private final SseEventSink sink;
        private final Sse sse;
        private volatile boolean failed;

        SseClient(SseEventSink sink, Sse sse) {
            this.sink = sink;
            this.sse = sse;
        }

        @Override
        public boolean send(String event, String data) {
            return write(sse.newEventBuilder().name(event).data(data).build());
        }

        @Override
        public boolean heartbeat() {
            return comment("heartbeat");
        }

        boolean comment(String text) {
            return write(sse.newEventBuilder().comment(text).build());
        }

        private boolean write(OutboundSseEvent event) {
            if (failed || sink.isClosed()) {
                return false;
            }
            try {
                sink.send(event).whenComplete((ok, error) -> {
                    if (error != null) {
                        failed = true;
                        sink.close();
                    }
                });
                return true;
            } catch (RuntimeException e) {
                failed = true;
                return false;
            }
        }
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
