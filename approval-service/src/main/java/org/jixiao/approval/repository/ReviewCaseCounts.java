package org.jixiao.approval.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jixiao.common.repository.DeltaCounters;

/** review_case_count (V9): case counts by year, department, kind and status, kept by a trigger; compacted here. */
@ApplicationScoped
public class ReviewCaseCounts implements DeltaCounters.Table {
    @Override
    public String table() {
        return "review_case_count";
    }

    @Override
    public List<String> keys() {
        return List.of("budget_year", "department_code", "kind", "status");
    }
}
