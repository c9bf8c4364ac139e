package org.jixiao.approval.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jixiao.approval.domain.WarningFilter;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;

/** Each project's latest assessment (project_warning): what the warnings dashboard pages through. */
@ApplicationScoped
public class WarningRepository {
    private static final String COLUMNS = "project_id, project_name, department_code, budget_year, period, as_of,"
            + " report_revision, overall, budget_status, lag_points, execution_rate, on_track_rows, at_risk_rows,"
            + " off_track_rows, not_assessable_rows, warning_level, case_id";
    private static final String WORST_FIRST = " order by warning_level desc, off_track_rows desc,"
            + " lag_points desc nulls last, project_id";

    private final EntityManager em;

    public WarningRepository(EntityManager em) {
        this.em = em;
    }

    public record Row(UUID projectId, String projectName, String departmentCode, int budgetYear, String period,
            LocalDate asOf, int reportRevision, String overall, String budgetStatus, BigDecimal lagPoints,
            BigDecimal executionRate, int onTrack, int atRisk, int offTrack, int notAssessable, int warningLevel,
            UUID caseId) {
    }

    /** The project's current warning level, locking its row until the transaction ends; empty before its first assessment. */
    public Optional<Integer> levelOf(UUID projectId) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("select warning_level from project_warning where project_id = :p for update")
                .setParameter("p", projectId).getResultList();
        return rows.stream().findFirst().map(Number::intValue);
    }

    /**
     * Makes {@code row} the project's latest assessment unless a later one (asOf, then period, then report
     * revision) is already there: an assessment that arrives late changes nothing. True when it replaced.
     */
    public boolean saveIfLatest(Row row) {
        int changed = em.createNativeQuery("insert into project_warning (" + COLUMNS + ", updated_at) values (:p, :name,"
                + " :dept, :year, :period, :asOf, :rr, :overall, :bs, :lag, :rate, :on, :risk, :off, :na, :level, :case,"
                + " now()) on conflict (project_id) do update set project_name = excluded.project_name,"
                + " department_code = excluded.department_code, budget_year = excluded.budget_year,"
                + " period = excluded.period, as_of = excluded.as_of, report_revision = excluded.report_revision,"
                + " overall = excluded.overall, budget_status = excluded.budget_status, lag_points = excluded.lag_points,"
                + " execution_rate = excluded.execution_rate, on_track_rows = excluded.on_track_rows,"
                + " at_risk_rows = excluded.at_risk_rows, off_track_rows = excluded.off_track_rows,"
                + " not_assessable_rows = excluded.not_assessable_rows, warning_level = excluded.warning_level,"
                + " case_id = excluded.case_id, updated_at = now()"
                + " where (excluded.as_of, excluded.period, excluded.report_revision)"
                + " > (project_warning.as_of, project_warning.period, project_warning.report_revision)")
                .setParameter("p", row.projectId()).setParameter("name", row.projectName())
                .setParameter("dept", row.departmentCode()).setParameter("year", row.budgetYear())
                .setParameter("period", row.period()).setParameter("asOf", row.asOf())
                .setParameter("rr", row.reportRevision()).setParameter("overall", row.overall())
                .setParameter("bs", row.budgetStatus()).setParameter("lag", row.lagPoints())
                .setParameter("rate", row.executionRate()).setParameter("on", row.onTrack())
                .setParameter("risk", row.atRisk()).setParameter("off", row.offTrack())
                .setParameter("na", row.notAssessable()).setParameter("level", row.warningLevel())
                .setParameter("case", row.caseId()).executeUpdate();
        return changed == 1;
    }

    /** One page of the projects with a warning, worst first (OFF_TRACK, more off-track rows, larger budget lag). */
    public Page<Row> page(WarningFilter filter, PageRequest request) {
        // only the criteria given, so that the planner sees the partial index that fits (V7)
        StringBuilder where = new StringBuilder(" from project_warning where warning_level > 0");
        if (filter.budgetYear() != null) {
            where.append(" and budget_year = :year");
        }
        if (filter.departmentCode() != null) {
            where.append(" and department_code = :dept");
        }
        Query count = em.createNativeQuery("select count(*)" + where);
        Query select = em.createNativeQuery("select " + COLUMNS + where + WORST_FIRST + " limit :limit offset :offset")
                .setParameter("limit", request.size()).setParameter("offset", request.offset());
        for (Query q : List.of(count, select)) {
            if (filter.budgetYear() != null) {
                q.setParameter("year", filter.budgetYear());
            }
            if (filter.departmentCode() != null) {
                q.setParameter("dept", filter.departmentCode());
            }
        }
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        return Page.of(rows.stream().map(WarningRepository::row).toList(), request, total);
    }

    private static Row row(Object[] r) {
        return new Row((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(), (String) r[4],
                r[5] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[5], ((Number) r[6]).intValue(),
                (String) r[7], (String) r[8], (BigDecimal) r[9], (BigDecimal) r[10], ((Number) r[11]).intValue(),
                ((Number) r[12]).intValue(), ((Number) r[13]).intValue(), ((Number) r[14]).intValue(),
                ((Number) r[15]).intValue(), (UUID) r[16]);
    }
}
