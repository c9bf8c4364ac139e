package org.jixiao.project.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.common.contract.FieldChange;
import org.jixiao.common.contract.Json;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.Roles;
import org.jixiao.common.domain.Violation;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;
import org.jixiao.common.query.SortOrder;
import org.jixiao.common.rest.Params;
import org.jixiao.common.rest.Problem;
import org.jixiao.common.security.Caller;
import org.jixiao.project.domain.ProjectFilter;
import org.jixiao.project.domain.ProjectRevision;
import org.jixiao.project.domain.ProjectStatus;
import org.jixiao.project.service.ImportService;
import org.jixiao.project.service.ProjectDetails;
import org.jixiao.project.service.ProjectService;
import org.jixiao.project.service.RevisionService;

@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "projects", description = "项目支出绩效目标表: declare, edit, submit, import and export")
@SecurityRequirement(name = "jwt")
public class ProjectResource {
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String NDJSON = "application/x-ndjson";
    /** What Jackson's writer declares for a view; a held rendering is sent with the same header. */
    private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private final ProjectService service;
    private final RevisionService revisions;
    private final ImportService importer;
    private final Caller caller;
    private final ProjectRenderings renderings;

    private final ObjectMapper json;

    public ProjectResource(ProjectService service, RevisionService revisions, ImportService importer, Caller caller,
            ProjectRenderings renderings, ObjectMapper json) {
        this.service = service;
        this.revisions = revisions;
        this.importer = importer;
        this.caller = caller;
        this.renderings = renderings;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "Declare a project (a DRAFT; it may be incomplete until submitted)")
    @APIResponse(responseCode = "201", description = "created", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response create(@NotNull ProjectDocument document) {
        ProjectDetails created = service.create(document, caller.actor());
        return withTag(Response.created(URI.create("/api/v1/projects/" + created.project().id())), created.project().version())
                .entity(ProjectView.of(created)).build();
    }

    @GET
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "List projects; a department token sees only its own department's")
    public Page<ProjectView> list(@QueryParam("budgetYear") Integer budgetYear,
            @QueryParam("departmentCode") String departmentCode,
            @Parameter(description = "DRAFT, SUBMITTED, RETURNED, APPROVED or AMENDING") @QueryParam("status") String status,
            @QueryParam("nameContains") String nameContains,
            @Parameter(description = "yuan, a plain decimal", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.NUMBER))
            @QueryParam("fundingMin") String fundingMin,
            @Parameter(description = "yuan, a plain decimal", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.NUMBER))
            @QueryParam("fundingMax") String fundingMax,
            @Parameter(description = "name, budgetYear, funding, status, createdAt or updatedAt; prefix - for descending")
            @QueryParam("sort") @DefaultValue("-updatedAt") String sort,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(500) int size) {
        ProjectFilter filter = new ProjectFilter(budgetYear, departmentCode,
                Params.enumValue(ProjectStatus.class, status, "status"), nameContains,
                Params.decimal(fundingMin, "fundingMin"), Params.decimal(fundingMax, "fundingMax"));
        return service.list(filter, SortOrder.parse(sort, ProjectService.SORT_FIELDS), new PageRequest(page, size),
                caller.actor()).map(ProjectView::summary);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Read a project; the ETag is what a later write sends in If-Match")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "404", description = "no such project, or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Actor actor = caller.actor();
        ProjectRenderings.Rendering rendering = renderings.current(id, service.readableVersion(id, actor));
        if (rendering == null) {
            rendering = renderings.render(service.get(id, actor));
        }
        return withTag(Response.ok(rendering.json(), JSON_UTF8), rendering.version()).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "Replace the content while DRAFT, RETURNED or AMENDING (If-Match required)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "412", description = "stale ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @NotNull ProjectDocument document) {
        return ok(service.replace(id, IfMatch.requireVersion(ifMatch, "project"), document, caller.actor()));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MERGE_PATCH)
    @RolesAllowed({Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "Change some fields with a JSON Merge Patch (RFC 7396; If-Match required)")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = ProjectDocument.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response patch(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode mergePatch) {
        return ok(service.patch(id, IfMatch.requireVersion(ifMatch, "project"), mergePatch, caller.actor()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "Delete a draft that was never submitted (If-Match required)")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, IfMatch.requireVersion(ifMatch, "project"), caller.actor());
        renderings.forget(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed({Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "Submit for review: freezes the revision and emits ProjectSubmitted; 400 lists every missing part")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "412", description = "If-Match is not the current ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "idempotency-key-reused: the key already submitted this project in another state", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@PathParam("id") UUID id,
            @Parameter(description = "kept 24 h per caller and project with the If-Match it came with: a retry with the same"
                    + " key and If-Match answers the first result and emits nothing; the same key with another If-Match is 422")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Parameter(description = "optional: the ETag the submission is based on (412 if the project changed since)")
            @HeaderParam("If-Match") String ifMatch) {
        Long version = ifMatch == null || ifMatch.isBlank() ? null : IfMatch.requireVersion(ifMatch, "project");
        ProjectService.SubmitAnswer answer = service.submit(id, idempotencyKey, version, caller.actor(),
                details -> Json.write(json, ProjectView.of(details)));
        return Response.status(answer.status()).tag(new EntityTag(answer.etag()))
                .entity(answer.body()).type(MediaType.APPLICATION_JSON).build();
    }

    public record Validation(@Schema(description = "what a submission would refuse now") List<Violation> problems) {
    }

    @GET
    @Path("{id}/validation")
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "预检: every problem a submission would report now, without submitting")
    public Validation validation(@PathParam("id") UUID id) {
        return new Validation(service.validate(id, caller.actor()));
    }

    public record AmendmentRequest(@Schema(description = "调整原因") @jakarta.validation.constraints.NotBlank String reason) {
    }

    @POST
    @Path("{id}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPARTMENT, Roles.ADMIN})
    @Operation(summary = "Open an amendment (调整) of an APPROVED project; submitting it emits ProjectAmended with the diff")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response amend(@PathParam("id") UUID id, @NotNull @jakarta.validation.Valid AmendmentRequest request) {
        return ok(service.openAmendment(id, request.reason(), caller.actor()));
    }

    @GET
    @Path("{id}/revisions/{revision}/diff")
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Field-level changes from revision `against` to this revision")
    public List<FieldChange> diff(@PathParam("id") UUID id,
            @PathParam("revision") int revision, @QueryParam("against") @NotNull Integer against) {
        return revisions.diff(id, against, revision, caller.actor());
    }

    @GET
    @Path("{id}/export")
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN, Roles.REVIEWER, Roles.DEPARTMENT})
    @Operation(summary = "The project as an interchange document (project.schema.json)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProjectDocument.class)))
    public ProjectDocument export(@PathParam("id") UUID id) {
        return service.get(id, caller.actor()).document();
    }

    public record RevisionSummary(int revision,
            @Schema(description = "SUBMISSION, AMENDMENT or IMPORT (written by the provincial platform's import)") String kind,
            String reason, String submittedBy, java.time.OffsetDateTime submittedAt,
            @Schema(description = "who made this revision: the submitter, or the integration's subject for an import") String changedBy) {
    }

    @GET
    @Path("{id}/revisions")
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "The frozen revisions (one per submission, amendment or change by an import)")
    public List<RevisionSummary> revisions(@PathParam("id") UUID id) {
        return revisions.list(id, caller.actor()).stream().map(r -> new RevisionSummary(r.revision(), r.kind().name(),
                r.reason(), r.submittedBy(), r.submittedAt(), r.submittedBy())).toList();
    }

    @GET
    @Path("{id}/revisions/{revision}")
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "One frozen revision as an interchange document")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProjectDocument.class)))
    public Response revision(@PathParam("id") UUID id, @PathParam("revision") int revision) {
        // the document leaves exactly as it was frozen, not re-serialised
        ProjectRevision frozen = revisions.get(id, revision, caller.actor());
        return Response.ok(frozen.document(), MediaType.APPLICATION_JSON).build();
    }

    public record ImportResponse(List<ImportService.Result> results) {
    }

    @POST
    @Path("import")
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Import interchange documents (JSON array or NDJSON); idempotent on (budgetYear, externalRef) within"
            + " the document's department; every change is a revision of kind IMPORT by the integration")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = ProjectDocument.class)))
    @APIResponse(responseCode = "200", description = "one result per document, in input order", content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    public ImportResponse importDocuments(@HeaderParam("Content-Type") String contentType,
            @QueryParam("onApproved") @Parameter(description = "conflict (default): a changed document of an APPROVED project is rejected;"
                    + " amend: it opens an amendment (调整) with the new content") String onApproved,
            @QueryParam("amendmentReason") @Parameter(description = "调整原因 for amendments opened by this import") String amendmentReason,
            @QueryParam("onConflict") @Parameter(description = "conflict (default): a project changed by anyone but the import"
                    + " since the last import is not overwritten (outcome conflict); overwrite: the document replaces it")
            String onConflict,
            InputStream body) {
        boolean ndjson = contentType != null && contentType.startsWith(NDJSON);
        ImportService.OnApproved mode = onApproved == null ? ImportService.OnApproved.conflict
                : Params.enumValue(ImportService.OnApproved.class, onApproved, "onApproved");
        ImportService.OnConflict changed = onConflict == null ? ImportService.OnConflict.conflict
                : Params.enumValue(ImportService.OnConflict.class, onConflict, "onConflict");
        return new ImportResponse(importer.importStream(body, ndjson, caller.actor(), mode, changed, amendmentReason));
    }

    private static Response ok(ProjectDetails details) {
        return withTag(Response.ok(ProjectView.of(details)), details.project().version()).build();
    }

    private static Response.ResponseBuilder withTag(Response.ResponseBuilder builder, long version) {
        return builder.tag(new EntityTag(Long.toString(version)));
    }
}
