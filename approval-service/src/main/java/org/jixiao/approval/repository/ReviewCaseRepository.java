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
import org.jixiao.approval.domain.CaseKind;
import org.jixiao.approval.domain.CaseStatus;
import org.jixiao.approval.domain.ReviewCase;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;
import org.jixiao.common.query.SortOrder;
import org.jixiao.common.repository.Paging;

@ApplicationScoped
public class ReviewCaseRepository implements PanacheRepositoryBase<ReviewCase, UUID> {

    private static final List<CaseKind> DECLARATIONS = List.of(CaseKind.SUBMISSION, CaseKind.AMENDMENT);
    private static final List<CaseKind> REPORTS = List.of(CaseKind.MONITORING, CaseKind.SELF_EVALUATION);

    /** The declaration case (submission or amendment) of one revision. */
    public Optional<ReviewCase> findByProjectRevision(UUID projectId, int revision) {
        return find("projectId = ?1 and revision = ?2 and kind in ?3", projectId, revision, DECLARATIONS)
                .firstResultOptional();
    }

    /** The case of one revision of one monitoring report or self-evaluation. */
    public Optional<ReviewCase> findReport(UUID projectId, String period, int reportRevision) {
        return find("projectId = ?1 and period = ?2 and reportRevision = ?3", projectId, period, reportRevision)
                .firstResultOptional();
    }

    /** The project's declaration case just before {@code revision}, for the diff and the earlier comments. */
    public Optional<ReviewCase> previous(UUID projectId, int revision) {
        return find("projectId = ?1 and revision < ?2 and kind in ?3 order by revision desc", projectId, revision,
                DECLARATIONS).firstResultOptional();
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
        if (filter.kind() != null) {
            where.add("kind = :kind");
            p.and("kind", filter.kind());
        }
        if (filter.overdue() != null) {
            // The same test as ReviewCase.isOverdue, so that the filter and the flag agree.
            String overdue = "(status = :open and stageDueAt <= :now)";
            where.add(filter.overdue() ? overdue : "not " + overdue);
            p.and("open", CaseStatus.OPEN).and("now", now);
        }
        return Paging.page(find(String.join(" and ", where), Paging.sort(order, "id"), p), request);
    }

    /** What an open case's due instant depends on, without the snapshot and the rest of the case. */
    public record StageClock(UUID id, int stageIndex, OffsetDateTime stageEnteredAt, OffsetDateTime stageDueAt) {
    }

    /**
     * The next {@code batch} open declaration cases of a budget year after {@code afterId} (by id), whose due instants
     * follow the year's route: a year has tens of thousands of them in the submission season, read a batch at a time.
     */
    public List<StageClock> openStageClocks(int budgetYear, UUID afterId, int batch) {
        return getEntityManager().createQuery("select c.id, c.stageIndex, c.stageEnteredAt, c.stageDueAt from ReviewCase c"
                + " where c.status = :status and c.budgetYear = :year and c.kind in :kinds and c.id > :after order by c.id",
                StageClock.class)
                .setParameter("status", CaseStatus.OPEN).setParameter("year", budgetYear)
                .setParameter("kinds", DECLARATIONS).setParameter("after", afterId)
                .setMaxResults(batch).getResultList();
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
