package org.jixiao.common.events;

import java.util.List;
import org.jixiao.common.contract.FieldChange;
import org.jixiao.common.contract.ProjectDocument;

/**
 * data of ProjectSubmitted and ProjectAmended: the frozen revision in full. For an amendment (调整)
 * {@code amendmentReason} and {@code changes} (field-level diff to the approved revision) are set.
 */
public record ProjectSubmitted(
        ProjectDocument project,
        String submittedBy,
        String amendmentReason,
        Integer approvedRevision,
        List<FieldChange> changes) {
}
