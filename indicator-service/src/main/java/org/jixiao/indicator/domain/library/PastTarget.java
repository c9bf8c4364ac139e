package org.jixiao.indicator.domain.library;

import java.util.UUID;

/** 历史标准: a target a department had approved in an earlier year for a library indicator. */
public record PastTarget(UUID indicatorId, String name, String level1, String level2, int budgetYear, String target,
        String projectName) {
}
