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

    /** Binds a year's statement's :y, and its :d and :s when they restrict. */
    static Query bind(Query q, int budgetYear, String departmentCode, ReportStatus status) {
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
