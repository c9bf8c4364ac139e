package org.jixiao.common.events;

import java.time.OffsetDateTime;
import java.util.List;

/** data of ProjectReturned: the reviewers' comments, each optionally anchored to a field or indicator row. */
public record ProjectReturned(
        String returnedBy,
        OffsetDateTime returnedAt,
        String stage,
        String comment,
        List<ReviewComment> comments) {

    public record ReviewComment(String field, Integer indicatorIndex, String indicatorName, String text) {
    }
}
