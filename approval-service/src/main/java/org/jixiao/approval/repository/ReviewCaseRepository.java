package org.jixiao.approval.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jixiao.approval.domain.CaseFilter;
import org.jixiao.approval.domain.CaseStatus;
import org.jixiao.approval.domain.ReviewCase;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;
import org.jixiao.common.query.SortOrder;
import org.jixiao.common.repository.Paging;

@ApplicationScoped
public class ReviewCaseRepository implements PanacheRepositoryBase<ReviewCase, UUID> {

    public Optional<ReviewCase> findByProjectRevision(UUID projectId, int revision) {
        return find("projectId = ?1 and revision = ?2", projectId, revision).firstResultOptional();
    }

    /** The project's case just before {@code revision}, for the diff and the earlier comments. */
    public Optional<ReviewCase> previous(UUID projectId, int revision) {
        return find("projectId = ?1 and revision < ?2 order by revision desc", projectId, revision).firstResultOptional();
    }

    /** The project's cases up to and including {@code revision}: the rounds whose comments a case shows. */
    public List<ReviewCase> roundsUpTo(UUID projectId, int revision) {
        return list("projectId = ?1 and revision <= ?2 order by revision", projectId, revision);
    }

    /** One page of the cases {@code filter} keeps, ordered by {@code order} then id; overdue as of {@code now}. */
    public Page<ReviewCase> page(CaseFilter filter, OffsetDateTime now, SortOrder order, PageRequest request) {
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        if (filter.status() != null) {
            where.add("status = :status");
            p.and("status", filter.status());
        }
        if (filter.stageIndex() != null) {
            where.add("stageIndex = :stage");
            p.and("stage", filter.stageIndex());
        }
        if (filter.departmentCode() != null) {
            where.add("departmentCode = :dept");
            p.and("dept", filter.departmentCode());
        }
        if (filter.projectId() != null) {
            where.add("projectId = :project");
            p.and("project", filter.projectId());
        }
        if (filter.budgetYear() != null) {
            where.add("budgetYear = :year");
            p.and("year", filter.budgetYear());
        }
        if (filter.assignee() != null) {
            where.add("assignee = :assignee");
            p.and("assignee", filter.assignee());
        }
        if (filter.overdue() != null) {
            // The same test as ReviewCase.isOverdue, so that the filter and the flag agree.
            String overdue = "(status = :open and stageDueAt <= :now)";
            where.add(filter.overdue() ? overdue : "not " + overdue);
            p.and("open", CaseStatus.OPEN).and("now", now);
        }
        return Paging.page(find(String.join(" and ", where), Paging.sort(order, "id"), p), request);
    }

    /** The open cases of a budget year, whose due instants follow the year's route. */
    public List<ReviewCase> openIn(int budgetYear) {
        return list("status = ?1 and budgetYear = ?2", CaseStatus.OPEN, budgetYear);
    }

    /** Moves a case's due instant without touching its version: a route change must not fail a concurrent decision. */
    public void setStageDueAt(UUID caseId, OffsetDateTime dueAt) {
        update("stageDueAt = ?1 where id = ?2", dueAt, caseId);
    }

    public String nextApprovalNumber(int budgetYear) {
        Number n = (Number) getEntityManager().createNativeQuery("select nextval('approval_number_seq')").getSingleResult();
        return "JX" + budgetYear + "-" + String.format("%06d", n.longValue());
    }
}
