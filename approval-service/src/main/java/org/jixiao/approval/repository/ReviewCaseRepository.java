package org.jixiao.approval.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jixiao.approval.domain.CaseStatus;
import org.jixiao.approval.domain.ReviewCase;

@ApplicationScoped
public class ReviewCaseRepository implements PanacheRepositoryBase<ReviewCase, UUID> {

    public Optional<ReviewCase> findByProjectRevision(UUID projectId, int revision) {
        return find("projectId = ?1 and revision = ?2", projectId, revision).firstResultOptional();
    }

    /** The project's case just before {@code revision}, for the diff and the earlier comments. */
    public Optional<ReviewCase> previous(UUID projectId, int revision) {
        return find("projectId = ?1 and revision < ?2 order by revision desc", projectId, revision).firstResultOptional();
    }

    public List<ReviewCase> forProject(UUID projectId) {
        return list("projectId = ?1 order by revision", projectId);
    }

    public record Filter(CaseStatus status, Integer stageIndex, String departmentCode, UUID projectId,
            Integer budgetYear, String assignee) {
    }

    public PanacheQuery<ReviewCase> search(Filter f, Sort sort) {
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        if (f.status() != null) {
            where.add("status = :status");
            p.and("status", f.status());
        }
        if (f.stageIndex() != null) {
            where.add("stageIndex = :stage");
            p.and("stage", f.stageIndex());
        }
        if (f.departmentCode() != null) {
            where.add("departmentCode = :dept");
            p.and("dept", f.departmentCode());
        }
        if (f.projectId() != null) {
            where.add("projectId = :project");
            p.and("project", f.projectId());
        }
        if (f.budgetYear() != null) {
            where.add("budgetYear = :year");
            p.and("year", f.budgetYear());
        }
        if (f.assignee() != null) {
            where.add("assignee = :assignee");
            p.and("assignee", f.assignee());
        }
        return find(String.join(" and ", where), sort, p);
    }

    public String nextApprovalNumber(int budgetYear) {
        Number n = (Number) getEntityManager().createNativeQuery("select nextval('approval_number_seq')").getSingleResult();
        return "JX" + budgetYear + "-" + String.format("%06d", n.longValue());
    }
}
