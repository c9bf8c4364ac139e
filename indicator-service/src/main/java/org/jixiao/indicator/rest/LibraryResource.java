package org.jixiao.indicator.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.common.domain.Roles;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;
import org.jixiao.common.security.Caller;
import org.jixiao.indicator.domain.library.HistoryEntry;
import org.jixiao.indicator.domain.library.LibraryFilter;
import org.jixiao.indicator.domain.library.LibraryIndicator;
import org.jixiao.indicator.domain.library.PastTarget;
import org.jixiao.indicator.domain.target.TargetMeaning;
import org.jixiao.indicator.service.LibraryService;

@Path("/api/v1/library")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "library", description = "指标库: reusable 三级指标, their approved history (历史标准) and suggestions")
@SecurityRequirement(name = "jwt")
public class LibraryResource {
    private final LibraryService library;
    private final Caller caller;

    public LibraryResource(LibraryService library, Caller caller) {
        this.library = library;
        this.caller = caller;
    }

    @Schema(name = "LibraryIndicator")
    public record View(UUID id, @Schema(description = "三级指标") String name, String level1, String level2, String unit,
            TargetMeaning.Kind valueKind, TargetMeaning.Direction direction,
            @Schema(description = "取值依据: 计划标准 / 行业标准 / 历史标准 / 其他") String valueBasis, String description,
            Set<String> departments, @Schema(description = "COMMON 共性 or SPECIFIC 个性") LibraryIndicator.Scope scope,
            boolean learned) {
        static View of(LibraryIndicator i) {
            return new View(i.id(), i.name(), i.level1(), i.level2(), i.unit(), i.valueKind(), i.direction(), i.valueBasis(),
                    i.description(), i.departments(), i.scope(), i.learned());
        }
    }

    /** The sizes are the columns' (V3): longer text answers 400, not a database error. */
    public record Request(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 20) String level1,
            @NotBlank @Size(max = 30) String level2, @Size(max = 30) String unit,
            TargetMeaning.Kind valueKind, TargetMeaning.Direction direction, @Size(max = 20) String valueBasis,
            @Size(max = 20_000) String description,
            @Size(max = 60) Set<@NotBlank @Size(max = 20) String> departments, LibraryIndicator.Scope scope) {
        LibraryService.Entry entry() {
            return new LibraryService.Entry(name, level1, level2, unit, valueKind, direction, valueBasis, description,
                    departments, scope);
        }
    }

    public record HistoryView(String departmentCode, int budgetYear, UUID projectId, String projectName, String target,
            OffsetDateTime approvedAt) {
        static HistoryView of(HistoryEntry h) {
            return new HistoryView(h.departmentCode(), h.budgetYear(), h.projectId(), h.projectName(), h.target(),
                    h.approvedAt());
        }
    }

    public record Suggestion(UUID indicatorId, String name, String level1, String level2, int budgetYear, String target,
            String projectName) {
        static Suggestion of(PastTarget t) {
            return new Suggestion(t.indicatorId(), t.name(), t.level1(), t.level2(), t.budgetYear(), t.target(),
                    t.projectName());
        }
    }

    @GET
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Search the library by text, node and department (共性 indicators suit every department)",
            description = "A department token searches its own department's entries (and 共性 ones): without department= it"
                    + " gets its own, with another department's code 403 other-department. Reviewers, admins and"
                    + " integrations search any department or all.")
    public Page<View> search(@QueryParam("q") String q, @QueryParam("level1") String level1, @QueryParam("level2") String level2,
            @QueryParam("department") String department, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(500) int size) {
        return library.search(new LibraryFilter(q, level1, level2, department), new PageRequest(page, size), caller.actor())
                .map(View::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    public View get(@PathParam("id") UUID id) {
        return View.of(library.get(id));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Targets approved with this indicator, newest year first; a department token sees its own",
            description = "At most `size` entries (default 100, at most 500) per request; `page` 1, 2, … gives older ones,"
                    + " and a shorter answer is the last page. A common indicator such as 满意度 is approved thousands of"
                    + " times a year across a province.")
    public List<HistoryView> history(@PathParam("id") UUID id, @QueryParam("department") String department,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        return library.history(id, department, new PageRequest(page, size), caller.actor()).stream().map(HistoryView::of).toList();
    }

    @GET
    @Path("suggestions")
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "历史标准: what the department had approved in earlier years for indicators of that name")
    public List<Suggestion> suggestions(@QueryParam("department") String department,
            @QueryParam("name") @NotNull String name, @QueryParam("budgetYear") @NotNull Integer budgetYear) {
        return library.suggestions(department, name, budgetYear, caller.actor()).stream().map(Suggestion::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response create(@NotNull @Valid Request request) {
        return Response.status(201).entity(View.of(library.create(request.entry(), caller.actor()))).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public View update(@PathParam("id") UUID id, @NotNull @Valid Request request) {
        return View.of(library.update(id, request.entry(), caller.actor()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("id") UUID id) {
        library.delete(id);
        return Response.noContent().build();
    }
}
