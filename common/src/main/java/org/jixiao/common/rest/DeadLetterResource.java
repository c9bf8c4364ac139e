package org.jixiao.common.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.common.domain.Roles;
import org.jixiao.common.messaging.DeadLetters;
import org.jixiao.common.security.Caller;

/** Every service's dead letters: records it can never process (admin only). */
@Path("/api/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "outbox and dead letters of this service")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.ADMIN)
public class DeadLetterResource {
    private final DeadLetters deadLetters;
    private final Caller caller;

    public DeadLetterResource(DeadLetters deadLetters, Caller caller) {
        this.deadLetters = deadLetters;
        this.caller = caller;
    }

    public record DeadLetterView(UUID eventId, String topic, String reason, java.time.OffsetDateTime receivedAt,
            java.time.OffsetDateTime replayedAt, String replayedBy) {
    }

    @GET
    @Operation(summary = "Records this service can never process (newest first)")
    public List<DeadLetterView> deadLetters(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return deadLetters.list(limit).stream().map(d -> new DeadLetterView(d.eventId(), d.topic(), d.reason(),
                d.receivedAt(), d.replayedAt(), d.replayedBy())).toList();
    }

    public record ReplayResult(UUID eventId, boolean applied) {
    }

    @POST
    @Path("{eventId}/replay")
    @Operation(summary = "Apply a dead letter again, e.g. after an upgrade taught the service its type or version")
    public ReplayResult replay(@PathParam("eventId") UUID eventId) {
        return new ReplayResult(eventId, deadLetters.replay(eventId, caller.name()));
    }
}
