package org.jixiao.project.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.common.domain.Roles;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;
import org.jixiao.common.rest.Params;
import org.jixiao.common.rest.Problem;
import org.jixiao.common.security.Caller;
import org.jixiao.project.domain.MonitoringStatus;
import org.jixiao.project.service.MonitoringService;

@Path("/api/v1/projects/{id}/monitoring")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "monitoring", description = "绩效运行监控 and 自评: monitoring reports on a project's approved targets")
@SecurityRequirement(name = "jwt")
public class MonitoringResource {
    private static final String PERIOD = "监控期间 YYYY-MM, e.g. 2025-07; YYYY-12 is the year-end self-evaluation";

    private final MonitoringService service;
    private final Caller caller;

    public MonitoringResource(MonitoringService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "Start the monitoring report of a period (a DRAFT) on a project with an approved revision;"
            + " one report per period (409 monitoring-report-exists: change it with PUT)")
    @APIResponse(responseCode = "201", description = "created; Location names the report",
            content = @Content(schema = @Schema(implementation = MonitoringView.class)))
    @APIResponse(responseCode = "409", description = "not-approved (no approved revision) or monitoring-report-exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createMonitoringReport(@PathParam("id") UUID id, @NotNull MonitoringView.Request request) {
        MonitoringService.MonitoringDetails created = service.create(id, request.toInput(), caller.actor());
        return tagged(Response.created(URI.create("/api/v1/projects/" + id + "/monitoring/" + created.report().period())),
                created).build();
    }

    @GET
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "The project's monitoring reports in period order, with their status (a department: its own projects)")
    public Page<MonitoringView> listMonitoringReports(@PathParam("id") UUID id,
            @Parameter(description = "DRAFT, SUBMITTED, ACKNOWLEDGED or RETURNED") @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(500) int size) {
        return service.list(id, Params.enumValue(MonitoringStatus.class, status, "status"), new PageRequest(page, size),
                caller.actor()).map(MonitoringView::summary);
    }

    @GET
    @Path("{period}")
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "A report as it stands: status, reportRevision, the bureau's comments; the ETag is what a PUT sends in If-Match")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MonitoringView.class)))
    @APIResponse(responseCode = "404", description = "no such project or report, or not yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getMonitoringReport(@PathParam("id") UUID id,
            @Parameter(description = PERIOD) @PathParam("period") String period) {
        return tagged(Response.ok(), service.get(id, period, caller.actor())).build();
    }

    @PUT
    @Path("{period}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "Replace a DRAFT or RETURNED report (If-Match required)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MonitoringView.class)))
    @APIResponse(responseCode = "412", description = "stale ETag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replaceMonitoringReport(@PathParam("id") UUID id,
            @Parameter(description = PERIOD) @PathParam("period") String period,
            @HeaderParam("If-Match") String ifMatch, @NotNull MonitoringView.Request request) {
        return tagged(Response.ok(), service.replace(id, period, IfMatch.requireVersion(ifMatch, "report"), request.toInput(),
                caller.actor())).build();
    }

    @POST
    @Path("{period}/submit")
    @RolesAllowed({Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "Submit the report: freezes revision reportRevision + 1 and emits MonitoringReported with the"
            + " approved revision in full; 400 lists every problem")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MonitoringView.class)))
    @APIResponse(responseCode = "409", description = "not-submittable (already SUBMITTED or ACKNOWLEDGED) or not-approved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submitMonitoringReport(@PathParam("id") UUID id,
            @Parameter(description = PERIOD) @PathParam("period") String period,
            @Parameter(description = "optional: the ETag the submission is based on (412 if the report changed since)")
            @HeaderParam("If-Match") String ifMatch) {
        Long version = ifMatch == null || ifMatch.isBlank() ? null : IfMatch.requireVersion(ifMatch, "report");
        return tagged(Response.ok(), service.submit(id, period, version, caller.actor())).build();
    }

    @GET
    @Path("{period}/revisions")
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "The frozen submissions of a report, oldest first, each with the bureau's answer")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = MonitoringView.Revision.class)))
    public List<MonitoringView.Revision> monitoringReportRevisions(@PathParam("id") UUID id,
            @Parameter(description = PERIOD) @PathParam("period") String period) {
        return service.revisions(id, period, caller.actor()).stream().map(MonitoringView.Revision::of).toList();
    }

    private static Response.ResponseBuilder tagged(Response.ResponseBuilder builder, MonitoringService.MonitoringDetails details) {
        return builder.tag(new EntityTag(Long.toString(details.report().version()))).entity(MonitoringView.of(details));
    }
}
