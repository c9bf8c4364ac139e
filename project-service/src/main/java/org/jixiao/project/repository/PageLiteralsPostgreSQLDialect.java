package org.jixiao.project.repository;

import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.dialect.sql.ast.PostgreSQLSqlAstTranslator;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.sql.ast.SqlAstTranslator;
import org.hibernate.sql.ast.SqlAstTranslatorFactory;
import org.hibernate.sql.ast.spi.StandardSqlAstTranslatorFactory;
import org.hibernate.sql.ast.tree.Statement;
import org.hibernate.sql.ast.tree.expression.Expression;
import org.hibernate.sql.ast.tree.expression.JdbcParameter;
import org.hibernate.sql.exec.spi.JdbcOperation;

/**
 * PostgreSQL as Hibernate speaks it, except that a page's offset and size are written into the statement as
 * numbers instead of being sent as parameters (issue 15). Configured for project-service only.
 *
 * <p>Why: PostgreSQL plans a prepared statement that has parameters afresh at every execution (a custom plan),
 * because a plan made without the values would not know, for instance, that a budget year holds 21 projects or
 * 33,000. A statement without parameters it plans once per connection and reuses the plan, which is then exact.
 * At 100,000 projects the planning was the larger part of the list's page query in PostgreSQL: the list of a year
 * and a status sorted by funding cost 490 µs per execution with custom plans and 275 µs with the kept plan (2,000
 * executions in psql). {@link ProjectRepository#search} writes the year and the status into the query for that
 * reason; this dialect does the same for the page, which Hibernate otherwise always sends as parameters. Sending
 * the limit as a parameter is also what made forcing generic plans useless: not knowing that 20 rows are wanted,
 * such a plan sorts the whole year.
 *
 * <p>Hibernate supports a translation whose SQL depends on the page: it records the two values as applied
 * bindings and translates the query again when a later request asks for another page, so a cached translation is
 * never used for the wrong one. Every other parameter stays a parameter.
 */
public class PageLiteralsPostgreSQLDialect extends PostgreSQLDialect {
    public PageLiteralsPostgreSQLDialect() {
        super();
    }

    public PageLiteralsPostgreSQLDialect(DialectResolutionInfo info) {
        super(info);
    }

    public PageLiteralsPostgreSQLDialect(DatabaseVersion version) {
        super(version);
    }

    @Override
    public SqlAstTranslatorFactory getSqlAstTranslatorFactory() {
        return new StandardSqlAstTranslatorFactory() {
            @Override
            protected <T extends JdbcOperation> SqlAstTranslator<T> buildTranslator(SessionFactoryImplementor factory,
                    Statement statement) {
                return new PostgreSQLSqlAstTranslator<>(factory, statement) {
                    @Override
                    protected void renderOffsetExpression(Expression offset) {
                        renderPageValue(offset);
                    }

                    @Override
                    protected void renderFetchExpression(Expression fetch) {
                        renderPageValue(fetch);
                    }

                    private void renderPageValue(Expression expression) {
                        // only the values of setFirstResult/setMaxResults; a limit written in a query stays as written
                        if (expression instanceof JdbcParameter page
                                && (page == getOffsetParameter() || page == getLimitParameter())) {
                            // records the value as applied: the translation is reused only for the same page
                            renderAsLiteral(page, getParameterBindValue(page));
                        } else {
                            expression.accept(this);
                        }
                    }
                };
            }
        };
    }
}
