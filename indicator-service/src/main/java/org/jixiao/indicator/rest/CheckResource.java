package org.jixiao.indicator.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Roles;
import org.jixiao.common.rest.ApiDocumentFilter;
import org.jixiao.common.rest.Problem;
import org.jixiao.indicator.domain.checks.Finding.Severity;
import org.jixiao.indicator.service.CheckService;

@Path("/api/v1/checks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "checks", description = "自动预审: automated pre-review of a declaration")
@SecurityRequirement(name = "jwt")
public class CheckResource {
    private final CheckService checks;

    public CheckResource(CheckService checks) {
        this.checks = checks;
    }

    public record CheckResult(List<Finding> findings) {
    }

    /** The same fields as the findings of IndicatorCheckCompleted, so clients read both alike. */
    public record Finding(String code, Severity severity, Integer indicatorIndex, String messageZh, String messageEn) {
        static Finding of(org.jixiao.indicator.domain.checks.Finding f) {
            return new Finding(f.code(), f.severity(), f.indicatorIndex(), f.messageZh(), f.messageEn());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPARTMENT, Roles.REVIEWER, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Check an interchange document against the framework of its budget year")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CheckResult.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Extension(name = ApiDocumentFilter.PURE, value = "true")
    public CheckResult check(@NotNull ProjectDocument project) {
        return new CheckResult(checks.check(project).stream().map(Finding::of).toList());
    }
}
