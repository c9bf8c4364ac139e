package org.jixiao.common.test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Hibernate shows every statement it sends to this inspector (tests only; it passes each one through unchanged).
 * While a test records, the statements are kept, so that the test explains the SQL the API really ran rather
 * than a hand-written copy that the service may no longer run. A module makes it its persistence unit's
 * inspector with a subclass annotated {@code @PersistenceUnitExtension @ApplicationScoped} in its tests (a bean
 * in this test-jar would not be discovered).
 */
public class RecordedSql implements StatementInspector {
    private static final List<Sent> RECORDED = new ArrayList<>();
    private static volatile boolean recording;

    /** A statement, and whether a JTA transaction was active on the thread that sent it. */
    public record Sent(String sql, boolean inTransaction) {
    }

    @Override
    public String inspect(String sql) {
        if (recording) {
            Sent sent = new Sent(sql, QuarkusTransaction.isActive());
            synchronized (RECORDED) {
                RECORDED.add(sent);
            }
        }
        return sql;
    }

    /** The statements Hibernate sent while {@code action} ran (other threads' statements included). */
    public static List<String> during(Runnable action) {
        return sentDuring(action).stream().map(Sent::sql).toList();
    }

    /** As {@link #during}, with whether each statement ran in a transaction. */
    public static List<Sent> sentDuring(Runnable action) {
        synchronized (RECORDED) {
            RECORDED.clear();
        }
        recording = true;
        try {
            action.run();
        } finally {
            recording = false;
        }
        synchronized (RECORDED) {
            return List.copyOf(RECORDED);
        }
    }
}
