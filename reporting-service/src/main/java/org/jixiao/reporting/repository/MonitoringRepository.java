package org.jixiao.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;
import org.jixiao.reporting.domain.MonitoringRecord;
import org.jixiao.reporting.domain.MonitoringStatus;
import org.jixiao.reporting.domain.YearViewRow;

/** Assessed monitoring reports (table monitoring_report, migration V6): one row per project and period. */
@ApplicationScoped
public class MonitoringRepository {
    private static final String COLUMNS = "project_id, period, report_revision, approved_revision, budget_year,"
            + " department_code, department_name, project_name, as_of, final_report, overall, funding, spent,"
            + " execution_rate, time_progress, lag_points, budget_status, on_track_rows, at_risk_rows, off_track_rows,"
            + " not_assessable_rows, score_total, grade, assessed_at, content";
    private static final String YEAR_VIEW_COLUMNS = "project_id, project_name, department_code, department_name, period,"
            + " as_of, report_revision, final_report, overall, funding, spent, execution_rate, time_progress, lag_points,"
            + " budget_status, on_track_rows, at_risk_rows, off_track_rows, not_assessable_rows, score_total, grade";
    /** Worst first: the overall status by its rank, then more rows off track, then the larger budget lag. */
    private static final String WORST_FIRST = " order by case overall "
            + Arrays.stream(MonitoringStatus.values()).map(s -> "when '" + s.name() + "' then " + s.rank())
                    .collect(Collectors.joining(" "))
            + " else 9 end, off_track_rows desc, at_risk_rows desc, lag_points desc nulls last, project_name, project_id";

    private final EntityManager em;

    public MonitoringRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Inserts the report, or replaces the one kept only when this is a later revision of the period; the
     * comparison is part of the statement, so two consumers racing on one project cannot step back.
     */
    public void saveIfLater(MonitoringRecord r) {
        String updates = Arrays.stream(COLUMNS.split(",\\s*")).filter(c -> !c.equals("project_id") && !c.equals("period"))
                .map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
        em.createNativeQuery("insert into monitoring_report (" + COLUMNS + ") values (:projectId, :period, :reportRevision,"
                + " :approvedRevision, :budgetYear, :departmentCode, :departmentName, :projectName, :asOf, :finalReport,"
                + " :overall, cast(:funding as numeric), cast(:spent as numeric), cast(:executionRate as numeric),"
                + " cast(:timeProgress as numeric), cast(:lagPoints as numeric), :budgetStatus, :onTrack, :atRisk,"
                + " :offTrack, :notAssessable, cast(:scoreTotal as numeric), :grade, :assessedAt, :content)"
                + " on conflict (project_id, period) do update set " + updates
                + " where monitoring_report.report_revision < excluded.report_revision")
                .setParameter("projectId", r.projectId()).setParameter("period", r.period())
                .setParameter("reportRevision", r.reportRevision()).setParameter("approvedRevision", r.approvedRevision())
                .setParameter("budgetYear", r.budgetYear()).setParameter("departmentCode", r.departmentCode())
                .setParameter("departmentName", r.departmentName()).setParameter("projectName", r.projectName())
                .setParameter("asOf", r.asOf()).setParameter("finalReport", r.finalReport())
                .setParameter("overall", r.overall()).setParameter("funding", text(r.funding()))
                .setParameter("spent", text(r.spent())).setParameter("executionRate", text(r.executionRate()))
                .setParameter("timeProgress", text(r.timeProgress())).setParameter("lagPoints", text(r.lagPoints()))
                .setParameter("budgetStatus", r.budgetStatus()).setParameter("onTrack", r.onTrackRows())
                .setParameter("atRisk", r.atRiskRows()).setParameter("offTrack", r.offTrackRows())
                .setParameter("notAssessable", r.notAssessableRows()).setParameter("scoreTotal", text(r.scoreTotal()))
                .setParameter("grade", r.grade()).setParameter("assessedAt", r.assessedAt())
                .setParameter("content", r.content()).executeUpdate();
    }

    public Optional<MonitoringRecord> find(UUID projectId, String period) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from monitoring_report where project_id = :p and period = :m")
                .setParameter("p", projectId).setParameter("m", period).getResultList();
        return rows.stream().findFirst().map(MonitoringRepository::record);
    }

    /** Each project's latest period of the year, filtered, worst first, one page; filtered, sorted and paged in SQL. */
    public Page<YearViewRow> yearView(YearViewRow.Filter filter, PageRequest page) {
        String from = latestOfYear(filter);
        Query list = bind(em.createNativeQuery("select " + YEAR_VIEW_COLUMNS + from + WORST_FIRST + " limit :limit offset :offset"), filter)
                .setParameter("limit", page.size()).setParameter("offset", page.offset());
        Query count = bind(em.createNativeQuery("select count(*)" + from), filter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = list.getResultList();
        return Page.of(rows.stream().map(MonitoringRepository::yearViewRow).toList(), page,
                ((Number) count.getSingleResult()).longValue());
    }

    /** Every row of the year view in the same order, streamed from a cursor (a transaction's), a fetch batch at a time. */
    @SuppressWarnings("unchecked")
    public Stream<YearViewRow> yearViewRows(YearViewRow.Filter filter) {
        Stream<Object[]> rows = bind(em.createNativeQuery("select " + YEAR_VIEW_COLUMNS + latestOfYear(filter) + WORST_FIRST), filter)
                .setHint(HibernateHints.HINT_FETCH_SIZE, ReportQueries.FETCH).setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream();
        return rows.map(MonitoringRepository::yearViewRow);
    }

    private static String latestOfYear(YearViewRow.Filter filter) {
        StringBuilder latest = new StringBuilder("select distinct on (project_id) * from monitoring_report where budget_year = :y");
        if (filter.departmentCode() != null) {
            latest.append(" and department_code = :d");
        }
        latest.append(" order by project_id, period desc");
        return " from (" + latest + ") latest" + (filter.status() != null ? " where overall = :s" : "");
    }

    public void deleteAll() {
        em.createNativeQuery("delete from monitoring_report").executeUpdate();
    }

    private static Query bind(Query q, YearViewRow.Filter filter) {
        q.setParameter("y", filter.budgetYear());
        if (filter.departmentCode() != null) {
            q.setParameter("d", filter.departmentCode());
        }
        if (filter.status() != null) {
            q.setParameter("s", filter.status().name());
        }
        return q;
    }

    /** Nullable decimals travel as text and are cast in SQL: a null of unknown type would not bind as numeric. */
    private static String text(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }

    private static MonitoringRecord record(Object[] r) {
        return new MonitoringRecord((UUID) r[0], (String) r[1], integer(r[2]), integer(r[3]), integer(r[4]), (String) r[5],
                (String) r[6], (String) r[7], date(r[8]), (Boolean) r[9], (String) r[10], (BigDecimal) r[11],
                (BigDecimal) r[12], (BigDecimal) r[13], (BigDecimal) r[14], (BigDecimal) r[15], (String) r[16],
                integer(r[17]), integer(r[18]), integer(r[19]), integer(r[20]), (BigDecimal) r[21], (String) r[22],
                SqlValues.offsetDateTime(r[23]), (String) r[24]);
    }

    private static YearViewRow yearViewRow(Object[] r) {
        return new YearViewRow((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], date(r[5]),
                integer(r[6]), (Boolean) r[7], (String) r[8], (BigDecimal) r[9], (BigDecimal) r[10], (BigDecimal) r[11],
                (BigDecimal) r[12], (BigDecimal) r[13], (String) r[14], integer(r[15]), integer(r[16]), integer(r[17]),
                integer(r[18]), (BigDecimal) r[19], (String) r[20]);
    }

    private static int integer(Object v) {
        return ((Number) v).intValue();
    }

    private static LocalDate date(Object v) {
        return v instanceof LocalDate d ? d : ((java.sql.Date) v).toLocalDate();
    }
}
