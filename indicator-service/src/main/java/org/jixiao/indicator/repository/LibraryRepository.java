package org.jixiao.indicator.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;
import org.jixiao.common.repository.LikePatterns;
import org.jixiao.common.repository.Paging;
import org.jixiao.indicator.domain.library.HistoryEntry;
import org.jixiao.indicator.domain.library.LibraryFilter;
import org.jixiao.indicator.domain.library.LibraryIndicator;
import org.jixiao.indicator.domain.library.PastTarget;

@ApplicationScoped
public class LibraryRepository implements PanacheRepositoryBase<LibraryIndicator, UUID> {

    public Optional<LibraryIndicator> find(String level1, String level2, String name) {
        return find("level1 = ?1 and level2 = ?2 and name = ?3", level1, level2, name).firstResultOptional();
    }

    /** One page of the library in taxonomy order; (level1, level2, name) is unique, so pages never overlap. */
    public Page<LibraryIndicator> search(LibraryFilter filter, PageRequest request) {
        List<String> where = new ArrayList<>();
        Parameters p = new Parameters();
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add("(name like :text escape '\\' or description like :text escape '\\')");
            p.and("text", LikePatterns.containing(filter.text()));
        }
        if (filter.level1() != null) {
            where.add("level1 = :level1");
            p.and("level1", filter.level1());
        }
        if (filter.level2() != null) {
            where.add("level2 = :level2");
            p.and("level2", filter.level2());
        }
        if (filter.department() != null) {
            // departments is a comma-separated list: a code matches a whole element (03 is not part of 903)
            where.add("(concat(',', departments, ',') like :dept escape '\\' or scope = 'COMMON')");
            p.and("dept", LikePatterns.containing("," + filter.department() + ","));
        }
        return Paging.page(find(String.join(" and ", where), Sort.by("level1").and("level2").and("name"), p), request);
    }

    public void recordHistory(HistoryEntry entry, UUID projectId, int revision) {
        getEntityManager().createNativeQuery("insert into library_history (indicator_id, department_code, budget_year, project_id,"
                + " revision, project_name, target, approved_at) values (:i, :d, :y, :p, :r, :n, :t, :a)"
                + " on conflict (indicator_id, project_id, revision) do nothing")
                .setParameter("i", entry.indicatorId()).setParameter("d", entry.departmentCode())
                .setParameter("y", entry.budgetYear()).setParameter("p", projectId).setParameter("r", revision)
                .setParameter("n", entry.projectName()).setParameter("t", entry.target())
                .setParameter("a", entry.approvedAt()).executeUpdate();
    }

    /** One page of an indicator's history, newest first (id breaks ties, so pages neither repeat nor skip entries). */
    public List<HistoryEntry> history(UUID indicatorId, String department, PageRequest page) {
        String q = "from HistoryEntry where indicatorId = ?1" + (department == null ? "" : " and departmentCode = ?2")
                + " order by budgetYear desc, approvedAt desc, id";
        var query = getEntityManager().createQuery(q, HistoryEntry.class).setParameter(1, indicatorId);
        if (department != null) {
            query.setParameter(2, department);
        }
        return query.setFirstResult((int) page.offset()).setMaxResults(page.size()).getResultList();
    }

    /**
     * What a department had approved for indicators named like {@code name}, before {@code beforeYear}: the 50
     * newest. Each matching indicator gives at most its own 50 newest, read in order from
     * library_history_department_newest, and the newest of those are kept. Joined the other way round, a name
     * that many indicators share (率) made PostgreSQL read all of a busy department's history, in parallel over
     * the whole table: 165–190 ms at 1.1 million entries, now 2–4 ms (issue 15).
     */
    public List<PastTarget> approvedBefore(String department, String name, int beforeYear) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("select i.id, i.name, i.level1, i.level2,"
                + " h.budget_year, h.target, h.project_name from library_indicator i cross join lateral"
                + " (select h.budget_year, h.approved_at, h.id, h.target, h.project_name from library_history h"
                + " where h.indicator_id = i.id and h.department_code = :d and h.budget_year < :y"
                + " order by h.budget_year desc, h.approved_at desc, h.id limit 50) h"
                + " where i.name like :n escape '\\'"
                + " order by h.budget_year desc, h.approved_at desc, h.id limit 50")
                .setParameter("d", department).setParameter("y", beforeYear)
                .setParameter("n", LikePatterns.containing(name)).getResultList();
        return rows.stream().map(r -> new PastTarget((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).intValue(), (String) r[5], (String) r[6])).toList();
    }
}
