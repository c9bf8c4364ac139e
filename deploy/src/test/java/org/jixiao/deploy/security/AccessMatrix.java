package org.jixiao.deploy.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may do what: the one table of expected answers per operation and caller. Every operation of the four
 * OpenAPI documents must have a row (a new endpoint cannot ship without a decision) and every row must still
 * name an operation. A row without a service applies to every service that has the operation (the admin
 * endpoints of common).
 *
 * <p>Columns: {@code token} is the answer to the five refused tokens (none, expired, wrong issuer, wrong audience,
 * unknown key; the operation's path names the matrix's real objects); then the department that owns them (034),
 * another department (038), a reviewer, an admin and the integration. Cells:
 * <ul>
 * <li>{@code -} 401: not authenticated</li>
 * <li>{@code F} 403: the role may not</li>
 * <li>{@code H} 403 or 404: another department's object, refused or hidden — never 2xx</li>
 * <li>{@code Y} 2xx</li>
 * <li>{@code L} 2xx and nothing of the owning department in the answer (a list filtered to the caller's own)</li>
 * <li>{@code A} allowed: 2xx, or 400/409/412/422/428 about the request or the object's state — never 401, 403, 404</li>
 * <li>{@code 404}, {@code 200/409}, …: exactly these statuses</li>
 * </ul>
 */
public final class AccessMatrix {
    /** The columns of the table after the operation, in order. */
    public static final List<String> COLUMNS = List.of("token", "own", "other", "reviewer", "admin", "integration");

    // operation                                          token own other reviewer admin integration
    static final String TABLE = """
            GET    /api/v1/projects                                 -  Y  L  Y  Y  Y
            POST   /api/v1/projects                                 -  Y  H  F  Y  F
            GET    /api/v1/projects/{id}                            -  Y  H  Y  Y  Y
            PUT    /api/v1/projects/{id}                            -  A  H  F  A  F
            PATCH  /api/v1/projects/{id}                            -  A  H  F  A  F
            DELETE /api/v1/projects/{id}                            -  A  H  F  A  F
            POST   /api/v1/projects/{id}/submit                     -  A  H  F  A  F
            GET    /api/v1/projects/{id}/validation                 -  Y  H  Y  Y  Y
            POST   /api/v1/projects/{id}/amendments                 -  A  H  F  A  F
            GET    /api/v1/projects/{id}/export                     -  Y  H  Y  Y  Y
            GET    /api/v1/projects/{id}/revisions                  -  Y  H  Y  Y  Y
            GET    /api/v1/projects/{id}/revisions/{revision}       -  Y  H  Y  Y  Y
            GET    /api/v1/projects/{id}/revisions/{revision}/diff  -  Y  H  Y  Y  Y
            POST   /api/v1/projects/{id}/monitoring                 -  A  H  F  A  F
            GET    /api/v1/projects/{id}/monitoring                 -  Y  H  Y  Y  Y
            GET    /api/v1/projects/{id}/monitoring/{period}        -  Y  H  Y  Y  Y
            PUT    /api/v1/projects/{id}/monitoring/{period}        -  A  H  F  A  F
            POST   /api/v1/projects/{id}/monitoring/{period}/submit -  A  H  F  A  F
            GET    /api/v1/projects/{id}/monitoring/{period}/revisions -  Y  H  Y  Y  Y
            POST   /api/v1/projects/import                          -  F  F  F  A  A
            GET    /api/v1/frameworks                               -  Y  Y  Y  Y  Y
            GET    /api/v1/frameworks/years/{budgetYear}            -  Y  Y  Y  Y  Y
            PUT    /api/v1/frameworks/years/{budgetYear}            -  F  F  F  A  F
            GET    /api/v1/frameworks/years/{budgetYear}/aliases    -  Y  Y  Y  Y  Y
            POST   /api/v1/frameworks/years/{budgetYear}/aliases    -  F  F  F  A  F
            POST   /api/v1/targets/parse                            -  Y  Y  Y  Y  Y
            POST   /api/v1/checks                                   -  Y  Y  Y  Y  Y
            POST   /api/v1/evaluations/score                        -  A  A  A  A  A
            GET    /api/v1/evaluations/policies/{budgetYear}        -  Y  Y  Y  Y  Y
            PUT    /api/v1/evaluations/policies/{budgetYear}        -  F  F  F  A  F
            POST   /api/v1/monitoring/assess                        -  A  A  A  A  A
            GET    /api/v1/monitoring/policies/{budgetYear}         -  Y  Y  Y  Y  Y
            PUT    /api/v1/monitoring/policies/{budgetYear}         -  F  F  F  A  F
            GET    /api/v1/library                                  -  Y  Y  Y  Y  Y
            POST   /api/v1/library                                  -  F  F  F  Y  F
            GET    /api/v1/library/suggestions                      -  Y  L  Y  Y  F
            GET    /api/v1/library/{id}                             -  Y  Y  Y  Y  Y
            PUT    /api/v1/library/{id}                             -  F  F  F  Y  F
            DELETE /api/v1/library/{id}                             -  F  F  F  Y  F
            GET    /api/v1/library/{id}/history                     -  Y  L  Y  Y  Y
            GET    /api/v1/cases                                    -  Y  L  Y  Y  F
            GET    /api/v1/cases/{id}                               -  Y  H  Y  Y  F
            POST   /api/v1/cases/{id}/claim                         -  F  F  A  A  F
            POST   /api/v1/cases/{id}/assign                        -  F  F  F  A  F
            POST   /api/v1/cases/{id}/decisions                     -  F  F  A  A  F
            GET    /api/v1/cases/{id}/history                       -  Y  H  Y  Y  F
            GET    /api/v1/routes/{budgetYear}                      -  F  F  Y  Y  F
            PUT    /api/v1/routes/{budgetYear}                      -  F  F  F  A  F
            GET    /api/v1/grading-rules/{budgetYear}               -  F  F  Y  Y  F
            PUT    /api/v1/grading-rules/{budgetYear}               -  F  F  F  A  F
            GET    /api/v1/dashboard/queues                         -  Y  L  Y  Y  F
            GET    /api/v1/dashboard/my-cases                       -  F  F  Y  Y  F
            GET    /api/v1/dashboard/counts                         -  Y  L  Y  Y  F
            GET    /api/v1/dashboard/lead-times                     -  Y  L  Y  Y  F
            GET    /api/v1/dashboard/returns                        -  Y  L  Y  Y  F
            GET    /api/v1/dashboard/warnings                       -  Y  L  Y  Y  F
            GET    /api/v1/dashboard/stream                         -  Y  L  Y  Y  F
            GET    /api/v1/reports/summary                          -  Y  L  Y  Y  Y
            GET    /api/v1/reports/statistics                       -  Y  L  Y  Y  Y
            GET    /api/v1/reports/projects/{id}                    -  Y  H  Y  Y  Y
            GET    /api/v1/reports/projects/{id}/monitoring/{period} -  Y  H  Y  Y  Y
            GET    /api/v1/reports/projects/{id}/self-evaluation/{budgetYear} -  Y  H  Y  Y  Y
            GET    /api/v1/reports/monitoring                       -  Y  L  Y  Y  Y
            GET    /api/v1/publications/{budgetYear}                -  F  F  200/404  200/404  F
            PUT    /api/v1/publications/{budgetYear}                -  F  F  F  A  F
            POST   /api/v1/publications/{budgetYear}/publish        -  F  F  F  A  F
            GET    /api/v1/publications/{budgetYear}/summary        -  F  F  200/404  200/404  F
            GET    /public/v1/{budgetYear}/summary                  200/404  200/404  200/404  200/404  200/404  200/404
            GET    /public/v1/{budgetYear}/projects/{projectId}     200/404  200/404  200/404  200/404  200/404  200/404
            GET    /public/v1/{budgetYear}/open-data.json           200/404  200/404  200/404  200/404  200/404  200/404
            GET    /public/v1/{budgetYear}/open-data.csv            200/404  200/404  200/404  200/404  200/404  200/404
            GET    /public/v1/open-data.schema.json                 200  200  200  200  200  200
            GET    /public/v1/project.schema.json                   200  200  200  200  200  200
            POST   /api/v1/admin/rebuild                            -  F  F  F  A  F
            GET    /api/v1/admin/outbox                             -  F  F  F  Y  F
            POST   /api/v1/admin/outbox/{eventId}/retry             -  F  F  F  404  F
            GET    /api/v1/admin/dead-letters                       -  F  F  F  Y  F
            POST   /api/v1/admin/dead-letters/{eventId}/replay      -  F  F  F  404  F
            """;

    /** One row: the operation key ("GET /api/v1/projects") and a cell per column. */
    public record Row(String key, Map<String, String> cells) {
        public String cell(Principal p) {
            return cells.get(column(p));
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    public AccessMatrix() {
        for (String line : TABLE.strip().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 2 + COLUMNS.size()) {
                throw new IllegalStateException("matrix row needs method, path and " + COLUMNS.size() + " cells: " + line);
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.size(); i++) {
                cells.put(COLUMNS.get(i), f[2 + i]);
            }
            String key = f[0] + " " + f[1];
            if (rows.put(key, new Row(key, cells)) != null) {
                throw new IllegalStateException("matrix row twice: " + key);
            }
        }
    }

    public Row row(String key) {
        return rows.get(key);
    }

    /** Operations in the documents but not in the table, and rows naming no operation any more. */
    public List<String> mismatches(Set<String> operationKeys) {
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(operationKeys)) {
            if (!rows.containsKey(key)) {
                problems.add("operation " + key + " is in an OpenAPI document but not in AccessMatrix.TABLE:"
                        + " decide who may call it and add a row");
            }
        }
        for (String key : rows.keySet()) {
            if (!operationKeys.contains(key)) {
                problems.add("AccessMatrix.TABLE has a row for " + key + ", which no OpenAPI document lists any more: remove it");
            }
        }
        return problems;
    }

    public static String column(Principal p) {
        return switch (p) {
            case OWN_DEPARTMENT -> "own";
            case OTHER_DEPARTMENT -> "other";
            case REVIEWER -> "reviewer";
            case ADMIN -> "admin";
            case INTEGRATION -> "integration";
            default -> "token";
        };
    }

    /** Null when the status matches the cell, else why not. */
    public static String check(String cell, int status) {
        boolean ok = switch (cell) {
            case "-" -> status == 401;
            case "F" -> status == 403;
            case "H" -> status == 403 || status == 404;
            case "Y", "L" -> status >= 200 && status < 300;
            case "A" -> status >= 200 && status < 300 || Set.of(400, 409, 412, 422, 428).contains(status);
            default -> {
                boolean any = false;
                for (String s : cell.split("/")) {
                    any |= Integer.parseInt(s) == status;
                }
                yield any;
            }
        };
        return ok ? null : "expected " + describe(cell) + ", got " + status;
    }

    /** Whether the role gets past the door (for the fuzzer: its requests should reach validation). */
    public static boolean admits(String cell) {
        return !cell.equals("-") && !cell.equals("F") && !cell.equals("H");
    }

    static String describe(String cell) {
        return switch (cell) {
            case "-" -> "401";
            case "F" -> "403";
            case "H" -> "403 or 404 (another department's object)";
            case "Y" -> "2xx";
            case "L" -> "2xx without the owning department's objects";
            case "A" -> "2xx or 400/409/412/422/428";
            default -> cell;
        };
    }

    /** The table for README's Security section: roles and what each may call. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| operation | department (own) | department (other's objects) | reviewer | admin | integration |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Row r : rows.values()) {
            md.append("| `").append(r.key()).append("` |");
            for (String c : COLUMNS.subList(1, COLUMNS.size())) {
                md.append(' ').append(readable(r.cells().get(c))).append(" |");
            }
            md.append('\n');
        }
        md.append("\nAny other token (none, expired, another issuer or audience, an unknown key) gets 401 everywhere but under"
                + " `/public/v1`, which answers anyone without a token.\n");
        return md.toString();
    }

    private static String readable(String cell) {
        return switch (cell) {
            case "-" -> "401";
            case "F" -> "—";
            case "H" -> "no (404/403)";
            case "Y", "A" -> "yes";
            case "L" -> "own only";
            case "401" -> "401";
            case "403" -> "—";
            default -> "yes"; // explicit statuses of an admitted caller, e.g. 404 for the matrix's unknown event id
        };
    }
}
