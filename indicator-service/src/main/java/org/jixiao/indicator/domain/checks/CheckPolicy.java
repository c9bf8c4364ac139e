package org.jixiao.indicator.domain.checks;

import java.util.List;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.contract.Framework;

/** One rule of the automated pre-review (预审); it reports findings, it never refuses the document. */
public interface CheckPolicy {

    List<Finding> check(ProjectDocument project, Framework framework);
}
