package org.jixiao.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;
import org.jixiao.reporting.domain.ReportStatus;
import org.jixiao.reporting.domain.Summary;

/**
 * The reads of a whole budget year (about 33,000 projects at province scale), in SQL: rows as plain values streamed
 * in batches of {@link #FETCH} from a cursor, and aggregates that answer a handful of rows. None loads an entity,
 * so none keeps the year in the session; the streams must be consumed inside a transaction (PostgreSQL keeps a
 * cursor only there) and closed.
 */
@ApplicationScoped
public class ReportQueries {
    /** Rows the driver fetches at a time: the heap holds one batch of a year, whatever its size. */
    public static final int FETCH = 500;

    private final EntityManager em;

    public ReportQueries(EntityManager em) {
        this.em = em;
    }

    /** The approved projects of a year in the bureau's order (预算单位 code, name), numbered 0: the caller numbers them. */
    public Stream<Summary.Row> approvedRows(int budgetYear, String departmentCode) {
        Query q = em.createNativeQuery("select project_id, budget_unit_code, budget_unit_name, project_name, funding"
                + " from report_project where budget_year = :y and approved_revision is not null"
                + (departmentCode == null ? "" : " and department_code = :d")
                + " order by budget_unit_code, project_name, project_id");
        return rows(bind(q, budgetYear, departmentCode, null)).map(r -> new Summary.Row(0, (String) r[1], (String) r[2],
                (UUID) r[0], (String) r[3], (BigDecimal) r[4]));
    }

    /**
     * Projects of a year in {@code status} with their latest revision's summary columns, read from its document;
     * those without a document or a funding are left out. Ordered like the bureau's table by code (none first) and
     * name in code-point order (collation "C": what Java's String order gives for the names it prints), then id.
     */
    public Stream<Summary.Row> latestRows(int budgetYear, String departmentCode, ReportStatus status) {
        Query q = em.createNativeQuery("select p.project_id, d.\"budgetUnitCode\", coalesce(d.\"budgetUnitName\", d.\"departmentName\"),"
                + " d.name, d.funding from report_project p"
                + " join report_revision r on r.project_id = p.project_id and r.revision = p.latest_revision"
                + " cross join lateral json_to_record(cast(r.document as json))"
                + " as d(\"budgetUnitCode\" text, \"budgetUnitName\" text, \"departmentName\" text, name text, funding text)"
                + " where p.budget_year = :y and p.status = :s" + (departmentCode == null ? "" : " and p.department_code = :d")
                + " and d.funding is not null"
                + " order by coalesce(d.\"budgetUnitCode\", '') collate \"C\", d.name collate \"C\", p.project_id");
        return rows(bind(q, budgetYear, departmentCode, status)).map(r -> new Summary.Row(0, (String) r[1], (String) r[2],
                (UUID) r[0], (String) r[3], new BigDecimal((String) r[4])));
    }

    /** [approved projects, their funding, listed ones, their funding] of a year; a version's projects no longer approved do not count. */
    public Object[] coverage(int budgetYear, Integer version) {
        return (Object[]) em.createNativeQuery("select count(*), sum(coalesce(p.funding, 0)), count(v.project_id),"
                + " sum(coalesce(p.funding, 0)) filter (where v.project_id is not null) from report_project p"
                + " left join (select distinct project_id from publication_version_row where budget_year = :y and version = :v) v"
                + " on v.project_id = p.project_id where p.budget_year = :y and p.approved_revision is not null")
                .setParameter("y", budgetYear).setParameter("v", version == null ? -1 : version).getSingleResult();
    }

    /**
     * The projects the statistics count: of the year (and department, status), each with the revision it counts
     * with (the approved one, else the latest) and that revision's figures, taken from its document when it was
     * written (V8); without the document it does not count.
     */
    private static String counted(String departmentCode, ReportStatus status) {
        return "(select p.project_id, p.status, p.latest_revision, p.approved_at, p.approved_submitted_at,"
                + " coalesce(p.approved_revision, p.latest_revision) as revision, r.department_code, r.department_name,"
                + " r.funding from report_project p join report_revision_figures r"
                + " on r.project_id = p.project_id and r.revision = coalesce(p.approved_revision, p.latest_revision)"
                + " where p.budget_year = :y" + (departmentCode == null ? "" : " and p.department_code = :d")
                + (status == null ? "" : " and p.status = :s") + ") c";
    }

    /**
     * Per department (by the document's code, named as in the first project by id) and per status: [0 for a
     * department's row or 1 for a status's, department code, status, department name, projects, funding]; a document
     * without funding counts 0.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> fundingByDepartmentAndStatus(int budgetYear, String departmentCode, ReportStatus status) {
        return bind(em.createNativeQuery("select grouping(c.department_code), c.department_code, c.status,"
                + " (array_agg(c.department_name order by c.project_id))[1], count(*), sum(coalesce(c.funding, 0))"
                + " from " + counted(departmentCode, status)
                + " group by grouping sets ((c.department_code), (c.status))"), budgetYear, departmentCode, status).getResultList();
    }

    /** Per 一级/二级 of the documents' rows: [level1, level2, projects with such a row, rows]; a missing level reads "null". */
    @SuppressWarnings("unchecked")
    public List<Object[]> indicatorsByLevel(int budgetYear, String departmentCode, ReportStatus status) {
        return bind(em.createNativeQuery("select coalesce(l.level1, 'null'), coalesce(l.level2, 'null'), count(distinct c.project_id),"
                + " sum(l.rows) from " + counted(departmentCode, status)
                + " join report_revision_level l on l.project_id = c.project_id and l.revision = c.revision"
                + " group by 1, 2"), budgetYear, departmentCode, status).getResultList();
    }

    /** [targets, quantified] summed over the counted revisions' pre-reviews that reported them. */
    public Object[] quantified(int budgetYear, String departmentCode, ReportStatus status) {
        return (Object[]) bind(em.createNativeQuery("select coalesce(sum(f.targets), 0), coalesce(sum(f.quantified_targets), 0)"
                + " from " + counted(departmentCode, status)
                + " join report_findings f on f.project_id = c.project_id and f.revision = c.revision and f.targets is not null"),
                budgetYear, departmentCode, status).getSingleResult();
    }

    /**
     * [approvals with both instants, median, 90th percentile] of submission → approval in hours, interpolated linearly;
     * whole milliseconds (truncated) over 3,600,000 in double precision, the arithmetic the figures always had.
     */
    public Object[] leadTimes(int budgetYear, String departmentCode, ReportStatus status) {
        return (Object[]) bind(em.createNativeQuery("select count(*), percentile_cont(0.5) within group (order by h),"
                + " percentile_cont(0.9) within group (order by h) from (select cast(trunc((extract(epoch from c.approved_at)"
                + " - extract(epoch from c.approved_submitted_at)) * 1000) as double precision) / 3600000 as h from "
                + counted(departmentCode, status) + " where c.approved_at is not null and c.approved_submitted_at is not null) t"),
                budgetYear, departmentCode, status).getSingleResult();
    }

    /** Findings of each counted project's latest revision: [code, severity, count]; a missing value reads "", a JSON null "null". */
    @SuppressWarnings("unchecked")
    public List<Object[]> findings(int budgetYear, String departmentCode, ReportStatus status) {
        return bind(em.createNativeQuery("select f.code, f.severity, sum(f.n) from " + counted(departmentCode, status)
                + " join report_finding_count f on f.project_id = c.project_id and f.revision = c.latest_revision"
                + " group by 1, 2"), budgetYear, departmentCode, status).getResultList();
    }

    private static Query bind(Query q, int budgetYear, String departmentCode, ReportStatus status) {
        q.setParameter("y", budgetYear);
        if (departmentCode != null) {
            q.setParameter("d", departmentCode);
        }
        if (status != null) {
            q.setParameter("s", status.name());
        }
        return q;
    }

    @SuppressWarnings("unchecked")
    private static Stream<Object[]> rows(Query q) {
        return q.setHint(HibernateHints.HINT_FETCH_SIZE, FETCH).setHint(HibernateHints.HINT_READ_ONLY, true).getResultStream();
    }
}
