package org.jixiao.project.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jixiao.common.contract.InvalidTextException;
import org.jixiao.common.contract.Json;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Violation;
import org.jixiao.project.domain.DocumentPolicy;
import org.jixiao.project.domain.Project;
import org.jixiao.project.domain.ProjectRevision;
import org.jixiao.project.domain.ProjectStatus;
import org.jixiao.project.repository.ProjectRepository;
import org.jixiao.project.repository.ProjectRevisionRepository;

/**
 * Bulk import from the provincial platform. Reads the body one document at a time (a JSON array or
 * NDJSON), so 10,000 documents never sit in memory together; each document is validated and written
 * in a transaction of its own, so a bad one neither blocks nor half-writes the others. Idempotent on
 * (budgetYear, externalRef) within the document's department: a project of another department is never
 * taken over, and a project someone else changed since the last import is not overwritten unless asked.
 * Every change it makes is frozen as a revision of kind IMPORT, made by the integration's subject.
 */
@ApplicationScoped
public class ImportService {
    private static final Logger LOG = Logger.getLogger(ImportService.class);
    /** Documents per transaction: large enough for batched inserts, small enough to retry one by one. */
    private static final int CHUNK = 100;
    /** Read off the contract's records, so a field added to the contract is never warned about as unknown. */
    private static final Set<String> KNOWN_FIELDS = componentNames(ProjectDocument.class);
    private static final Set<String> KNOWN_ROW_FIELDS = componentNames(ProjectDocument.IndicatorRow.class);

    /**
     * {@code conflict}: the document is valid but the project it names must not be written as asked
     * (another department's, or changed since the last import); the reason is in {@code problems}.
     */
    public enum Outcome { created, updated, unchanged, rejected, conflict }

    public record Result(String externalRef, UUID id, Outcome outcome, List<Violation> problems,
            List<Violation> warnings) {
    }

    private final ProjectRepository projects;
    private final ProjectRevisionRepository revisions;
    private final ObjectMapper mapper;
    private final ObjectMapper tolerant;

    public ImportService(ProjectRepository projects, ProjectRevisionRepository revisions, ObjectMapper mapper) {
        this.projects = projects;
        this.revisions = revisions;
        this.mapper = mapper;
        this.tolerant = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** A valid document waiting for its chunk's transaction, with its place in the input. */
    private record Pending(int index, ProjectDocument document, List<Violation> warnings) {
    }

    /** What to do with a changed document whose project is already approved. */
    public enum OnApproved {
        /** report it as a conflict (rejected), leave the approved project alone */
        conflict,
        /** open an amendment (调整) with the new content, to be submitted like any amendment */
        amend
    }

    /** What to do with a changed document whose project was changed by someone else since the last import. */
    public enum OnConflict {
        /** report it as a conflict, keep the department's changes */
        conflict,
        /** replace the department's changes with the document (they stay in the earlier revisions only if frozen) */
        overwrite
    }

    /** How this import run treats what it finds. */
    private record Mode(String actor, OnApproved onApproved, OnConflict onConflict, String reason) {
    }

    public List<Result> importStream(InputStream body, boolean ndjson, Actor by, OnApproved onApproved,
            OnConflict onConflict, String reason) {
        Mode mode = new Mode(ProjectService.subject(by), onApproved, onConflict, reason);
        List<Result> results = new ArrayList<>();
        List<Pending> chunk = new ArrayList<>(CHUNK);
        long started = System.nanoTime();
        try (JsonParser parser = tolerant.getFactory().createParser(body)) {
            if (!ndjson) {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw DomainException.invalid("import-not-array",
                            "the body must be a JSON array of project documents (or NDJSON with Content-Type application/x-ndjson)");
                }
            }
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null || token == JsonToken.END_ARRAY) {
                    break;
                }
                JsonNode node = tolerant.readTree(parser);
                int index = results.size();
                results.add(null);
                Object checked = check(node);
                if (checked instanceof Result rejected) {
                    results.set(index, rejected);
                } else {
                    Pending p = (Pending) checked;
                    chunk.add(new Pending(index, p.document(), p.warnings()));
                    if (chunk.size() == CHUNK) {
                        store(chunk, results, mode);
                    }
                }
                if (results.size() % 1000 == 0) {
                    LOG.infof("import: %d documents in %d ms", results.size(), (System.nanoTime() - started) / 1_000_000);
                }
            }
            store(chunk, results, mode);
        } catch (IOException e) {
            store(chunk, results, mode);
            throw DomainException.invalid("malformed-json",
                    "the import body is not valid JSON after " + results.size() + " document(s): " + e.getMessage());
        }
        LOG.infof("import: %d documents done in %d ms", results.size(), (System.nanoTime() - started) / 1_000_000);
        return results;
    }

    /** Parses and validates one document: a rejected Result, or a Pending ready to store. */
    private Object check(JsonNode node) {
        String ref = node != null && node.hasNonNull("externalRef") ? node.get("externalRef").asText() : null;
        if (node == null || !node.isObject()) {
            return new Result(ref, null, Outcome.rejected, List.of(new Violation("/", "a project document must be a JSON object")), List.of());
        }
        List<Violation> warnings = unknownFields((ObjectNode) node);
        ProjectDocument document;
        try {
            document = tolerant.treeToValue(node, ProjectDocument.class);
        } catch (InvalidTextException e) {
            return new Result(ref, null, Outcome.rejected, e.asBrokenRule().violations(), warnings);
        } catch (IOException e) {
            return new Result(ref, null, Outcome.rejected, List.of(new Violation("/", "unreadable document: "
                    + e.getMessage().lines().findFirst().orElse(""))), warnings);
        }
        List<Violation> problems = DocumentPolicy.checkInterchange(document);
        if (!problems.isEmpty()) {
            return new Result(ref, null, Outcome.rejected, problems, warnings);
        }
        return new Pending(-1, document, warnings);
    }

    /**
     * Stores a chunk in one transaction (one look-up, batched inserts). Should the database refuse
     * anything in it, the chunk is rolled back and its documents are stored one by one, so only the
     * culprit is rejected.
     */
    private void store(List<Pending> chunk, List<Result> results, Mode mode) {
        if (chunk.isEmpty()) {
            return;
        }
        try {
            List<Result> stored = QuarkusTransaction.requiringNew().call(() -> upsertAll(chunk, mode));
            for (int i = 0; i < chunk.size(); i++) {
                results.set(chunk.get(i).index(), stored.get(i));
            }
        } catch (RuntimeException chunkFailed) {
            for (Pending p : chunk) {
                try {
                    results.set(p.index(), QuarkusTransaction.requiringNew().call(() -> upsertAll(List.of(p), mode).get(0)));
                } catch (RuntimeException e) {
                    if (ProjectRepository.isDuplicateExternalRef(e)) {
                        // another request created this externalRef between our look-up and our insert
                        results.set(p.index(), new Result(p.document().externalRef(), null, Outcome.conflict,
                                List.of(new Violation("/externalRef", "another request stored a project with this"
                                        + " externalRef at the same moment; import the document again")), p.warnings()));
                        continue;
                    }
                    // the database's own text names tables, constraints and values of other rows: it stays in the log
                    LOG.warnf(e, "import of %s failed", p.document().externalRef());
                    results.set(p.index(), new Result(p.document().externalRef(), null, Outcome.rejected,
                            List.of(new Violation("/", "could not be stored; the error was logged")), p.warnings()));
                }
            }
        }
        chunk.clear();
    }

    private List<Result> upsertAll(List<Pending> chunk, Mode mode) {
        Map<String, Project> existing = new HashMap<>();
        chunk.stream().collect(Collectors.groupingBy(p -> p.document().budgetYear(),
                Collectors.mapping(p -> p.document().externalRef(), Collectors.toList())))
                .forEach((year, refs) -> projects.findByExternalRefs(year, refs)
                        .forEach(p -> existing.put(year + "/" + p.externalRef(), p)));
        List<Result> out = new ArrayList<>(chunk.size());
        for (Pending p : chunk) {
            String key = p.document().budgetYear() + "/" + p.document().externalRef();
            Result r = upsert(p.document(), existing.get(key), p.warnings(), mode);
            if (r.outcome() == Outcome.created) {
                existing.put(key, projects.findById(r.id()));
            }
            out.add(r);
        }
        projects.flush();
        return out;
    }

    private Result upsert(ProjectDocument document, Project project, List<Violation> warnings, Mode mode) {
        String actor = mode.actor();
        if (project == null) {
            project = Project.declare(document, actor);
            projects.persist(project);
            freeze(project, actor);
            return new Result(document.externalRef(), project.id(), Outcome.created, List.of(), warnings);
        }
        if (!project.departmentCode().equals(document.departmentCode())) {
            return conflict(document, project, warnings, "externalRef " + document.externalRef() + " of budget year "
                    + document.budgetYear() + " belongs to a project of department " + project.departmentCode()
                    + ", not " + document.departmentCode() + "; an import never moves a project to another department");
        }
        ProjectDocument current = project.toDocument();
        if (current.equals(document)) {
            return new Result(document.externalRef(), project.id(), Outcome.unchanged, List.of(), warnings);
        }
        if (mode.onConflict() == OnConflict.conflict && !current.equals(lastImported(project))) {
            return conflict(document, project, warnings, "the project's content was changed after the last import"
                    + " (or it was never imported); import with onConflict=overwrite to replace those changes");
        }
        if (project.status() == ProjectStatus.APPROVED && mode.onApproved() == OnApproved.amend) {
            String reason = mode.reason();
            project.openAmendment(reason == null || reason.isBlank() ? "省级平台导入的调整" : reason, actor);
            project.replaceContent(document, actor);
            freeze(project, actor);
            List<Violation> notes = new ArrayList<>(warnings);
            notes.add(new Violation("/", "the approved project was opened as an amendment (调整); submit it for review"));
            return new Result(document.externalRef(), project.id(), Outcome.updated, List.of(), notes);
        }
        if (!project.status().editable()) {
            return new Result(document.externalRef(), project.id(), Outcome.rejected, List.of(new Violation("/",
                    "conflict: the project is " + project.status() + " and is not overwritten by an import"
                            + (project.status() == ProjectStatus.APPROVED ? "; open an amendment (调整) to change it" : ""))),
                    warnings);
        }
        project.replaceContent(document, actor);
        freeze(project, actor);
        return new Result(document.externalRef(), project.id(), Outcome.updated, List.of(), warnings);
    }

    private static Result conflict(ProjectDocument document, Project project, List<Violation> warnings, String reason) {
        return new Result(document.externalRef(), project.id(), Outcome.conflict, List.of(new Violation("/", reason)),
                warnings);
    }

    /** The content the last import wrote; null when no import ever wrote this project. */
    private ProjectDocument lastImported(Project project) {
        return revisions.latest(project.id(), ProjectRevision.Kind.IMPORT)
                .map(r -> Json.read(mapper, r.document(), ProjectDocument.class)).orElse(null);
    }

    /** Every change of an import is a revision of its own, made by the integration. */
    private void freeze(Project project, String actor) {
        revisions.persist(new ProjectRevision(project.id(), project.revision(), ProjectRevision.Kind.IMPORT, null,
                Json.write(mapper, project.toDocument()), actor, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private static List<Violation> unknownFields(ObjectNode node) {
        List<Violation> warnings = new ArrayList<>();
        node.fieldNames().forEachRemaining(f -> {
            if (!KNOWN_FIELDS.contains(f)) {
                warnings.add(new Violation("/" + f, "unknown field ignored"));
            }
        });
        JsonNode rows = node.get("indicators");
        if (rows != null && rows.isArray()) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).isObject()) {
                    Iterator<String> names = rows.get(i).fieldNames();
                    while (names.hasNext()) {
                        String f = names.next();
                        if (!KNOWN_ROW_FIELDS.contains(f)) {
                            warnings.add(new Violation("/indicators/" + i + "/" + f, "unknown field ignored"));
                        }
                    }
                }
            }
        }
        return warnings;
    }

    private static Set<String> componentNames(Class<? extends Record> contract) {
        return Arrays.stream(contract.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toUnmodifiableSet());
    }
}
