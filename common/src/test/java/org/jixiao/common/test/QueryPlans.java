package org.jixiao.common.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains a statement Hibernate sent with the values the request bound to it: the SQL is prepared as sent
 * ({@code ?} become {@code $1…}), then {@code EXPLAIN (FORMAT JSON) EXECUTE} plans it with those values, as
 * PostgreSQL plans the driver's bound statement (a custom plan). Each {@code ?} takes the value given for the
 * column it is compared to ({@code budget_year=?} → "budget_year"), {@code offset ?} the value of "offset" and
 * {@code fetch first ? rows} / {@code limit ?} the value of "limit", the argument of a function
 * ({@code project_term_grams(?)}) the value given for the function's name: a placeholder the test gave no value for
 * fails, so a changed query cannot be explained with the wrong values.
 */
public final class QueryPlans {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COMPARED = Pattern.compile(
            "([a-z_][a-z0-9_]*)\\s*(?:=|<>|!=|>=|<=|<|>|\\s(?:not\\s+)?i?like|\\sin\\s*\\((?:\\?\\s*,\\s*)*)\\s*$");
    private static final Pattern OFFSET = Pattern.compile("\\soffset\\s*$");
    private static final Pattern LIMIT = Pattern.compile("\\s(?:fetch\\s+first|limit)\\s*$");
    // an optional criterion, (cast(? as integer) is null or budget_year = ?): the column follows the placeholder
    private static final Pattern CAST = Pattern.compile("cast\\(\\s*$");
    private static final Pattern OPTIONAL = Pattern.compile("^\\s+as\\s+\\w+\\)\\s+is\\s+null\\s+or\\s+([a-z_][a-z0-9_]*)\\s*=");
    // the argument of a function, project_term_grams(?): the value given for the function's name
    private static final Pattern ARGUMENT = Pattern.compile("([a-z_][a-z0-9_]*)\\(\\s*$");

    private QueryPlans() {
    }

    /** A plan and the statement it is of. */
    public record Plan(String sql, JsonNode json) {
        /**
         * The reads of the tables in {@code tables} that go through all their rows: a sequential scan, or an index
         * scan with no index condition that no LIMIT stops (reading a whole index to filter it is no better than
         * reading the table). An index walked in order under a LIMIT (a sorted page) stops after the page.
         */
        public List<String> fullScans(Set<String> tables) {
            return fullScans(tables, false);
        }

        /** As {@link #fullScans(Set)}; {@code wholeIndexOnly}: an index-only scan of a whole index is accepted. */
        public List<String> fullScans(Set<String> tables, boolean wholeIndexOnly) {
            List<String> found = new ArrayList<>();
            collect(json, tables, false, wholeIndexOnly, found);
            return found;
        }

        private static void collect(JsonNode node, Set<String> tables, boolean limited, boolean wholeIndexOnly,
                List<String> found) {
            if (node.isObject()) {
                String type = node.path("Node Type").asText();
                String table = node.path("Relation Name").asText();
                if (tables.contains(table)) {
                    if (type.equals("Seq Scan")) {
                        found.add("Seq Scan on " + table);
                    } else if ((type.equals("Index Scan") || type.equals("Index Only Scan") && !wholeIndexOnly)
                            && !node.has("Index Cond") && !limited) {
                        found.add(type + " of all of " + node.path("Index Name").asText() + " on " + table);
                    }
                }
                boolean below = limited || type.equals("Limit");
                node.elements().forEachRemaining(n -> collect(n, tables, below, wholeIndexOnly, found));
            } else if (node.isArray()) {
                node.elements().forEachRemaining(n -> collect(n, tables, limited, wholeIndexOnly, found));
            }
        }

        /**
         * The largest share of a table in {@code rows} (its row count) that a scan of this plan expects to return,
         * from the planner's own estimates.
         */
        public double largestShare(Map<String, Double> rows) {
            double[] largest = {0};
            share(json, rows, largest);
            return largest[0];
        }

        private static void share(JsonNode node, Map<String, Double> rows, double[] largest) {
            if (node.isObject()) {
                Double total = rows.get(node.path("Relation Name").asText());
                if (total != null && total > 0) {
                    largest[0] = Math.max(largest[0], node.path("Plan Rows").asDouble() / total);
                }
            }
            node.elements().forEachRemaining(n -> share(n, rows, largest));
        }

        /** The nodes of this plan that {@code test} accepts, outermost first. */
        public List<JsonNode> nodes(Predicate<JsonNode> test) {
            List<JsonNode> found = new ArrayList<>();
            walk(json, test, found);
            return found;
        }

        private static void walk(JsonNode node, Predicate<JsonNode> test, List<JsonNode> found) {
            if (node.isObject() && node.has("Node Type") && test.test(node)) {
                found.add(node);
            }
            node.elements().forEachRemaining(n -> walk(n, test, found));
        }

        /**
         * The rows the scans of {@code table} fetched in an analyzed plan: those they returned and those a filter or
         * a recheck removed, over all their loops.
         */
        public double rowsRead(String table) {
            return nodes(n -> n.path("Relation Name").asText().equals(table)).stream()
                    .mapToDouble(n -> (n.path("Actual Rows").asDouble() + n.path("Rows Removed by Filter").asDouble()
                            + n.path("Rows Removed by Index Recheck").asDouble())
                            * Math.max(1, n.path("Actual Loops").asDouble()))
                    .sum();
        }

        @Override
        public String toString() {
            return sql + "\n" + json.toPrettyString();
        }
    }

    /** The row count of each of {@code tables}, as the planner knows it (pg_class.reltuples after ANALYZE). */
    public static Map<String, Double> rows(Connection c, Set<String> tables) throws SQLException {
        Map<String, Double> rows = new java.util.HashMap<>();
        for (String table : tables) {
            try (java.sql.PreparedStatement p = c.prepareStatement("select reltuples from pg_class where relname = ?")) {
                p.setString(1, table);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    rows.put(table, rs.getDouble(1));
                }
            }
        }
        return rows;
    }

    /**
     * VACUUM (ANALYZE) a table until its visibility map marks every page, as autovacuum leaves a table that stopped
     * changing. One VACUUM is not enough: a transaction the service holds open meanwhile (a poller, a consumer, a
     * compaction) keeps the pages of rows newer than its snapshot unmarked, and the planner then prices an
     * index-only scan with heap fetches and may rightly prefer the table. Fails, saying which transactions stood in
     * the way, if the map is still incomplete after {@code within}.
     */
    public static void vacuumUntilAllVisible(Connection c, String table, java.time.Duration within) throws SQLException {
        long deadline = System.nanoTime() + within.toNanos();
        try (Statement s = c.createStatement()) {
            while (true) {
                s.execute("vacuum (analyze) " + table);
                long pages;
                long visible;
                try (ResultSet rs = s.executeQuery(
                        "select relpages, relallvisible from pg_class where oid = '" + table + "'::regclass")) {
                    rs.next();
                    pages = rs.getLong(1);
                    visible = rs.getLong(2);
                }
                if (visible >= pages) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    StringBuilder open = new StringBuilder();
                    try (ResultSet rs = s.executeQuery("""
                            select pid, application_name, state, xact_start, left(query, 200) from pg_stat_activity
                            where datname = current_database() and pid <> pg_backend_pid()
                              and (backend_xid is not null or backend_xmin is not null)""")) {
                        while (rs.next()) {
                            open.append("\n  ").append(rs.getInt(1)).append(' ').append(rs.getString(2)).append(' ')
                                    .append(rs.getString(3)).append(" since ").append(rs.getString(4)).append(": ")
                                    .append(rs.getString(5));
                        }
                    }
                    throw new AssertionError("the visibility map of " + table + " marks " + visible + " of " + pages
                            + " pages after " + within + " of VACUUM; transactions open in the database:" + open);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for the visibility map of " + table, e);
                }
            }
        }
    }

    public static Plan explain(Connection c, String sql, Map<String, ?> values) throws SQLException {
        return explain(c, sql, values, false);
    }

    /** As {@link #explain}; {@code analyze}: runs the statement too, so the plan tells the rows and pages each node read. */
    public static Plan explain(Connection c, String sql, Map<String, ?> values, boolean analyze) throws SQLException {
        StringBuilder prepared = new StringBuilder();
        List<String> arguments = new ArrayList<>();
        Map<String, Integer> used = new java.util.HashMap<>();
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            }
            if (ch == '?' && !quoted) {
                arguments.add(literal(valueFor(sql.substring(0, i), sql.substring(i + 1), values, used, sql)));
                prepared.append('$').append(arguments.size());
            } else {
                prepared.append(ch);
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("deallocate all");
            s.execute("prepare explained as " + prepared);
            String execute = arguments.isEmpty() ? "execute explained" : "execute explained(" + String.join(", ", arguments) + ")";
            try (ResultSet rs = s.executeQuery((analyze ? "explain (analyze, buffers, format json) " : "explain (format json) ") + execute)) {
                rs.next();
                return new Plan(sql, JSON.readTree(rs.getString(1)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            } finally {
                s.execute("deallocate explained");
            }
        }
    }

    /** A list value gives the values of the key's placeholders in order ({@code funding>=? and funding<=?}). */
    private static Object valueFor(String before, String after, Map<String, ?> values, Map<String, Integer> used,
            String sql) {
        String key;
        Matcher m;
        if (OFFSET.matcher(before).find()) {
            key = "offset";
        } else if (LIMIT.matcher(before).find()) {
            key = "limit";
        } else if (CAST.matcher(before).find() && (m = OPTIONAL.matcher(after)).find()) {
            key = m.group(1);
        } else if ((m = COMPARED.matcher(before)).find()) {
            key = m.group(1);
        } else if ((m = ARGUMENT.matcher(before)).find()) {
            key = m.group(1);
        } else {
            throw new IllegalStateException("cannot tell what the placeholder after '"
                    + before.substring(Math.max(0, before.length() - 60)) + "' is compared to in: " + sql);
        }
        if (!values.containsKey(key)) {
            throw new IllegalStateException("no value given for '" + key + "' in: " + sql);
        }
        Object value = values.get(key);
        if (value instanceof List<?> list) {
            int n = used.merge(key, 1, Integer::sum) - 1;
            if (n >= list.size()) {
                throw new IllegalStateException("only " + list.size() + " values given for '" + key + "' in: " + sql);
            }
            return list.get(n);
        }
        return value;
    }

    private static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }
}
