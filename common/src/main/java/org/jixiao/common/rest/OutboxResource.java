package org.jixiao.common.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.common.domain.Roles;
import org.jixiao.common.messaging.OutboxAdmin;
import org.jixiao.common.security.Caller;

/** Every service's outbox as an operator sees it (admin only). */
@Path("/api/v1/admin/outbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "outbox and dead letters of this service")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.ADMIN)
public class OutboxResource {
    private final OutboxAdmin outbox;
    private final Caller caller;

    public OutboxResource(OutboxAdmin outbox, Caller caller) {
        this.outbox = outbox;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Events not yet on the broker: how many are pending, and the parked ones (refused for good)")
    public OutboxAdmin.State outbox() {
        return outbox.state();
    }

    @POST
    @Path("{eventId}/retry")
    @Operation(summary = "Put a parked event back in line (after the broker's limit or permission was fixed)")
    @APIResponse(responseCode = "204", description = "back in line")
    public void retry(@PathParam("eventId") UUID eventId) {
        outbox.retry(eventId, caller.name());
    }
}
