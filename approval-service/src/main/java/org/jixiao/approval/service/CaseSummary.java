package org.jixiao.approval.service;

import java.time.OffsetDateTime;
import org.jixiao.approval.domain.CaseStatus;
import org.jixiao.approval.domain.ReviewCase;

/**
 * A case as lists show it.
 *
 * @param workingDaysInStage working days in the current stage; null once the case is decided
 * @param overdue            past the stage's target; null once the case is decided
 * @param flagged            whether indicator-service's findings hold an ERROR; null before they arrive
 */
public record CaseSummary(ReviewCase reviewCase, Integer workingDaysInStage, Boolean overdue, Boolean flagged) {

    static CaseSummary of(ReviewCase c, OffsetDateTime now, Boolean flagged) {
        boolean open = c.status() == CaseStatus.OPEN;
        return new CaseSummary(c, open ? c.workingDaysInStage(now) : null, open ? c.isOverdue(now) : null, flagged);
    }
}
