package org.jixiao.reporting.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jixiao.reporting.domain.ReportProject;

@ApplicationScoped
public class ReportProjectRepository implements PanacheRepositoryBase<ReportProject, UUID> {

    public List<ReportProject> ofYear(int budgetYear, String departmentCode) {
        return departmentCode == null ? list("budgetYear = ?1 order by projectId", budgetYear)
                : list("budgetYear = ?1 and departmentCode = ?2 order by projectId", budgetYear, departmentCode);
    }

    public List<ReportProject> withStatus(int budgetYear, org.jixiao.reporting.domain.ReportStatus status, String departmentCode) {
        return departmentCode == null ? list("budgetYear = ?1 and status = ?2", budgetYear, status)
                : list("budgetYear = ?1 and status = ?2 and departmentCode = ?3", budgetYear, status, departmentCode);
    }

    /** Approved projects of a year in the bureau's order: 预算单位 code, then project name. */
    public List<ReportProject> approved(int budgetYear, String departmentCode) {
        String where = "budgetYear = ?1 and approvedRevision is not null";
        return departmentCode == null
                ? list(where + " order by budgetUnitCode, projectName, projectId", budgetYear)
                : list(where + " and departmentCode = ?2 order by budgetUnitCode, projectName, projectId", budgetYear,
                        departmentCode);
    }
}
