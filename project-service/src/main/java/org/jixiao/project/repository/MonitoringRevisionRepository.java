package org.jixiao.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jixiao.project.domain.MonitoringRevision;

@ApplicationScoped
public class MonitoringRevisionRepository implements PanacheRepositoryBase<MonitoringRevision, MonitoringRevision.Key> {

    public List<MonitoringRevision> listFor(UUID reportId) {
        return list("reportId = ?1 order by reportRevision", reportId);
    }

    public Optional<MonitoringRevision> find(UUID reportId, int reportRevision) {
        return find("reportId = ?1 and reportRevision = ?2", reportId, reportRevision).firstResultOptional();
    }
}
