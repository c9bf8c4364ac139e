package org.jixiao.approval.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jixiao.approval.domain.HistoryEntry;

@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryEntry, Long> {

    public List<HistoryEntry> forCase(UUID caseId) {
        return list("caseId = ?1 order by id", caseId);
    }
}
