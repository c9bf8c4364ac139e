package org.jixiao.project.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jixiao.common.repository.DirectReads;
import org.jixiao.common.repository.DeltaCounters;

/**
 * Exact counts of the projects whose name contains a term of one or two characters, per budget year, from
 * project_gram_count (V15, kept by statement triggers): the year's 1,588 names containing 学校 at province scale
 * are one counter row, where the gram index made PostgreSQL visit each of their heap pages. The counters hold the
 * grams of {@code project_name_grams}: a migration that changes that function recomputes the stored column without
 * firing the update trigger, so it must refill project_gram_count as V15's last statement does.
 */
@ApplicationScoped
public class ProjectNameCounts implements DeltaCounters.Table {
    /** The longest term the counters answer: one that is its own gram (V9's characters and character pairs). */
    public static final int LONGEST_TERM = 2;

    private final DirectReads direct;

    public ProjectNameCounts(DirectReads direct) {
        this.direct = direct;
    }

    @Override
    public String table() {
        return "project_gram_count";
    }

    @Override
    public List<String> keys() {
        return List.of("budget_year", "gram");
    }

    /** Whether {@link #count} answers for {@code term}: one or two characters (code points, as PostgreSQL counts). */
    public static boolean answers(String term) {
        int length = term.codePointCount(0, term.length());
        return length >= 1 && length <= LONGEST_TERM;
    }

    /** The number of projects of a year (of every year when null) whose name contains {@code term}; see {@link #answers}. */
    public long count(Integer budgetYear, String term) {
        if (!answers(term)) {
            throw new IllegalArgumentException("the counters hold terms of one or two characters, not " + term);
        }
        SqlConditions where = new SqlConditions();
        where.add("gram = ?", term);
        if (budgetYear != null) {
            where.add("budget_year = ?", budgetYear);
        }
        return direct.query("select coalesce(sum(n), 0) from project_gram_count" + where.sql(), where::bind,
                SqlConditions::firstLong);
    }
}
