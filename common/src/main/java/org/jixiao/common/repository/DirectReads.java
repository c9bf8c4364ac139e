package org.jixiao.common.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.engine.jdbc.spi.SqlExceptionHelper;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.postgresql.PGStatement;

/**
 * One small read statement on a pooled connection of its own, outside Hibernate. For the few reads of the hottest
 * requests whose answer is a handful of columns (a project's version, a count): there, opening a Hibernate session
 * and running its native-query machinery cost more than the statement itself (issue 15). Joins the JTA
 * transaction when one is active, as every connection of the pool does. A failure is translated as Hibernate
 * would have, so the database away is the same 503 here as on every other read, and each statement passes the
 * persistence unit's statement inspector as Hibernate's own do (the tests that explain the SQL a request ran see
 * these too).
 */
@ApplicationScoped
public class DirectReads {
    /** Sets the statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads the answer from the result, positioned before its first row. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private final DataSource dataSource;
    private final SqlExceptionHelper errors;
    private final StatementInspector inspector;

    public DirectReads(DataSource dataSource, SessionFactory hibernate) {
        this.dataSource = dataSource;
        SessionFactoryImplementor factory = hibernate.unwrap(SessionFactoryImplementor.class);
        this.errors = factory.getJdbcServices().getSqlExceptionHelper();
        StatementInspector configured = factory.getSessionFactoryOptions().getStatementInspector();
        this.inspector = configured == null ? sql -> sql : configured;
    }

    public <T> T query(String written, Binder parameters, Reader<T> reader) {
        return query(written, parameters, reader, false);
    }

    /**
     * As {@link #query}, for a statement whose best plan depends on the values bound: PostgreSQL plans it for
     * those values at every execution. The driver otherwise prepares a statement on the server after its fifth
     * execution on a connection, and PostgreSQL then may keep one generic plan for every value, made without
     * knowing any: for a name search that plan intersects the year's rows with the term's and sorts them, right
     * for a rare term and 20 times slower than walking the year's sort index for a common one (学校: 35 ms for
     * 1.6 ms at 640,000 projects). Which plan it keeps depended on the statistics of the day; an ANALYZE switched
     * it. Costs the planning, a fraction of a millisecond.
     */
    public <T> T queryPlannedForItsValues(String written, Binder parameters, Reader<T> reader) {
        return query(written, parameters, reader, true);
    }

    private <T> T query(String written, Binder parameters, Reader<T> reader, boolean planForValues) {
        String sql = inspector.inspect(written);
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (planForValues) {
                // never a named server-side statement: PostgreSQL plans an unnamed one for the values bound
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            parameters.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw errors.convert(e, "cannot read", sql);
        }
    }
}
