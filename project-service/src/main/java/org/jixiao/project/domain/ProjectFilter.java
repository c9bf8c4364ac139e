package org.jixiao.project.domain;

import java.math.BigDecimal;
import java.util.List;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Violation;

/** Which projects a list shows; a null criterion does not restrict. */
public record ProjectFilter(Integer budgetYear, String departmentCode, ProjectStatus status, String nameContains,
        BigDecimal fundingMin, BigDecimal fundingMax) {
    /** The largest funding a declaration can hold: 15 digits of yuan (DocumentPolicy's funding rule). */
    static final BigDecimal MAX_FUNDING = new BigDecimal("999999999999999.99");

    public ProjectFilter {
        checkFunding(fundingMin, "fundingMin");
        checkFunding(fundingMax, "fundingMax");
    }

    // A bound no project can reach is a client's mistake (1e999999 once answered every project): say so.
    private static void checkFunding(BigDecimal bound, String parameter) {
        if (bound != null && (bound.signum() < 0 || bound.compareTo(MAX_FUNDING) > 0)) {
            throw DomainException.invalid("invalid-parameter", "Invalid parameter",
                    parameter + "=" + bound.toPlainString() + " is outside 0 … " + MAX_FUNDING.toPlainString(),
                    List.of(new Violation(parameter, "between 0 and " + MAX_FUNDING.toPlainString() + " yuan")));
        }
    }


    /** The filter as {@code actor} may run it: a department actor sees its own department, whatever it asked for. */
    public ProjectFilter visibleTo(Actor actor) {
        return actor.restrictedToDepartment()
                .map(d -> new ProjectFilter(budgetYear, d, status, nameContains, fundingMin, fundingMax))
                .orElse(this);
    }
}
