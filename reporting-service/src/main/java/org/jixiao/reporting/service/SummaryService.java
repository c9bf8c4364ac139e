package org.jixiao.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Actor;
import org.jixiao.reporting.domain.ReportProject;
import org.jixiao.reporting.domain.ReportStatus;
import org.jixiao.reporting.domain.Summary;
import org.jixiao.reporting.repository.ReportProjectRepository;
import org.jixiao.reporting.repository.RevisionStore;

/** 绩效目标情况表: the year's approved projects with their funding and the exact total. */
@ApplicationScoped
public class SummaryService {
    private final ReportProjectRepository projects;
    private final RevisionStore revisions;
    private final String titleTemplate;

    public SummaryService(ReportProjectRepository projects, RevisionStore revisions,
            @ConfigProperty(name = "jixiao.report.summary-title", defaultValue = "{year}年民生领域重大事项绩效目标情况表") String titleTemplate) {
        this.projects = projects;
        this.revisions = revisions;
        this.titleTemplate = titleTemplate;
    }

    /** The approved projects by default; SUBMITTED or RETURNED list those with their latest revision. */
    @Transactional
    public Summary summary(int budgetYear, String department, ReportStatus status, Actor actor) {
        String effective = actor.restrictedToDepartment().orElse(department);
        List<Summary.Row> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        int seq = 1;
        if (status == ReportStatus.APPROVED) {
            for (ReportProject p : projects.approved(budgetYear, effective)) {
                rows.add(new Summary.Row(seq++, p.budgetUnitCode(), p.budgetUnitName(), p.projectId(), p.projectName(), p.funding()));
                total = total.add(p.funding());
            }
        } else {
            // only the approved revision has its summary columns in report_project; the others come from their documents
            List<Summary.Row> latest = new ArrayList<>();
            for (ReportProject p : projects.ofYear(budgetYear, effective, status)) {
                ProjectDocument d = revisions.document(p.projectId(), p.latestRevision()).orElse(null);
                if (d != null && d.funding() != null) {
                    latest.add(new Summary.Row(0, d.budgetUnitCode(), d.budgetUnitName() != null ? d.budgetUnitName() : d.departmentName(),
                            p.projectId(), d.name(), new BigDecimal(d.funding())));
                }
            }
            latest.sort(Comparator.comparing((Summary.Row r) -> r.budgetUnitCode() == null ? "" : r.budgetUnitCode())
                    .thenComparing(Summary.Row::projectName));
            for (Summary.Row r : latest) {
                rows.add(new Summary.Row(seq++, r.budgetUnitCode(), r.budgetUnitName(), r.projectId(), r.projectName(), r.amount()));
                total = total.add(r.amount());
            }
        }
        return new Summary(titleTemplate.replace("{year}", Integer.toString(budgetYear)), "元", budgetYear, rows, total);
    }
}
