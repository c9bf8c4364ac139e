package org.jixiao.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.common.domain.Roles;
import org.jixiao.reporting.service.RebuildService;

@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "maintenance of the read model")
@SecurityRequirement(name = "jwt")
public class AdminResource {
    private final RebuildService rebuild;

    public AdminResource(RebuildService rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Path("rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replay every topic from the beginning into a fresh read model and swap it in")
    public RebuildService.Result rebuild() {
        return rebuild.rebuild();
    }
}
