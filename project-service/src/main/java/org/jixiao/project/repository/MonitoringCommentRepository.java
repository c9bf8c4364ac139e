package org.jixiao.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jixiao.project.domain.MonitoringComment;

@ApplicationScoped
public class MonitoringCommentRepository implements PanacheRepositoryBase<MonitoringComment, Long> {

    public List<MonitoringComment> listFor(UUID reportId) {
        return list("reportId = ?1 order by reportRevision, id", reportId);
    }
}
