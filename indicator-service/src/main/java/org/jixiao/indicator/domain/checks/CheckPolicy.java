package org.jixiao.indicator.domain.checks;

import java.util.List;
import org.jixiao.common.contract.Framework;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.indicator.domain.FrameworkVariants;

/** One rule of the automated pre-review (预审); it reports findings, it never refuses the document. */
public interface CheckPolicy {

    /** @param levels the year's framework with the variant placements it accepts */
    List<Finding> check(ProjectDocument project, FrameworkVariants levels);

    default List<Finding> check(ProjectDocument project, Framework framework) {
        return check(project, FrameworkVariants.of(framework));
    }
}
