package org.jixiao.project.domain;

import java.math.BigDecimal;
import org.jixiao.common.domain.Actor;

/** Which projects a list shows; a null criterion does not restrict. */
public record ProjectFilter(Integer budgetYear, String departmentCode, ProjectStatus status, String nameContains,
        BigDecimal fundingMin, BigDecimal fundingMax) {

    /** The filter as {@code actor} may run it: a department actor sees its own department, whatever it asked for. */
    public ProjectFilter visibleTo(Actor actor) {
        return actor.restrictedToDepartment()
                .map(d -> new ProjectFilter(budgetYear, d, status, nameContains, fundingMin, fundingMax))
                .orElse(this);
    }
}
