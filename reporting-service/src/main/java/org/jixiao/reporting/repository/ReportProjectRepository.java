package org.jixiao.reporting.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jixiao.reporting.domain.ReportProject;
import org.jixiao.reporting.domain.ReportStatus;

@ApplicationScoped
public class ReportProjectRepository implements PanacheRepositoryBase<ReportProject, UUID> {

    /** The projects of a year, optionally of one department and in one status (null: any). */
    public List<ReportProject> ofYear(int budgetYear, String departmentCode, ReportStatus status) {
        StringBuilder where = new StringBuilder("budgetYear = :year");
        Parameters params = Parameters.with("year", budgetYear);
        if (departmentCode != null) {
            where.append(" and departmentCode = :department");
            params.and("department", departmentCode);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        return list(where + " order by projectId", params);
    }

    /** These projects as far as they exist, for a rebuild's batch to fold onto. */
    public List<ReportProject> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("projectId in ?1", ids);
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
