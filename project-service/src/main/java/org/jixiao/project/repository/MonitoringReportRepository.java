package org.jixiao.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;
import org.jixiao.common.repository.Paging;
import org.jixiao.project.domain.MonitoringReport;
import org.jixiao.project.domain.MonitoringStatus;

@ApplicationScoped
public class MonitoringReportRepository implements PanacheRepositoryBase<MonitoringReport, UUID> {

    public Optional<MonitoringReport> find(UUID projectId, String period) {
        return find("projectId = ?1 and period = ?2", projectId, period).firstResultOptional();
    }

    /** The report locked for a change (an edit, a submission, the bureau's answer). */
    public Optional<MonitoringReport> lock(UUID projectId, String period) {
        return find("projectId = ?1 and period = ?2", projectId, period).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** One page of a project's reports in period order, optionally of one status; paged and counted in SQL. */
    public Page<MonitoringReport> page(UUID projectId, MonitoringStatus status, PageRequest page) {
        Parameters params = Parameters.with("project", projectId);
        String query = "projectId = :project";
        if (status != null) {
            query += " and status = :status";
            params.and("status", status);
        }
        return Paging.page(find(query, Sort.ascending("period"), params), page);
    }
}
