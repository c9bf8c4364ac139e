package org.jixiao.approval.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.approval.domain.CaseFilter;
import org.jixiao.approval.domain.CaseKind;
import org.jixiao.approval.domain.CaseStatus;
import org.jixiao.approval.domain.Decision;
import org.jixiao.approval.domain.Grade;
import org.jixiao.approval.domain.HistoryEntry;
import org.jixiao.approval.service.CaseQueryService;
import org.jixiao.approval.service.CaseService;
import org.jixiao.common.domain.Roles;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;
import org.jixiao.common.query.SortOrder;
import org.jixiao.common.rest.Params;
import org.jixiao.common.rest.Problem;
import org.jixiao.common.security.Caller;

@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cases", description = "审核案卷: the finance bureau's review of each submitted revision")
@SecurityRequirement(name = "jwt")
public class CaseResource {
    private final CaseService service;
    private final CaseQueryService queries;
    private final Caller caller;

    public CaseResource(CaseService service, CaseQueryService queries, Caller caller) {
        this.service = service;
        this.queries = queries;
        this.caller = caller;
    }

    // field is stored in a varchar(100): longer would fail in the database instead of here
    public record CommentRequest(@Schema(description = "anchor: a field of the declaration, e.g. overview, funding")
            @jakarta.validation.constraints.Size(max = 100) String field,
            @Schema(description = "anchor: an indicator row by its 0-based index") Integer indicatorIndex,
            @NotNull String text) {
    }

    @Schema(name = "DecisionRequest")
    public record DecisionRequest(@NotNull @Schema(description = "a declaration: PASS, APPROVE (last stage) or RETURN;"
            + " a monitoring report or self-evaluation: ACKNOWLEDGE or RETURN (409 action-not-for-kind otherwise)") Decision.Action action,
            @Schema(description = "评审等级 优/良/中/差: required to APPROVE; by the year's grading rules (GET /api/v1/grading-rules/{budgetYear})"
                    + " 优 and 良 may pass or approve (良 with a comment), 中 and 差 only RETURN, and a 差 return is refused for the budget."
                    + " PASS may carry the stage's grade too") Grade grade,
            @Schema(description = "overall comment") String comment,
            List<@Valid @NotNull CommentRequest> comments,
            @Schema(description = "required to approve a case whose findings hold an ERROR, and from an admin acting outside"
                    + " a stage's restrictions (a stage restricted to other reviewers, a case assigned to another, the four-eyes rule);"
                    + " recorded in the history") String overrideReason) {
    }

    public record HistoryView(long id, OffsetDateTime at, String actor, HistoryEntry.Action action,
            @Schema(description = "the stage the entry was made at; a PASSED entry is at the stage it decided") String stage,
            String fromStatus, String toStatus, String detail,
            @Schema(description = "the grade a decision (PASSED, APPROVED, RETURNED) gave at its stage") Grade grade) {
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.DEPARTMENT})
    @Operation(summary = "Review cases with filters; a department token sees only its own, read-only")
    public Page<CaseView> list(@QueryParam("status") @Parameter(description = "OPEN, APPROVED, RETURNED or ACKNOWLEDGED") String status,
            @QueryParam("stage") @Parameter(description = "stage index, 0 = first") Integer stage,
            @QueryParam("department") String department,
            @QueryParam("projectId") UUID projectId,
            @QueryParam("budgetYear") Integer budgetYear,
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("assignee") @Parameter(description = "a reviewer name, or 'me'") String assignee,
            @QueryParam("kind") @Parameter(description = "SUBMISSION, AMENDMENT, MONITORING or SELF_EVALUATION") String kind,
            @QueryParam("sort") @DefaultValue("openedAt") @Parameter(description = "openedAt, submittedAt, stageEnteredAt, funding, projectName, departmentCode, decidedAt; - for descending") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(500) int size) {
        CaseFilter filter = new CaseFilter(Params.enumValue(CaseStatus.class, status, "status"), stage, department,
                projectId, budgetYear, "me".equals(assignee) ? caller.name() : assignee, overdue,
                Params.enumValue(CaseKind.class, kind, "kind"));
        return queries.list(filter, SortOrder.parse(sort, CaseQueryService.SORT_FIELDS), new PageRequest(page, size),
                caller.actor()).map(CaseView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.DEPARTMENT})
    @Operation(summary = "One case with the snapshot, the automated findings, the diff to the previous revision and all comments")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    public CaseView get(@PathParam("id") UUID id) {
        return CaseView.of(queries.detail(id, caller.actor()));
    }

    @POST
    @Path("{id}/claim")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "Take the case for the current stage")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "closed or claimed by someone else", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CaseView claim(@PathParam("id") UUID id) {
        return CaseView.of(queries.summary(service.claim(id, caller.actor())));
    }

    public record AssignRequest(@NotNull @Schema(description = "the reviewer's user name (token subject)") String assignee) {
    }

    @POST
    @Path("{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Assign the current stage to a reviewer")
    public CaseView assign(@PathParam("id") UUID id, @NotNull @Valid AssignRequest request) {
        return CaseView.of(queries.summary(service.assign(id, request.assignee(), caller.actor())));
    }

    @POST
    @Path("{id}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "Decide the current stage: PASS to the next, APPROVE (last stage) or RETURN with comments;"
            + " a monitoring report or self-evaluation is ACKNOWLEDGEd or RETURNed (MonitoringReviewed)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "the stage is restricted to other reviewers (stage-not-allowed), or the caller decided another stage of this case under the four-eyes rule (same-reviewer)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "closed case, wrong stage, a grade that only returns (grade-requires-return, grade-too-low), an action the case's kind does not take (action-not-for-kind), or a concurrent decision won", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CaseView decide(@PathParam("id") UUID id, @NotNull @Valid DecisionRequest request) {
        Decision decision = new Decision(request.action(), request.grade(), request.comment(),
                request.comments() == null ? List.of() : request.comments().stream()
                        .map(c -> new Decision.Comment(c.field(), c.indicatorIndex(), c.text())).toList(),
                request.overrideReason());
        return CaseView.of(queries.detail(service.decide(id, decision, caller.actor())));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.DEPARTMENT})
    @Operation(summary = "The append-only audit trail of the case, oldest first")
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return queries.history(id, caller.actor()).stream().map(h -> new HistoryView(h.id(), h.at(), h.actor(), h.action(), h.stage(),
                h.fromStatus(), h.toStatus(), h.detail(), h.grade())).toList();
    }
}
