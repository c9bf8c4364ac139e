package org.jixiao.reporting.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Column values of native queries, which the JDBC driver and Hibernate hand back in more than one type. */
final class SqlValues {
    private SqlValues() {
    }

    /** A timestamptz column, in UTC. */
    static OffsetDateTime offsetDateTime(Object v) {
        if (v instanceof OffsetDateTime o) {
            return o;
        }
        if (v instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) v).toInstant().atOffset(ZoneOffset.UTC);
    }
}
