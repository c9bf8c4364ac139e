package org.jixiao.reporting.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.common.rest.Problem;
import org.jixiao.reporting.domain.PublishedVersion;
import org.jixiao.reporting.domain.Summary;
import org.jixiao.reporting.service.OpenDataService;
import org.jixiao.reporting.service.PublicationService;
import org.jixiao.reporting.service.render.OpenDataCsv;
import org.jixiao.reporting.service.render.PdfRenderer;
import org.jixiao.reporting.service.render.ProjectTableHtml;
import org.jixiao.reporting.service.render.SummaryTable;
import org.jixiao.reporting.service.render.XlsxWriter;

/**
 * 绩效目标公开 without a login: only what the bureau published, always its latest version; a draft, an
 * unlisted project (approved or not) and a year without a published version are 404. Every answer of one
 * version is immutable, so it carries an ETag and may be cached by anyone (Cache-Control: public).
 */
@Path("/public/v1")
@PermitAll
@Tag(name = "public", description = "绩效目标公开: the published tables and open data, no token needed")
@APIResponse(responseCode = "404", description = "nothing published for the year, or the project is not listed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PublicResource {
    static final String SCHEMA_JSON = "application/schema+json";
    /** Clients revalidate after a few minutes: a new publish replaces the latest version. */
    private static final int MAX_AGE_SECONDS = 300;

    private final PublicationService publications;
    private final OpenDataService openData;
    private final PdfRenderer pdf;

    public PublicResource(PublicationService publications, OpenDataService openData, PdfRenderer pdf) {
        this.publications = publications;
        this.openData = openData;
        this.pdf = pdf;
    }

    @GET
    @Path("{budgetYear}/summary")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, ReportResource.PDF, ReportResource.XLSX, ReportResource.CSV})
    @Operation(summary = "绩效目标情况表 as last published: the bureau's order and names; ?total=true adds the 合计 row")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicationResource.PublishedSummaryView.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match matched the ETag")
    public Response summary(@PathParam("budgetYear") @Min(2000) @Max(2100) int budgetYear,
            @QueryParam("total") @Parameter(description = "add the 合计 row") boolean total,
            @QueryParam("format") String format, @Context HttpHeaders headers, @Context Request request) {
        PublishedVersion v = publications.summaryOf(budgetYear, null);
        String chosen = ReportResource.choose(format, headers, List.of("json", "html", "pdf", "xlsx", "csv"));
        EntityTag tag = tag(v, "summary", chosen, Boolean.toString(total));
        return conditional(request, tag, () -> Response.fromResponse(summaryResponse(v, v.summary(PublicationService.UNIT, total), chosen, pdf)));
    }

    @GET
    @Path("{budgetYear}/projects/{projectId}")
    @Produces({MediaType.TEXT_HTML, ReportResource.PDF, ReportResource.XLSX, MediaType.APPLICATION_JSON})
    @Operation(summary = "项目支出绩效目标表 of a listed project, as published (?format=html|pdf|xlsx|json; json: its open-data entry)")
    @APIResponse(responseCode = "200", description = "the table", content = {
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = ReportResource.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ReportResource.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenDataService.Project.class))})
    @APIResponse(responseCode = "304", description = "If-None-Match matched the ETag")
    public Response project(@PathParam("budgetYear") @Min(2000) @Max(2100) int budgetYear, @PathParam("projectId") UUID projectId,
            @QueryParam("format") String format, @Context HttpHeaders headers, @Context Request request) {
        PublicationService.PublishedProject published = publications.publishedProject(budgetYear, projectId);
        String chosen = ReportResource.choose(format, headers, List.of("html", "pdf", "xlsx", "json"));
        PublishedVersion.Row row = published.row();
        // the version's number is left out: a later publish that keeps this revision keeps the ETag
        EntityTag tag = tag(null, "project", projectId.toString(), Integer.toString(row.revision()), row.approvalNumber(),
                row.projectName(), Integer.toString(row.seq()), chosen);
        return conditional(request, tag, () -> Response.fromResponse(projectTable(published, chosen)));
    }

    private Response projectTable(PublicationService.PublishedProject published, String chosen) {
        PublishedVersion.Row row = published.row();
        String name = published.table().project().name() + "-项目支出绩效目标表";
        return switch (chosen) {
            case "pdf" -> ReportResource.rendered(out -> pdf.render(ProjectTableHtml.html(published.table(), true), out),
                    ReportResource.PDF, name + ".pdf");
            case "xlsx" -> ReportResource.file(out -> XlsxWriter.project(published.table(), out), ReportResource.XLSX, name + ".xlsx");
            case "json" -> Response.ok(openData.project(row), MediaType.APPLICATION_JSON).build();
            default -> Response.ok(ProjectTableHtml.html(published.table()), MediaType.TEXT_HTML + ";charset=UTF-8").build();
        };
    }

    @GET
    @Path("{budgetYear}/open-data.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every table of the latest published version as data: summary columns, interchange document, targets one by one (schema: open-data.schema.json)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenDataService.OpenData.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match matched the ETag")
    public Response openDataJson(@PathParam("budgetYear") @Min(2000) @Max(2100) int budgetYear, @Context Request request) {
        PublishedVersion v = publications.version(budgetYear, null);
        return conditional(request, tag(v, "open-data.json"), () -> Response.ok(openData.of(v), MediaType.APPLICATION_JSON));
    }

    @GET
    @Path("{budgetYear}/open-data.csv")
    @Produces(ReportResource.CSV)
    @Operation(summary = "One row per indicator (三级指标) of every project of the latest published version; UTF-8 with BOM")
    @APIResponse(responseCode = "200", content = @Content(mediaType = ReportResource.CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "If-None-Match matched the ETag")
    public Response openDataCsv(@PathParam("budgetYear") @Min(2000) @Max(2100) int budgetYear, @Context Request request) {
        PublishedVersion v = publications.version(budgetYear, null);
        return conditional(request, tag(v, "open-data.csv"), () -> {
            OpenDataService.OpenData data = openData.of(v);
            return Response.fromResponse(ReportResource.file(out -> OpenDataCsv.write(data, out),
                    ReportResource.CSV + ";charset=UTF-8", budgetYear + "-open-data.csv"));
        });
    }

    @GET
    @Path("open-data.schema.json")
    @Produces(SCHEMA_JSON)
    @Operation(summary = "JSON Schema (2020-12) of open-data.json; its document refers to project.schema.json beside it")
    @APIResponse(responseCode = "200", content = @Content(mediaType = SCHEMA_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response openDataSchema(@Context Request request) {
        return schema("open-data/open-data.schema.json", request);
    }

    @GET
    @Path("project.schema.json")
    @Produces(SCHEMA_JSON)
    @Operation(summary = "JSON Schema of one project's interchange document (the document inside open-data.json)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = SCHEMA_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response projectSchema(@Context Request request) {
        return schema("contracts/project.schema.json", request);
    }

    private static Response schema(String resource, Request request) {
        byte[] body;
        try (InputStream in = PublicResource.class.getClassLoader().getResourceAsStream(resource)) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return conditional(request, new EntityTag(sha256(new String(body, StandardCharsets.UTF_8))),
                () -> Response.ok(body, SCHEMA_JSON));
    }

    /** The published summary in the chosen format; shared with the admin's view of any version. */
    static Response summaryResponse(PublishedVersion v, Summary s, String format, PdfRenderer pdf) {
        String name = s.title();
        return switch (format) {
            case "html" -> Response.ok(SummaryTable.html(s), MediaType.TEXT_HTML + ";charset=UTF-8").build();
            case "pdf" -> ReportResource.rendered(out -> pdf.renderSummary(s, out), ReportResource.PDF, name + ".pdf");
            case "xlsx" -> ReportResource.file(out -> XlsxWriter.summary(s, out), ReportResource.XLSX, name + ".xlsx");
            case "csv" -> ReportResource.file(out -> SummaryTable.csv(s, out), ReportResource.CSV + ";charset=UTF-8", name + ".csv");
            default -> Response.ok(new PublicationResource.PublishedSummaryView(s.title(), s.unit(), s.budgetYear(), v.version(),
                    v.publishedAt(), s.rows().stream().map(r -> new ReportResource.RowView(r.seq(), r.budgetUnitCode(),
                            r.budgetUnitName(), r.projectId(), r.projectName(), r.amount().toPlainString())).toList(),
                    s.totalRow() ? s.total().toPlainString() : null), MediaType.APPLICATION_JSON).build();
        };
    }

    /**
     * A version is identified by its year, number and publishing instant (a database restored elsewhere may
     * reuse a number, never with the same instant).
     */
    private static EntityTag tag(PublishedVersion v, String... parts) {
        StringBuilder key = new StringBuilder();
        if (v != null) {
            key.append(v.budgetYear()).append('|').append(v.version()).append('|').append(v.publishedAt().toInstant());
        }
        for (String p : parts) {
            key.append('|').append(p);
        }
        return new EntityTag(sha256(key.toString()));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 304 when If-None-Match names the tag, else the answer, computed only then; both cacheable under the tag. */
    private static Response conditional(Request request, EntityTag tag, Supplier<Response.ResponseBuilder> answer) {
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        return cacheable(unchanged != null ? unchanged : answer.get(), tag);
    }

    private static Response cacheable(Response.ResponseBuilder builder, EntityTag tag) {
        return builder.tag(tag).header("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS)
                .header("Vary", "Accept").build();
    }
}
