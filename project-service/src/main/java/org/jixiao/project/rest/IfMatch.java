package org.jixiao.project.rest;

import java.util.List;
import org.jixiao.common.domain.DomainException;

/** The version an If-Match header names: our ETags are the entity's version, strong or weak, quoted. */
final class IfMatch {
    private IfMatch() {
    }

    /** The version, or 428 when the header is missing and 412 when it is not one of our ETags ({@code noun}: what it tags). */
    static long requireVersion(String ifMatch, String noun) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new DomainException(DomainException.Kind.PRECONDITION_REQUIRED, "if-match-required", null,
                    "send If-Match with the ETag of your last read of this " + noun, List.of());
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new DomainException(DomainException.Kind.PRECONDITION_FAILED, "stale-etag", null,
                    "If-Match " + ifMatch + " is not an ETag of this " + noun, List.of());
        }
    }
}
