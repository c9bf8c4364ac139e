package org.jixiao.indicator.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.common.contract.Framework;
import org.jixiao.common.domain.Roles;
import org.jixiao.common.security.Caller;
import org.jixiao.indicator.domain.FrameworkVariants;
import org.jixiao.indicator.service.FrameworkService;

@Path("/api/v1/frameworks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "frameworks", description = "指标体系: the level-1/level-2 taxonomy per budget year")
@SecurityRequirement(name = "jwt")
public class FrameworkResource {
    private final FrameworkService frameworks;
    private final Caller caller;

    public FrameworkResource(FrameworkService frameworks, Caller caller) {
        this.frameworks = frameworks;
        this.caller = caller;
    }

    public record Assignment(@NotBlank @Size(max = 40) String frameworkCode) {
    }

    /** A printed pair and the node of the year's framework it stands for; null level2/toLevel2: any / the printed one. */
    public record Alias(@NotBlank @Size(max = 100) String level1, @Size(max = 100) String level2,
            @NotBlank @Size(max = 100) String toLevel1, @Size(max = 100) String toLevel2) {
        static Alias of(FrameworkVariants.Variant v) {
            return new Alias(v.level1(), v.level2(), v.toLevel1(), v.toLevel2());
        }
    }

    @GET
    @Path("years/{budgetYear}/aliases")
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "The printed variants an admin added to a budget year's framework")
    public List<Alias> aliases(@PathParam("budgetYear") int budgetYear) {
        return frameworks.aliases(budgetYear).stream().map(Alias::of).toList();
    }

    @POST
    @Path("years/{budgetYear}/aliases")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a printed variant (alias) of a level to a budget year's framework; the checks then report LEVEL_MAPPED, not an ERROR")
    public List<Alias> addAlias(@PathParam("budgetYear") int budgetYear, @NotNull @Valid Alias alias) {
        return frameworks.addAlias(budgetYear, alias.level1(), blankToNull(alias.level2()), alias.toLevel1(),
                blankToNull(alias.toLevel2()), caller.actor()).stream().map(Alias::of).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @GET
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "The frameworks Jixiao knows")
    public List<Framework> all() {
        return frameworks.all();
    }

    @GET
    @Path("years/{budgetYear}")
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "The framework in force for a budget year (classic unless an admin chose another)")
    public Framework forYear(@PathParam("budgetYear") int budgetYear) {
        return frameworks.frameworkFor(budgetYear);
    }

    @PUT
    @Path("years/{budgetYear}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Choose the framework of a budget year")
    public Framework assign(@PathParam("budgetYear") int budgetYear, @NotNull @Valid Assignment assignment) {
        return frameworks.assign(budgetYear, assignment.frameworkCode(), caller.actor());
    }
}
