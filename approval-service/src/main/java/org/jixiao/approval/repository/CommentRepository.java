package org.jixiao.approval.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jixiao.approval.domain.CaseComment;

@ApplicationScoped
public class CommentRepository implements PanacheRepositoryBase<CaseComment, Long> {

    public List<CaseComment> forCases(List<UUID> caseIds) {
        return caseIds.isEmpty() ? List.of() : list("caseId in ?1 order by id", caseIds);
    }
}
