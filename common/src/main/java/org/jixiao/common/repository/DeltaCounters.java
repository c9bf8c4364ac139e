package org.jixiao.common.repository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Compacts the services' delta counter tables. A trigger on a main table inserts +1 for a row's new key and -1
 * for its old key in the writer's own transaction: a count is then the sum of a key's deltas, exact in every
 * snapshot (a rolled-back transaction's deltas vanish with it), and no writer ever waits on a counter row, since
 * none is updated. Compaction keeps the sums cheap: it replaces each key's several deltas by their sum in one
 * statement. Concurrent compactors in READ COMMITTED could not count a delta twice (the second one finds the rows
 * it would delete deleted and skips them, and the sums the first one inserted are not in its snapshot), but they
 * would wait on each other: a transaction-level advisory lock lets one of them compact a table at a time. A
 * reader sees the deltas before or the sums after, never both; writers never wait on a compaction.
 */
@ApplicationScoped
public class DeltaCounters {
    private static final Logger LOG = Logger.getLogger(DeltaCounters.class);
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    /**
     * A counter table of a service: its name, its key columns, and its delta columns ({@code n} unless it says more,
     * e.g. an amount summed beside a count). A key column may hold null: a null is a key like any other.
     */
    public interface Table {
        String table();

        List<String> keys();

        default List<String> sums() {
            return List.of("n");
        }
    }

    /** What one compaction did: delta rows removed and sums inserted in their place. */
    public record Compacted(long deltas, long sums) {
    }

    private final EntityManager em;
    private final Instance<Table> tables;

    public DeltaCounters(EntityManager em, @Any Instance<Table> tables) {
        this.em = em;
        this.tables = tables;
    }

    @Scheduled(every = "${jixiao.counters.compact-every:5s}", delayed = "${jixiao.counters.compact-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        for (Table table : tables) {
            try {
                compact(table);
            } catch (RuntimeException e) {
                LOG.warnf("compacting %s failed, will try again: %s", table.table(), e.toString());
            }
        }
    }

    /** Compacts {@code table} in a transaction of its own. */
    public Compacted compact(Table table) {
        Compacted done = QuarkusTransaction.requiringNew().call(() -> compact(em, table.table(), table.keys(), table.sums()));
        if (done.deltas() > 0) {
            LOG.debugf("compacted %d deltas of %s into %d sums", (Object) done.deltas(), table.table(), done.sums());
        }
        return done;
    }

    /** {@link #compact(EntityManager, String, List, List)} of a table whose only delta column is {@code n}. */
    public static Compacted compact(EntityManager em, String table, List<String> keys) {
        return compact(em, table, keys, List.of("n"));
    }

    /**
     * Replaces the deltas of every key that has more than one row by their sums (none when they are all 0), in one
     * statement of the caller's transaction. Keys with a single row are left alone, so that a quiet table is
     * read, not rewritten.
     */
    public static Compacted compact(EntityManager em, String table, List<String> keys, List<String> sums) {
        checkName(table);
        keys.forEach(DeltaCounters::checkName);
        sums.forEach(DeltaCounters::checkName);
        String k = String.join(", ", keys);
        String v = String.join(", ", sums);
        String summed = String.join(", ", sums.stream().map(c -> "sum(" + c + ")").toList());
        String nonZero = String.join(" or ", sums.stream().map(c -> "sum(" + c + ") <> 0").toList());
        // Two compactors (two instances of a service) would both lock the same rows, each in its plan's order, and
        // might deadlock over them: the one that finds the table taken leaves it to the other.
        Object taken = em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(:name))")
                .setParameter("name", "jixiao.delta-counters." + table).getSingleResult();
        if (!Boolean.TRUE.equals(taken)) {
            return new Compacted(0, 0);
        }
        // The rows are picked by their ctid, not by (keys) in (...): a null key part would match nothing there and its
        // deltas would pile up. Counter rows are only ever inserted and deleted, never updated, so a ctid read in
        // this statement names the same row when the delete reaches it.
        Object[] r = (Object[]) em.createNativeQuery("with moved as (delete from " + table + " where ctid in"
                + " (select unnest(array_agg(ctid)) from " + table + " group by " + k + " having count(*) > 1)"
                + " returning " + k + ", " + v + "),"
                + " summed as (insert into " + table + " (" + k + ", " + v + ") select " + k + ", " + summed + " from moved"
                + " group by " + k + " having " + nonZero + " returning 1)"
                + " select (select count(*) from moved), (select count(*) from summed)").getSingleResult();
        return new Compacted(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
    }

    // names come from code, never from a request; checked all the same, since they are spliced into SQL
    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL name: " + name);
        }
    }
}
