package org.jixiao.project.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The conditions of a statement read through DirectReads, joined by {@code and}, and their placeholders' values. */
final class SqlConditions {
    private final List<String> sql = new ArrayList<>();
    private final List<Object[]> values = new ArrayList<>();

    /** Adds a condition and the values of its placeholders; answers its position. */
    int add(String condition, Object... bound) {
        sql.add(condition);
        values.add(bound);
        return sql.size() - 1;
    }

    /** These conditions with the one at {@code at} replaced; its values stay. */
    SqlConditions with(int at, String condition) {
        SqlConditions copy = copy();
        copy.sql.set(at, condition);
        return copy;
    }

    /** These conditions without the one at {@code at}. */
    SqlConditions without(int at) {
        SqlConditions copy = copy();
        copy.sql.remove(at);
        copy.values.remove(at);
        return copy;
    }

    /** {@code " where …"}, or nothing when there is no condition. */
    String sql() {
        return sql.isEmpty() ? "" : " where " + String.join(" and ", sql);
    }

    void bind(PreparedStatement statement) throws SQLException {
        int i = 0;
        for (Object[] bound : values) {
            for (Object value : bound) {
                statement.setObject(++i, value);
            }
        }
    }

    /** The first column of the one row a count or a sum answers. */
    static long firstLong(ResultSet rows) throws SQLException {
        rows.next();
        return rows.getLong(1);
    }

    private SqlConditions copy() {
        SqlConditions copy = new SqlConditions();
        copy.sql.addAll(sql);
        copy.values.addAll(values);
        return copy;
    }
}
