package org.jixiao.reporting.service;

import org.jixiao.common.contract.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jixiao.common.security.Caller;
import org.jixiao.reporting.domain.ReportProject;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.reporting.domain.ReportStatus;
import org.jixiao.reporting.repository.ReportProjectRepository;
import org.jixiao.reporting.repository.RevisionStore;

/** 绩效目标情况表: the year's approved projects with their funding and the exact total. */
@ApplicationScoped
public class SummaryService {
    private final ReportProjectRepository projects;
    private final RevisionStore revisions;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final String titleTemplate;

    public SummaryService(ReportProjectRepository projects, RevisionStore revisions,
            com.fasterxml.jackson.databind.ObjectMapper json,
            @ConfigProperty(name = "jixiao.report.summary-title", defaultValue = "{year}年民生领域重大事项绩效目标情况表") String titleTemplate) {
        this.projects = projects;
        this.revisions = revisions;
        this.json = json;
        this.titleTemplate = titleTemplate;
    }

    public record Row(int seq, String budgetUnitCode, String budgetUnitName, UUID projectId, String projectName,
            BigDecimal amount) {
    }

    public record Summary(String title, String unit, int budgetYear, List<Row> rows, BigDecimal total) {
    }

    /** The approved projects by default; SUBMITTED or RETURNED list those with their latest revision. */
    @Transactional
    public Summary summary(int budgetYear, String department, ReportStatus status, Caller caller) {
        String effective = caller.restrictedToDepartment().orElse(department);
        List<Row> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        int seq = 1;
        if (status == ReportStatus.APPROVED) {
            for (ReportProject p : projects.approved(budgetYear, effective)) {
                rows.add(new Row(seq++, p.budgetUnitCode(), p.budgetUnitName(), p.projectId(), p.projectName(), p.funding()));
                total = total.add(p.funding());
            }
        } else {
            List<Row> latest = new ArrayList<>();
            for (ReportProject p : projects.withStatus(budgetYear, status, effective)) {
                ProjectDocument d = revisions.document(p.projectId(), p.latestRevision()).map(this::read).orElse(null);
                if (d != null && d.funding() != null) {
                    latest.add(new Row(0, d.budgetUnitCode(), d.budgetUnitName() != null ? d.budgetUnitName() : d.departmentName(),
                            p.projectId(), d.name(), new BigDecimal(d.funding())));
                }
            }
            latest.sort(java.util.Comparator.comparing((Row r) -> r.budgetUnitCode() == null ? "" : r.budgetUnitCode())
                    .thenComparing(Row::projectName));
            for (Row r : latest) {
                rows.add(new Row(seq++, r.budgetUnitCode(), r.budgetUnitName(), r.projectId(), r.projectName(), r.amount()));
                total = total.add(r.amount());
            }
        }
        return new Summary(titleTemplate.replace("{year}", Integer.toString(budgetYear)), "元", budgetYear, rows, total);
    }

    private ProjectDocument read(String json) {
        return Json.read(this.json, json, ProjectDocument.class);
    }
}
