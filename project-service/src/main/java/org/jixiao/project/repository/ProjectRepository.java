package org.jixiao.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;
import org.jixiao.common.query.SortOrder;
import org.jixiao.common.repository.DirectReads;
import org.jixiao.common.repository.Paging;
import org.jixiao.project.domain.Project;
import org.jixiao.project.domain.ProjectFilter;
import org.jixiao.project.domain.ProjectHead;
import org.jixiao.project.domain.ProjectStatus;
import org.jixiao.project.domain.ProjectSummary;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {
    private static final String EXTERNAL_REF_INDEX = "project_external_ref";

    private final ProjectCounts counts;
    private final DirectReads direct;

    public ProjectRepository(ProjectCounts counts, DirectReads direct) {
        this.counts = counts;
        this.direct = direct;
    }

    /**
     * Inserts a new project now rather than at commit, so that a concurrent request that took the same
     * (budgetYear, externalRef) between our check and our insert answers 409, not 500.
     */
    public void insert(Project project) {
        persist(project);
        flushChecked();
    }

    /**
     * A project with its indicator rows in one statement, read-only (Hibernate keeps no snapshot to dirty-check):
     * what a read answers, without the second statement the lazy rows would cost.
     */
    public Optional<Project> findForReading(UUID id) {
        return find("from Project p left join fetch p.indicators where p.id = ?1", id)
                .withHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).singleResultOptional();
    }

    /**
     * A project's department and version in one narrow statement, without a Hibernate session: opening one cost
     * more than the statement (issue 15). Always the database's current row, never a copy held in this process,
     * so that every replica of the service decides alike.
     */
    public Optional<ProjectHead> findHead(UUID id) {
        return direct.query("select department_code, version from project where id = ?", s -> s.setObject(1, id),
                row -> row.next() ? Optional.of(new ProjectHead(row.getString(1), row.getLong(2))) : Optional.empty());
    }

    /** Writes pending changes; the unique index on (budgetYear, externalRef) refusing them is a 409. */
    public void flushChecked() {
        try {
            flush();
        } catch (PersistenceException e) {
            if (isDuplicateExternalRef(e)) {
                throw DomainException.conflict("duplicate-external-ref", "another project took this externalRef"
                        + " for its budget year at the same moment; read the projects again");
            }
            throw e;
        }
    }

    /** Whether the database refused a write because another project has the same (budgetYear, externalRef). */
    public static boolean isDuplicateExternalRef(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && c.getConstraintName() != null
                    && c.getConstraintName().contains(EXTERNAL_REF_INDEX)) {
                return true;
            }
        }
        return false;
    }

    public static DomainException duplicateExternalRef(int budgetYear, String externalRef) {
        return DomainException.conflict("duplicate-external-ref", "a project with externalRef " + externalRef
                + " already exists for budget year " + budgetYear);
    }

    public Optional<Project> findByExternalRef(int budgetYear, String externalRef) {
        return find("budgetYear = ?1 and externalRef = ?2", budgetYear, externalRef).firstResultOptional();
    }

    public List<Project> findByExternalRefs(int budgetYear, List<String> externalRefs) {
        return list("budgetYear = ?1 and externalRef in ?2", budgetYear, externalRefs);
    }

    /** One page of the matching projects; the sort field is an attribute of {@link Project}, id breaks ties. */
    public Page<ProjectSummary> search(ProjectFilter f, SortOrder order, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        // The year and the status are written into the query, not bound: a list filtered by them alone (with the
        // page, PageLiteralsPostgreSQLDialect) is then a statement without parameters, which PostgreSQL plans once
        // per connection instead of at every request, and each such plan is made for the real year and status
        // (a new year's 21 projects or a past year's 33,000). Safe to write: an int and an enum constant, nothing a
        // client typed; few values, so few statements. A department (hundreds of values) stays a parameter.
        int yearAt = -1;
        if (f.budgetYear() != null) {
            yearAt = where.size();
            where.add("budgetYear = " + f.budgetYear().intValue());
        }
        if (f.departmentCode() != null) {
            where.add("departmentCode = :dept");
            params.and("dept", f.departmentCode());
        }
        if (f.status() != null) {
            where.add("status = " + ProjectStatus.class.getName() + "." + f.status().name());
        }
        int gramsAt = -1;
        if (f.nameContains() != null && !f.nameContains().isBlank()) {
            String term = f.nameContains();
            // The name's grams (V9: its characters and character pairs, an unmapped column) must include the
            // term's: the GIN index finds those names. HQL has no array operator: sql() renders it as written.
            gramsAt = where.size();
            where.add("cast(sql('(? @> project_term_grams(?))', column(this.name_grams), :term) as Boolean)");
            params.and("term", term);
            // A term of one or two characters is its own gram, so the index answers exactly; a longer one may
            // have its pairs apart in a name, which LIKE rules out. LIKE only there: PostgreSQL would take the two
            // conditions as independent and expect a tiny share of the rows that match both, choosing its plan
            // for a rare term where the term is common.
            if (term.codePointCount(0, term.length()) > 2) {
                // the backslash escapes % and _ below; without ESCAPE Hibernate sends "escape ''" and they stay wildcards
                where.add("name like :name escape '\\'");
                params.and("name", "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        if (f.fundingMin() != null) {
            where.add("funding >= :min");
            params.and("min", f.fundingMin());
        }
        if (f.fundingMax() != null) {
            where.add("funding <= :max");
            params.and("max", f.fundingMax());
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        // the list's columns only: a page of whole projects would read and decode their long texts for nothing
        var rows = find(query, Paging.sort(order, "id"), params).project(ProjectSummary.class);
        if (yearAt >= 0 && gramsAt >= 0) {
            // The count of a name within a year looks the year's grams up instead (V11): one index lookup finds
            // exactly that year's names, where year and grams intersected the term's names of every year with all
            // of the year's rows (12 of a search's 16 ms at 100,000 projects). The page keeps year and grams: it
            // walks the year's index in the requested order and stops after a page; given the year's grams and the
            // year, PostgreSQL would take them for independent conditions and misjudge both statements.
            List<String> countWhere = new ArrayList<>(where);
            countWhere.set(gramsAt, "cast(sql('(project_year_grams(?, ?) @> project_year_grams(" + f.budgetYear().intValue()
                    + ", project_term_grams(?)))', this.budgetYear, column(this.name_grams), :term) as Boolean)");
            countWhere.remove(yearAt);
            return Paging.page(rows, page, count(String.join(" and ", countWhere), params));
        }
        // a year's count would read tens of thousands of rows per request; the counters answer it exactly
        boolean counted = (f.nameContains() == null || f.nameContains().isBlank()) && f.fundingMin() == null
                && f.fundingMax() == null;
        return counted ? Paging.page(rows, page, counts.count(f.budgetYear(), f.departmentCode(), f.status()))
                : Paging.page(rows, page);
    }
}
