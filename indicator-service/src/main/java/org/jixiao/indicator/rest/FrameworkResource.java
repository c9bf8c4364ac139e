package org.jixiao.indicator.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

    public record Assignment(@NotBlank String frameworkCode) {
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
    public Framework assign(@PathParam("budgetYear") int budgetYear, @Valid Assignment assignment) {
        return frameworks.assign(budgetYear, assignment.frameworkCode(), caller.actor());
    }
}
