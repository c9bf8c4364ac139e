package org.jixiao.common.events;

import java.time.OffsetDateTime;
import org.jixiao.common.contract.ProjectDocument;

/** data of ProjectApproved: the final decision and the approved snapshot (event-carried state). */
public record ProjectApproved(
        String approvalNumber,
        String approvedBy,
        OffsetDateTime approvedAt,
        /** 评审等级 优/良/中 (差 cannot be approved), may be null. */
        String grade,
        ProjectDocument project) {
}
