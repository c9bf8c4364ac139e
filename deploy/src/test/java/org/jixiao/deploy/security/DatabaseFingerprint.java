package org.jixiao.deploy.security;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Row count and checksum of every table of a service's database ({@code md5} of the rows as text, in text
 * order), to show that requests which were all refused changed nothing. A delta-counter table (a {@code *_count}
 * table with a column {@code n}, see common's {@code DeltaCounters}) is fingerprinted by what it means, each key's
 * non-zero sum: its compaction rewrites the rows every few seconds without changing a count, and its raw rows made
 * this check fail on a run where nothing was accepted.
 */
public final class DatabaseFingerprint {
    private DatabaseFingerprint() {
    }

    public interface Connector {
        Connection connect(String service) throws SQLException;
    }

    /** service/table → "rows md5". */
    public static Map<String, String> of(List<String> services, Connector connector) throws SQLException {
        Map<String, String> print = new TreeMap<>();
        for (String service : services) {
            try (Connection c = connector.connect(service); Statement st = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("select tablename from pg_tables where schemaname = 'public' order by 1")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    String rows = "public.\"" + table + "\"";
                    List<String> keys = deltaCounterKeys(c, table);
                    if (!keys.isEmpty()) {
                        String key = String.join(", ", keys);
                        rows = "(select " + key + ", sum(n) as n from " + rows + " group by " + key + " having sum(n) <> 0)";
                    }
                    try (ResultSet rs = st.executeQuery("select count(*), md5(coalesce(string_agg(t::text, E'\\n' order by t::text), ''))"
                            + " from " + rows + " t")) {
                        rs.next();
                        print.put(service + "/" + table, rs.getLong(1) + " " + rs.getString(2));
                    }
                }
            }
        }
        return print;
    }

    /** The key columns of a delta-counter table; none for any other table. */
    static List<String> deltaCounterKeys(Connection c, String table) throws SQLException {
        List<String> keys = new ArrayList<>();
        if (!table.endsWith("_count")) {
            return keys;
        }
        boolean counted = false;
        try (var ps = c.prepareStatement("select column_name from information_schema.columns"
                + " where table_schema = 'public' and table_name = ? order by ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String column = rs.getString(1);
                    if (column.equals("n")) {
                        counted = true;
                    } else {
                        keys.add(column);
                    }
                }
            }
        }
        return counted ? keys : List.of();
    }

    /** The tables whose count or checksum differ, with both. */
    public static List<String> changes(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        for (String table : after.keySet()) {
            if (!after.get(table).equals(before.get(table))) {
                changed.add(table + ": " + before.get(table) + " -> " + after.get(table));
            }
        }
        for (String table : before.keySet()) {
            if (!after.containsKey(table)) {
                changed.add(table + ": gone");
            }
        }
        return changed;
    }

    /** How many rows differ in count (a changed checksum with equal counts counts as one). */
    public static long rowsChanged(Map<String, String> before, Map<String, String> after) {
        long rows = 0;
        for (String table : after.keySet()) {
            String b = before.getOrDefault(table, "0 -");
            String a = after.get(table);
            if (!a.equals(b)) {
                long diff = Math.abs(Long.parseLong(a.split(" ")[0]) - Long.parseLong(b.split(" ")[0]));
                rows += Math.max(1, diff);
            }
        }
        return rows;
    }
}
