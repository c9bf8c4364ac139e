package org.jixiao.approval.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.approval.domain.ReviewRoute;
import org.jixiao.approval.service.RouteService;
import org.jixiao.common.domain.Roles;

@Path("/api/v1/routes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "routes", description = "审核流程: the review stages of a budget year")
@SecurityRequirement(name = "jwt")
public class RouteResource {
    private final RouteService routes;

    public RouteResource(RouteService routes) {
        this.routes = routes;
    }

    /** The sizes are review_stage's columns: longer text answers 400, not a database error. */
    public record StageRequest(@NotBlank @Size(max = 100) String name, @Min(1) int targetDays,
            @Schema(description = "reviewer names allowed on this stage; empty = any reviewer") Set<String> allowedReviewers,
            @Schema(description = "a token claim reviewers need, as claim=value, e.g. office=绩效管理股") @Size(max = 200) String requiredClaim,
            @Schema(description = "四眼原则: whoever decides this stage of a case decides no other stage of it; true when omitted")
            Boolean fourEyes) {
    }

    public record RouteRequest(@NotEmpty List<@jakarta.validation.constraints.NotNull @Valid StageRequest> stages) {
    }

    /** The route as it is answered; the schema names are the ones of the domain records it was before. */
    @Schema(name = "ReviewRoute")
    public record RouteView(int budgetYear, List<StageView> stages) {

        static RouteView of(ReviewRoute route) {
            return new RouteView(route.budgetYear(), route.stages().stream()
                    .map(s -> new StageView(s.name(), s.targetDays(), s.allowedReviewers(), s.requiredClaim(), s.fourEyes()))
                    .toList());
        }
    }

    @Schema(name = "Stage")
    public record StageView(String name, int targetDays, Set<String> allowedReviewers, String requiredClaim,
            @Schema(description = "四眼原则: whoever decides this stage of a case decides no other stage of it") boolean fourEyes) {
    }

    @GET
    @Path("{budgetYear}")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "The route in force for a budget year (the default two stages when none is configured)")
    public RouteView get(@PathParam("budgetYear") int budgetYear) {
        return RouteView.of(routes.routeFor(budgetYear));
    }

    @PUT
    @Path("{budgetYear}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Configure the route of a budget year; open cases keep their stage index")
    public RouteView put(@PathParam("budgetYear") int budgetYear,
            @jakarta.validation.constraints.NotNull @Valid RouteRequest request) {
        return RouteView.of(routes.configure(new ReviewRoute(budgetYear, request.stages().stream()
                .map(s -> new ReviewRoute.Stage(s.name(), s.targetDays(),
                        s.allowedReviewers() == null ? Set.of() : s.allowedReviewers(), s.requiredClaim(),
                        s.fourEyes() == null || s.fourEyes()))
                .toList())));
    }
}
