package org.jixiao.approval.service;

import java.util.List;
import org.jixiao.approval.domain.CaseComment;
import org.jixiao.approval.domain.StageDecision;

/**
 * A case with what a reviewer reads before deciding.
 *
 * @param findingsJson indicator-service's findings for this revision as JSON; null before they arrive
 * @param comments     the comments of this and the project's earlier rounds, oldest first
 * @param decisions    the stages of this case decided so far, with their grades, oldest first
 */
public record CaseDetail(CaseSummary summary, String findingsJson, List<RoundComment> comments,
        List<StageDecision> decisions) {

    /** A comment and the revision whose round it was made in. */
    public record RoundComment(int revision, CaseComment comment) {
    }
}
