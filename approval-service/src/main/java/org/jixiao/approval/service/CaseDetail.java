package org.jixiao.approval.service;

import java.util.List;
import org.jixiao.approval.domain.CaseComment;

/**
 * A case with what a reviewer reads before deciding.
 *
 * @param findingsJson indicator-service's findings for this revision as JSON; null before they arrive
 * @param comments     the comments of this and the project's earlier rounds, oldest first
 */
public record CaseDetail(CaseSummary summary, String findingsJson, List<RoundComment> comments) {

    /** A comment and the revision whose round it was made in. */
    public record RoundComment(int revision, CaseComment comment) {
    }
}
