package org.jixiao.approval.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.jixiao.approval.domain.CaseComment;

@ApplicationScoped
public class CommentRepository implements PanacheRepositoryBase<CaseComment, Long> {
}
