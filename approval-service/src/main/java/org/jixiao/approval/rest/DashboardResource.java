package org.jixiao.approval.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jixiao.common.security.Caller;
import org.jixiao.common.security.Roles;

@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dashboard", description = "figures for the approval dashboard")
@SecurityRequirement(name = "jwt")
public class DashboardResource {
    private final EntityManager em;
    private final Caller caller;

    public DashboardResource(EntityManager em, Caller caller) {
        this.em = em;
        this.caller = caller;
    }

    public record Summary(Integer budgetYear, Map<String, Long> byStatus, Map<String, Long> openByStage) {
    }

    @GET
    @Path("summary")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.DEPARTMENT})
    @Operation(summary = "Case counts by status, and open cases by stage")
    @Transactional
    public Summary summary(@QueryParam("budgetYear") Integer budgetYear) {
        String department = caller.restrictedToDepartment().orElse(null);
        String where = " where (:year is null or budget_year = :year) and (:dept is null or department_code = :dept)";
        return new Summary(budgetYear,
                counts("select status, count(*) from review_case" + where + " group by status order by status", budgetYear, department),
                counts("select stage_name, count(*) from review_case" + where + " and status = 'OPEN'"
                        + " group by stage_index, stage_name order by stage_index", budgetYear, department));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> counts(String sql, Integer year, String department) {
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("year", year).setParameter("dept", department)
                .getResultList();
        Map<String, Long> result = new LinkedHashMap<>();
        rows.forEach(r -> result.put((String) r[0], ((Number) r[1]).longValue()));
        return result;
    }
}
