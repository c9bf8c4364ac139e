package org.jixiao.reporting.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import org.jixiao.common.domain.Roles;
import org.jixiao.common.rest.Problem;
import org.jixiao.common.security.Caller;
import org.jixiao.reporting.domain.Coverage;
import org.jixiao.reporting.domain.PublicationDraft;
import org.jixiao.reporting.domain.PublishedVersion;
import org.jixiao.reporting.service.PublicationService;
import org.jixiao.reporting.service.render.PdfRenderer;

@Path("/api/v1/publications/{budgetYear}")
@Tag(name = "publications", description = "绩效目标公开: the bureau's list of approved projects to publish, in its order and under its names, and its published versions")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "404", description = "no list or no such version for the year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PublicationResource {
    private final PublicationService publications;
    private final Caller caller;
    private final PdfRenderer pdf;

    public PublicationResource(PublicationService publications, Caller caller, PdfRenderer pdf) {
        this.publications = publications;
        this.caller = caller;
        this.pdf = pdf;
    }

    @Schema(name = "PublicationRequest", description = "the whole list; the order of rows is the 序号")
    public record PublicationRequest(@Schema(example = "2025年民生领域重大事项绩效目标情况表") String title,
            List<RowRequest> rows) {
    }

    @Schema(name = "PublicationRowRequest")
    public record RowRequest(@NotNull UUID projectId,
            @Schema(description = "the name printed in the summary; the table's name when absent", example = "城乡义务教育生均公用经费") String projectName) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Publication", description = "the draft list, the published versions and the coverage of the latest one")
    public record PublicationView(int budgetYear, String title, String updatedBy, OffsetDateTime updatedAt,
            List<DraftRowView> draft, List<VersionView> versions, VersionView latest, CoverageView coverage) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PublicationDraftRow", description = "a row of the draft list and what the project is now")
    public record DraftRowView(@Schema(description = "序号") int seq, UUID projectId,
            @Schema(description = "the name the summary will print") String projectName,
            @Schema(description = "whether it differs from the table's name") boolean renamed, String tableName,
            String budgetUnitCode, String budgetUnitName, @Schema(example = "4515600.00") String amount,
            Integer approvedRevision, String status) {
        static DraftRowView of(PublicationService.DraftRow r) {
            return new DraftRowView(r.seq(), r.projectId(), r.projectName(), r.renamed(), r.tableName(), r.budgetUnitCode(),
                    r.budgetUnitName(), r.amount() == null ? null : r.amount().toPlainString(), r.approvedRevision(), r.status());
        }
    }

    @Schema(name = "PublicationCoverage", description = "share of the year's approved projects, and of their funding (元), that the latest version publishes; the Ministry expects at least 60% of projects")
    public record CoverageView(int approvedProjects, int publishedProjects, @Schema(example = "529487431.35") String approvedFunding,
            String publishedFunding, @Schema(example = "70.00") String projectPercent, String fundingPercent,
            @Schema(example = "60") String ministryLinePercent, boolean meetsMinistryLine) {
        static CoverageView of(Coverage c) {
            return new CoverageView(c.approvedProjects(), c.publishedProjects(), c.approvedFunding().toPlainString(),
                    c.publishedFunding().toPlainString(), c.projectPercent().toPlainString(), c.fundingPercent().toPlainString(),
                    c.ministryLinePercent().toPlainString(), c.meetsMinistryLine());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PublishedVersion")
    public record VersionView(int version, String title, String publishedBy, OffsetDateTime publishedAt, String total,
            List<PublishedRowView> rows) {
        static VersionView head(PublishedVersion v) {
            return new VersionView(v.version(), v.title(), v.publishedBy(), v.publishedAt(), null, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PublishedRow")
    public record PublishedRowView(int seq, UUID projectId, String projectName, String tableName, String budgetUnitCode,
            String budgetUnitName, String amount, int revision, String approvalNumber,
            @Schema(description = "amended or re-approved since this version; the public keeps seeing the published revision until the next publish") Boolean changedSincePublished,
            Integer currentApprovedRevision, Integer currentLatestRevision) {
    }

    static PublicationView view(PublicationService.Overview o) {
        VersionView latest = null;
        if (o.latest() != null) {
            latest = new VersionView(o.latest().version(), o.latest().title(), o.latest().publishedBy(), o.latest().publishedAt(),
                    o.latest().total().toPlainString(), o.latestRows().stream().map(pr -> {
                        PublishedVersion.Row r = pr.row();
                        return new PublishedRowView(r.seq(), r.projectId(), r.projectName(), r.document().name(), r.budgetUnitCode(),
                                r.budgetUnitName(), r.amount().toPlainString(), r.revision(), r.approvalNumber(),
                                pr.changedSincePublished(), pr.currentApprovedRevision(), pr.currentLatestRevision());
                    }).toList());
        }
        return new PublicationView(o.budgetYear(), o.title(), o.updatedBy(), o.updatedAt(),
                o.draft().stream().map(DraftRowView::of).toList(), o.versions().stream().map(VersionView::head).toList(), latest,
                CoverageView.of(o.coverage()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace the year's draft list: approved projects only, in the order of rows (序号), under projectName or the table's name")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicationView.class)))
    @APIResponse(responseCode = "400", description = "no title, a project listed twice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "a listed project is not approved in that year; the problem names each", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PublicationView replace(@PathParam("budgetYear") @Min(2000) @Max(2100) int budgetYear, @NotNull PublicationRequest request) {
        List<PublicationDraft.Listed> rows = request.rows() == null ? null
                : request.rows().stream().map(r -> r == null ? null : new PublicationDraft.Listed(r.projectId(), r.projectName())).toList();
        return view(publications.replaceDraft(budgetYear, request.title(), rows, caller.actor()));
    }

    @POST
    @Path("publish")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish the draft list as the next numbered version, freezing each project's approved revision")
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionView.class)))
    @APIResponse(responseCode = "409", description = "the list is empty or a project is no longer approved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publish(@PathParam("budgetYear") @Min(2000) @Max(2100) int budgetYear) {
        PublishedVersion v = publications.publish(budgetYear, caller.actor());
        return Response.status(Response.Status.CREATED).entity(new VersionView(v.version(), v.title(), v.publishedBy(),
                v.publishedAt(), v.total().toPlainString(), null)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "The draft list, the published versions, the latest with what changed since, and the coverage (Ministry line 60%)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicationView.class)))
    public PublicationView get(@PathParam("budgetYear") @Min(2000) @Max(2100) int budgetYear) {
        return view(publications.overview(budgetYear));
    }

    @GET
    @Path("summary")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, ReportResource.PDF, ReportResource.XLSX, ReportResource.CSV})
    @RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
    @Operation(summary = "绩效目标情况表 of a published version (the latest unless ?version=n) in the list's order and names; ?total=true adds 合计")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublishedSummaryView.class)))
    public Response summary(@PathParam("budgetYear") @Min(2000) @Max(2100) int budgetYear,
            @QueryParam("version") @Min(1) Integer version, @QueryParam("total") @Parameter(description = "add the 合计 row") boolean total,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        PublishedVersion v = publications.summaryOf(budgetYear, version);
        String chosen = ReportResource.choose(format, headers, List.of("json", "html", "pdf", "xlsx", "csv"));
        return PublicResource.summaryResponse(v, v.summary(PublicationService.UNIT, total), chosen, pdf);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PublishedSummary", description = "绩效目标情况表 as published; total only with ?total=true")
    public record PublishedSummaryView(String title, String unit, int budgetYear, int version, OffsetDateTime publishedAt,
            List<ReportResource.RowView> rows, @Schema(description = "合计, only with ?total=true") String total) {
    }
}
