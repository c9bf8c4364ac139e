package org.jixiao.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;
import org.jixiao.common.query.SortOrder;
import org.jixiao.common.repository.Paging;
import org.jixiao.project.domain.Project;
import org.jixiao.project.domain.ProjectFilter;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    public Optional<Project> findByExternalRef(int budgetYear, String externalRef) {
        return find("budgetYear = ?1 and externalRef = ?2", budgetYear, externalRef).firstResultOptional();
    }

    public List<Project> findByExternalRefs(int budgetYear, List<String> externalRefs) {
        return list("budgetYear = ?1 and externalRef in ?2", budgetYear, externalRefs);
    }

    /** One page of the matching projects; the sort field is an attribute of {@link Project}, id breaks ties. */
    public Page<Project> search(ProjectFilter f, SortOrder order, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.budgetYear() != null) {
            where.add("budgetYear = :year");
            params.and("year", f.budgetYear());
        }
        if (f.departmentCode() != null) {
            where.add("departmentCode = :dept");
            params.and("dept", f.departmentCode());
        }
        if (f.status() != null) {
            where.add("status = :status");
            params.and("status", f.status());
        }
        if (f.nameContains() != null && !f.nameContains().isBlank()) {
            where.add("name like :name");
            params.and("name", "%" + f.nameContains().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
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
        return Paging.page(find(query, Paging.sort(order, "id"), params), page);
    }
}
