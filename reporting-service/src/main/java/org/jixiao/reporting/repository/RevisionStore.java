package org.jixiao.reporting.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.jixiao.common.contract.Json;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.reporting.domain.InMemoryReadModel.Key;
import org.jixiao.reporting.domain.RevisionCheck;

/**
 * Per project revision: the document and the pre-review findings as the events carried them, and when
 * the revision was submitted. Stored as JSON text, read back as values.
 */
@ApplicationScoped
public class RevisionStore {
    private final EntityManager em;
    private final ObjectMapper json;

    public RevisionStore(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** One finding as the statistics count it. */
    public record FindingCode(String code, String severity) {
    }

    public void saveDocument(UUID projectId, int revision, ProjectDocument document) {
        em.createNativeQuery("insert into report_revision (project_id, revision, document) values (:p, :r, :d)"
                + " on conflict (project_id, revision) do update set document = excluded.document")
                .setParameter("p", projectId).setParameter("r", revision).setParameter("d", Json.write(json, document))
                .executeUpdate();
    }

    public Optional<ProjectDocument> document(UUID projectId, int revision) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select document from report_revision where project_id = :p and revision = :r")
                .setParameter("p", projectId).setParameter("r", revision).getResultList();
        return rows.stream().findFirst().map(d -> Json.read(json, d, ProjectDocument.class));
    }

    public void saveCheck(UUID projectId, int revision, RevisionCheck check) {
        em.createNativeQuery("insert into report_findings (project_id, revision, findings, targets, quantified_targets, readings)"
                + " values (:p, :r, :f, :t, :q, :m) on conflict (project_id, revision) do update set findings = excluded.findings,"
                + " targets = excluded.targets, quantified_targets = excluded.quantified_targets, readings = excluded.readings")
                .setParameter("p", projectId).setParameter("r", revision).setParameter("f", check.findingsJson())
                .setParameter("t", check.targets()).setParameter("q", check.quantifiedTargets())
                .setParameter("m", check.readingsJson()).executeUpdate();
    }

    /** What the grammar read from each target of a revision, by row index; empty when indicator-service sent none. */
    public Map<Integer, JsonNode> readings(UUID projectId, int revision) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select readings from report_findings where project_id = :p and revision = :r"
                + " and readings is not null").setParameter("p", projectId).setParameter("r", revision).getResultList();
        Map<Integer, JsonNode> byIndex = new HashMap<>();
        for (String readings : rows) {
            for (JsonNode r : Json.tree(json, readings)) {
                byIndex.put(r.path("index").asInt(), r);
            }
        }
        return byIndex;
    }

    /** The findings of a revision's pre-review; empty when indicator-service has not reported one. */
    public List<FindingCode> findingCodes(UUID projectId, int revision) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select findings from report_findings where project_id = :p and revision = :r")
                .setParameter("p", projectId).setParameter("r", revision).getResultList();
        List<FindingCode> codes = new ArrayList<>();
        for (String findings : rows) {
            for (JsonNode f : Json.tree(json, findings)) {
                codes.add(new FindingCode(f.path("code").asText(), f.path("severity").asText()));
            }
        }
        return codes;
    }

    /** [targets, quantified] of a revision's pre-review, when indicator-service reported them. */
    public Optional<int[]> quantified(UUID projectId, int revision) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select targets, quantified_targets from report_findings"
                + " where project_id = :p and revision = :r and targets is not null")
                .setParameter("p", projectId).setParameter("r", revision).getResultList();
        return rows.stream().findFirst().map(r -> new int[] {((Number) r[0]).intValue(), ((Number) r[1]).intValue()});
    }

    public void saveSubmittedAt(UUID projectId, int revision, OffsetDateTime at) {
        em.createNativeQuery("insert into report_revision_time (project_id, revision, submitted_at) values (:p, :r, :t)"
                + " on conflict (project_id, revision) do nothing")
                .setParameter("p", projectId).setParameter("r", revision).setParameter("t", at).executeUpdate();
    }

    public Optional<OffsetDateTime> submittedAt(UUID projectId, int revision) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select submitted_at from report_revision_time where project_id = :p and revision = :r")
                .setParameter("p", projectId).setParameter("r", revision).getResultList();
        return rows.stream().findFirst().map(SqlValues::offsetDateTime);
    }

    public void saveReturned(UUID projectId, int revision) {
        em.createNativeQuery("insert into report_revision_return (project_id, revision) values (:p, :r)"
                + " on conflict (project_id, revision) do nothing")
                .setParameter("p", projectId).setParameter("r", revision).executeUpdate();
    }

    public boolean returned(UUID projectId, int revision) {
        return !em.createNativeQuery("select 1 from report_revision_return where project_id = :p and revision = :r")
                .setParameter("p", projectId).setParameter("r", revision).getResultList().isEmpty();
    }

    /**
     * What {@link #saveDocument}, {@link #saveCheck}, {@link #saveSubmittedAt} and {@link #saveReturned} do, for a
     * rebuild's batch: the same statements sent as JDBC batches, one round trip per table instead of one per row.
     */
    public void saveBatch(Map<Key, ProjectDocument> documents, Map<Key, RevisionCheck> checks,
            Map<Key, OffsetDateTime> submitted, Set<Key> returns) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into report_revision (project_id, revision, document)"
                    + " values (?, ?, ?) on conflict (project_id, revision) do update set document = excluded.document")) {
                for (Map.Entry<Key, ProjectDocument> d : documents.entrySet()) {
                    key(insert, d.getKey());
                    insert.setString(3, Json.write(json, d.getValue()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into report_findings (project_id, revision,"
                    + " findings, targets, quantified_targets, readings) values (?, ?, ?, ?, ?, ?) on conflict (project_id, revision)"
                    + " do update set findings = excluded.findings, targets = excluded.targets,"
                    + " quantified_targets = excluded.quantified_targets, readings = excluded.readings")) {
                for (Map.Entry<Key, RevisionCheck> c : checks.entrySet()) {
                    key(insert, c.getKey());
                    insert.setString(3, c.getValue().findingsJson());
                    insert.setObject(4, c.getValue().targets(), Types.INTEGER);
                    insert.setObject(5, c.getValue().quantifiedTargets(), Types.INTEGER);
                    insert.setString(6, c.getValue().readingsJson());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into report_revision_time (project_id, revision,"
                    + " submitted_at) values (?, ?, ?) on conflict (project_id, revision) do nothing")) {
                for (Map.Entry<Key, OffsetDateTime> t : submitted.entrySet()) {
                    key(insert, t.getKey());
                    insert.setObject(3, t.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into report_revision_return (project_id, revision)"
                    + " values (?, ?) on conflict (project_id, revision) do nothing")) {
                for (Key r : returns) {
                    key(insert, r);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** When each revision of these projects was submitted, as far as recorded: what a rebuild's batch folds on. */
    public Map<Key, OffsetDateTime> submittedTimes(Collection<UUID> projectIds) {
        Map<Key, OffsetDateTime> times = new HashMap<>();
        forProjects("select project_id, revision, submitted_at from report_revision_time where project_id = any(?)", projectIds,
                rs -> times.put(new Key(rs.getObject(1, UUID.class), rs.getInt(2)), rs.getObject(3, OffsetDateTime.class)));
        return times;
    }

    /** The returned revisions of these projects, as far as recorded. */
    public Set<Key> returns(Collection<UUID> projectIds) {
        Set<Key> returns = new HashSet<>();
        forProjects("select project_id, revision from report_revision_return where project_id = any(?)", projectIds,
                rs -> returns.add(new Key(rs.getObject(1, UUID.class), rs.getInt(2))));
        return returns;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void forProjects(String sql, Collection<UUID> projectIds, Row row) {
        if (projectIds.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setArray(1, connection.createArrayOf("uuid", projectIds.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
            }
        });
    }

    private static void key(PreparedStatement statement, Key key) throws SQLException {
        statement.setObject(1, key.projectId());
        statement.setInt(2, key.revision());
    }

    /** Empties every per-revision table, for a rebuild that refills them in the same transaction. */
    public void deleteAll() {
        em.createNativeQuery("delete from report_revision_return").executeUpdate();
        em.createNativeQuery("delete from report_findings").executeUpdate();
        em.createNativeQuery("delete from report_revision_time").executeUpdate();
        em.createNativeQuery("delete from report_revision").executeUpdate();
    }
}
