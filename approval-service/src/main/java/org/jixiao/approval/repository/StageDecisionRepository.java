package org.jixiao.approval.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jixiao.approval.domain.StageDecision;

@ApplicationScoped
public class StageDecisionRepository implements PanacheRepositoryBase<StageDecision, Long> {

    /** The stages of a case decided so far, oldest first. */
    public List<StageDecision> forCase(UUID caseId) {
        return list("caseId = ?1 order by id", caseId);
    }
}
