package org.jixiao.reporting.rest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Roles;
import org.jixiao.common.rest.Params;
import org.jixiao.common.rest.Problem;
import org.jixiao.common.security.Caller;
import org.jixiao.common.query.PageRequest;
import org.jixiao.reporting.domain.MonitoringStatus;
import org.jixiao.reporting.domain.MonitoringTable;
import org.jixiao.reporting.domain.ProjectTable;
import org.jixiao.reporting.domain.SelfEvaluationTable;
import org.jixiao.reporting.domain.YearViewRow;
import org.jixiao.reporting.domain.ReportStatus;
import org.jixiao.reporting.domain.Summary;
import org.jixiao.reporting.service.MonitoringService;
import org.jixiao.reporting.service.ReportService;
import org.jixiao.reporting.service.StatisticsService;
import org.jixiao.reporting.service.SummaryService;
import org.jixiao.reporting.service.render.MonitoringTableHtml;
import org.jixiao.reporting.service.render.MonitoringXlsx;
import org.jixiao.reporting.service.render.PdfRenderer;
import org.jixiao.reporting.service.render.ProjectTableHtml;
import org.jixiao.reporting.service.render.SummaryTable;
import org.jixiao.reporting.service.render.XlsxWriter;

@Path("/api/v1/reports")
@Tag(name = "reports", description = "项目支出绩效目标表, 绩效目标情况表, 绩效运行监控表 and 绩效自评表 in HTML, PDF, XLSX (CSV and JSON for the summary, JSON for the monitoring year view); read-only for every role")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "404", description = "unknown, not visible, or not approved", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ReportResource {
    static final String PDF = "application/pdf";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv";

    private final SummaryService summaries;
    private final ReportService reports;
    private final PdfRenderer pdf;
    private final StatisticsService statistics;
    private final MonitoringService monitoringReports;
    private final Caller caller;
    private final ObjectMapper json;

    public ReportResource(SummaryService summaries, ReportService reports, PdfRenderer pdf, StatisticsService statistics,
            MonitoringService monitoringReports, Caller caller, ObjectMapper json) {
        this.json = json;
        this.monitoringReports = monitoringReports;
        this.summaries = summaries;
        this.reports = reports;
        this.pdf = pdf;
        this.statistics = statistics;
        this.caller = caller;
    }

    @Schema(name = "Summary", description = "绩效目标情况表; amounts in 元 as decimal strings")
    public record SummaryView(String title, String unit, int budgetYear, List<RowView> rows, String total) {
        static SummaryView of(Summary s) {
            return new SummaryView(s.title(), s.unit(), s.budgetYear(), s.rows().stream().map(RowView::of).toList(),
                    s.total().toPlainString());
        }
    }

    public record RowView(@Schema(description = "序号") int seq, @Schema(description = "预算单位代码") String budgetUnitCode,
            @Schema(description = "预算单位名称") String budgetUnitName, UUID projectId,
            @Schema(description = "项目名称") String projectName,
            @Schema(description = "预算金额（元）", example = "5831922.19") String amount) {
        static RowView of(Summary.Row r) {
            return new RowView(r.seq(), r.budgetUnitCode(), r.budgetUnitName(), r.projectId(), r.projectName(), r.amount().toPlainString());
        }
    }

    @GET
    @Path("summary")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, PDF, XLSX, CSV})
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "绩效目标情况表 of a budget year, by Accept or ?format=json|html|pdf|xlsx|csv; a department token sees its own only")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummaryView.class)))
    public Response summary(@QueryParam("budgetYear") @NotNull @Min(2000) @Max(2100) Integer budgetYear,
            @QueryParam("department") String department,
            @QueryParam("status") @Parameter(description = "APPROVED (default), SUBMITTED or RETURNED") String status,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        ReportStatus wanted = status == null ? ReportStatus.APPROVED : Params.enumValue(ReportStatus.class, status, "status");
        Actor actor = caller.actor();
        String name = summaries.title(budgetYear);
        // every format takes the rows as the database sends them (a year is tens of thousands at province scale)
        return switch (choose(format, headers, List.of("json", "html", "pdf", "xlsx", "csv"))) {
            case "html" -> Response.ok((StreamingOutput) out -> {
                SummaryTable.HtmlRows html = SummaryTable.HtmlRows.start(out, name, SummaryService.UNIT);
                html.finish(true, summaries.eachRow(budgetYear, department, wanted, actor, html::row));
            }, MediaType.TEXT_HTML + ";charset=UTF-8").build();
            case "pdf" -> rendered(out -> pdf.renderSummary(name, SummaryService.UNIT,
                    each -> summaries.eachRow(budgetYear, department, wanted, actor, each), out), PDF, name + ".pdf");
            case "xlsx" -> file(out -> {
                XlsxWriter.SummarySheet sheet = XlsxWriter.SummarySheet.start(name, SummaryService.UNIT, out);
                sheet.finish(true, summaries.eachRow(budgetYear, department, wanted, actor, sheet::row));
            }, XLSX, name + ".xlsx");
            case "csv" -> file(out -> {
                SummaryTable.CsvRows csv = SummaryTable.CsvRows.start(out);
                csv.finish(true, summaries.eachRow(budgetYear, department, wanted, actor, csv::row));
            }, CSV + ";charset=UTF-8", name + ".csv");
            default -> Response.ok(summaryJson(name, budgetYear, department, wanted, actor), MediaType.APPLICATION_JSON).build();
        };
    }

    /** {@link SummaryView} written field by field, each row as the view's row: the same JSON, one row in memory at a time. */
    private StreamingOutput summaryJson(String title, int budgetYear, String department, ReportStatus status, Actor actor) {
        ObjectWriter rows = json.writerFor(RowView.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        return out -> {
            try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.writeStartObject();
                g.writeStringField("title", title);
                g.writeStringField("unit", SummaryService.UNIT);
                g.writeNumberField("budgetYear", budgetYear);
                g.writeArrayFieldStart("rows");
                BigDecimal total = summaries.eachRow(budgetYear, department, status, actor, r -> {
                    try {
                        rows.writeValue(g, RowView.of(r));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                g.writeEndArray();
                g.writeStringField("total", total.toPlainString());
                g.writeEndObject();
            }
        };
    }

    @GET
    @Path("statistics")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Funding by department and status, projects and indicators by 一级/二级, findings by code (amounts in 元)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StatisticsService.Statistics.class)))
    public StatisticsService.Statistics statistics(@QueryParam("budgetYear") @NotNull @Min(2000) @Max(2100) Integer budgetYear,
            @QueryParam("department") String department,
            @QueryParam("status") @Parameter(description = "APPROVED, SUBMITTED or RETURNED; all when absent") String status) {
        return statistics.statistics(budgetYear, department, Params.enumValue(ReportStatus.class, status, "status"),
                caller.actor());
    }

    @GET
    @Path("projects/{id}")
    @Produces({MediaType.TEXT_HTML, PDF, XLSX})
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "项目支出绩效目标表 of one project (approved revision unless ?revision=n), by Accept or ?format=html|pdf|xlsx")
    @APIResponse(responseCode = "200", description = "the table", content = {
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            @Content(mediaType = PDF, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = XLSX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    public Response project(@PathParam("id") UUID id, @QueryParam("revision") @Min(1) Integer revision,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        ProjectTable table = reports.projectTable(id, revision, caller.actor());
        String name = table.project().name() + "-项目支出绩效目标表";
        return switch (choose(format, headers, List.of("html", "pdf", "xlsx"))) {
            case "pdf" -> rendered(out -> pdf.render(ProjectTableHtml.html(table, true), out), PDF, name + ".pdf");
            case "xlsx" -> file(out -> XlsxWriter.project(table, out), XLSX, name + ".xlsx");
            default -> Response.ok(ProjectTableHtml.html(table), MediaType.TEXT_HTML + ";charset=UTF-8").build();
        };
    }

    @GET
    @Path("projects/{id}/monitoring/{period}")
    @Produces({MediaType.TEXT_HTML, PDF, XLSX})
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "项目支出绩效运行监控表 of one project and period (the latest submission of the period, as assessed), by Accept or ?format=html|pdf|xlsx")
    @APIResponse(responseCode = "200", description = "the table", content = {
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            @Content(mediaType = PDF, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = XLSX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "period not YYYY-MM, or an unknown format", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response monitoring(@PathParam("id") UUID id,
            @PathParam("period") @Parameter(description = "the month reported on, YYYY-MM", example = "2025-07") String period,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        String chosen = choose(format, headers, List.of("html", "pdf", "xlsx"));
        MonitoringTable table = monitoringReports.monitoringTable(id, period, caller.actor());
        String name = table.projectName() + "-绩效运行监控表-" + table.period();
        return switch (chosen) {
            case "pdf" -> rendered(out -> pdf.render(MonitoringTableHtml.monitoring(table, true), out), PDF, name + ".pdf");
            case "xlsx" -> file(out -> MonitoringXlsx.monitoring(table, out), XLSX, name + ".xlsx");
            default -> Response.ok(MonitoringTableHtml.monitoring(table, false), MediaType.TEXT_HTML + ";charset=UTF-8").build();
        };
    }

    @GET
    @Path("projects/{id}/self-evaluation/{budgetYear}")
    @Produces({MediaType.TEXT_HTML, PDF, XLSX})
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "项目支出绩效自评表 of one project and year, from its final report (period YYYY-12) and its score, by Accept or ?format=html|pdf|xlsx")
    @APIResponse(responseCode = "200", description = "the table; when no score could be given it says why instead of a total", content = {
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            @Content(mediaType = PDF, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = XLSX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "an unknown format or a year out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response selfEvaluation(@PathParam("id") UUID id, @PathParam("budgetYear") @Min(2000) @Max(2100) int budgetYear,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        String chosen = choose(format, headers, List.of("html", "pdf", "xlsx"));
        SelfEvaluationTable table = monitoringReports.selfEvaluation(id, budgetYear, caller.actor());
        String name = table.projectName() + "-绩效自评表-" + budgetYear;
        return switch (chosen) {
            case "pdf" -> rendered(out -> pdf.render(MonitoringTableHtml.selfEvaluation(table, true), out), PDF, name + ".pdf");
            case "xlsx" -> file(out -> MonitoringXlsx.selfEvaluation(table, out), XLSX, name + ".xlsx");
            default -> Response.ok(MonitoringTableHtml.selfEvaluation(table, false), MediaType.TEXT_HTML + ";charset=UTF-8").build();
        };
    }

    @GET
    @Path("monitoring")
    @Produces({MediaType.APPLICATION_JSON, XLSX})
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "双监控 year view: every project's latest monitoring status of a year, worst first, by Accept or ?format=json|xlsx; a department token sees its own only; the XLSX holds every matching project (page and size apply to JSON)")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = YearViewPage.class)),
            @Content(mediaType = XLSX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "missing budgetYear, an unknown status or format, a page out of range", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response monitoringYear(@QueryParam("budgetYear") @NotNull @Min(2000) @Max(2100) Integer budgetYear,
            @QueryParam("departmentCode") String departmentCode,
            @QueryParam("status") @Parameter(description = "overall status: ON_TRACK, AT_RISK, OFF_TRACK or NOT_ASSESSABLE") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(500) int size,
            @QueryParam("format") String format, @Context HttpHeaders headers) {
        String chosen = choose(format, headers, List.of("json", "xlsx"));
        YearViewRow.Filter filter = new YearViewRow.Filter(budgetYear, departmentCode == null || departmentCode.isBlank() ? null : departmentCode,
                Params.enumValue(MonitoringStatus.class, status, "status"));
        if (chosen.equals("xlsx")) {
            Actor actor = caller.actor();
            String name = budgetYear + "年绩效运行监控情况";
            // written as the rows come from the database, inside the transaction that streams them
            return file(out -> monitoringReports.eachOfYearView(filter, actor, rows -> MonitoringXlsx.yearView(name, rows, out)),
                    XLSX, name + ".xlsx");
        }
        return Response.ok(YearViewPage.of(monitoringReports.yearView(filter, new PageRequest(page, size), caller.actor())),
                MediaType.APPLICATION_JSON).build();
    }

    /** ?format wins over Accept; the first allowed format is the default. */
    static String choose(String format, HttpHeaders headers, List<String> allowed) {
        if (format != null) {
            if (!allowed.contains(format)) {
                throw DomainException.invalid("unknown-format", "format must be one of " + allowed);
            }
            return format;
        }
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            String f = switch (m.getType() + "/" + m.getSubtype()) {
                case "application/json" -> "json";
                case "text/html" -> "html";
                case PDF -> "pdf";
                case XLSX -> "xlsx";
                case CSV -> "csv";
                default -> null;
            };
            if (f != null && allowed.contains(f)) {
                return f;
            }
        }
        return allowed.get(0);
    }

    /**
     * A PDF is rendered before the answer starts: once a streamed 200 is under way, a renderer that is
     * busy (503) or fails can no longer say so.
     */
    static Response rendered(StreamingOutput body, String type, String filename) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            body.write(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return attachment(Response.ok(out.toByteArray(), type), filename);
    }

    static Response file(StreamingOutput body, String type, String filename) {
        return attachment(Response.ok(body, type), filename);
    }

    private static Response attachment(Response.ResponseBuilder builder, String filename) {
        return builder.header("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20")).build();
    }
}
