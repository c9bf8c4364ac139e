package org.jixiao.reporting.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jixiao.reporting.domain.ReportProject;

/** Projects one at a time (the fold, the tables of a project); the reads of a whole year are {@link ReportQueries}'. */
@ApplicationScoped
public class ReportProjectRepository implements PanacheRepositoryBase<ReportProject, UUID> {

    /** These projects as far as they exist, for a rebuild's batch to fold onto. */
    public List<ReportProject> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("projectId in ?1", ids);
    }
}
