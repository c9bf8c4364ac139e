package org.jixiao.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jixiao.project.domain.Project;
import org.jixiao.project.domain.ProjectStatus;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    public Optional<Project> findByExternalRef(int budgetYear, String externalRef) {
        return find("budgetYear = ?1 and externalRef = ?2", budgetYear, externalRef).firstResultOptional();
    }

    public List<Project> findByExternalRefs(int budgetYear, List<String> externalRefs) {
        return list("budgetYear = ?1 and externalRef in ?2", budgetYear, externalRefs);
    }

    public record Filter(Integer budgetYear, String departmentCode, ProjectStatus status, String nameContains,
            BigDecimal fundingMin, BigDecimal fundingMax) {
    }

    public PanacheQuery<Project> search(Filter f, Sort sort) {
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
        return find(query, sort, params);
    }
}
