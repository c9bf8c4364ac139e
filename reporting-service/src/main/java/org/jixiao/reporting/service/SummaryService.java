package org.jixiao.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jixiao.common.security.Caller;
import org.jixiao.reporting.domain.ReportProject;
import org.jixiao.reporting.repository.ReportProjectRepository;

/** 绩效目标情况表: the year's approved projects with their funding and the exact total. */
@ApplicationScoped
public class SummaryService {
    private final ReportProjectRepository projects;
    private final String titleTemplate;

    public SummaryService(ReportProjectRepository projects,
            @ConfigProperty(name = "jixiao.report.summary-title", defaultValue = "{year}年民生领域重大事项绩效目标情况表") String titleTemplate) {
        this.projects = projects;
        this.titleTemplate = titleTemplate;
    }

    public record Row(int seq, String budgetUnitCode, String budgetUnitName, UUID projectId, String projectName,
            BigDecimal amount) {
    }

    public record Summary(String title, String unit, int budgetYear, List<Row> rows, BigDecimal total) {
    }

    @Transactional
    public Summary summary(int budgetYear, String department, Caller caller) {
        String effective = caller.restrictedToDepartment().orElse(department);
        List<Row> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        int seq = 1;
        for (ReportProject p : projects.approved(budgetYear, effective)) {
            rows.add(new Row(seq++, p.budgetUnitCode(), p.budgetUnitName(), p.projectId(), p.projectName(), p.funding()));
            total = total.add(p.funding());
        }
        return new Summary(titleTemplate.replace("{year}", Integer.toString(budgetYear)), "元", budgetYear, rows, total);
    }
}
