package org.jixiao.common.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jixiao.common.domain.Violation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every 4xx and 5xx answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        @Schema(description = "one entry per rule broken, pointing at the offending part of the request")
        List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
