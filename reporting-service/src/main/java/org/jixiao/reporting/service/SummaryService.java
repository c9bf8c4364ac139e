package org.jixiao.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jixiao.common.domain.Actor;
import org.jixiao.reporting.domain.ReportStatus;
import org.jixiao.reporting.domain.Summary;
import org.jixiao.reporting.repository.ReportQueries;

/**
 * 绩效目标情况表: the year's approved projects with their funding and the exact total. A year holds tens of
 * thousands of rows: {@link #eachRow} hands them over as the database sends them, for the formats that stream.
 */
@ApplicationScoped
public class SummaryService {
    public static final String UNIT = "元";

    private final ReportQueries queries;
    private final String titleTemplate;

    public SummaryService(ReportQueries queries,
            @ConfigProperty(name = "jixiao.report.summary-title", defaultValue = "{year}年民生领域重大事项绩效目标情况表") String titleTemplate) {
        this.queries = queries;
        this.titleTemplate = titleTemplate;
    }

    public String title(int budgetYear) {
        return titleTemplate.replace("{year}", Integer.toString(budgetYear));
    }

    /**
     * Hands each row to {@code each} in the bureau's order, numbered from 1, as the database sends them (one fetch
     * batch in memory), and answers the exact total. The approved projects by default; SUBMITTED or RETURNED list
     * those with their latest revision, whose summary columns come from its document.
     */
    @Transactional
    public BigDecimal eachRow(int budgetYear, String department, ReportStatus status, Actor actor, Consumer<Summary.Row> each) {
        String effective = actor.restrictedToDepartment().orElse(department);
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        int seq = 1;
        try (Stream<Summary.Row> rows = status == ReportStatus.APPROVED ? queries.approvedRows(budgetYear, effective)
                : queries.latestRows(budgetYear, effective, status)) {
            for (var it = rows.iterator(); it.hasNext(); ) {
                Summary.Row r = it.next();
                each.accept(new Summary.Row(seq++, r.budgetUnitCode(), r.budgetUnitName(), r.projectId(), r.projectName(), r.amount()));
                total = total.add(r.amount());
            }
        }
        return total;
    }
}
