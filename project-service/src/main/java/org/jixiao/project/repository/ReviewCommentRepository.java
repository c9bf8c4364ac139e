package org.jixiao.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jixiao.project.domain.ReviewComment;

@ApplicationScoped
public class ReviewCommentRepository implements PanacheRepositoryBase<ReviewComment, Long> {

    public List<ReviewComment> listFor(UUID projectId) {
        return list("projectId = ?1 order by revision, id", projectId);
    }
}
