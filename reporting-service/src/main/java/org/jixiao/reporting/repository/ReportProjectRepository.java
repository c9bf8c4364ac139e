package org.jixiao.reporting.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jixiao.reporting.domain.ReportProject;

/** Projects one at a time (the fold, the tables of a project); the reads of a whole year are {@link ReportQueries}'. */
@ApplicationScoped
public class ReportProjectRepository implements PanacheRepositoryBase<ReportProject, UUID> {
}
