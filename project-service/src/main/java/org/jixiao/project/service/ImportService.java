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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.rest.Problem.Violation;
import org.jixiao.common.rest.ProblemException;
import org.jixiao.project.domain.DocumentPolicy;
import org.jixiao.project.domain.Project;
import org.jixiao.project.domain.ProjectStatus;
import org.jixiao.project.repository.ProjectRepository;

/**
 * Bulk import from the provincial platform. Reads the body one document at a time (a JSON array or
 * NDJSON), so 10,000 documents never sit in memory together; each document is validated and written
 * in a transaction of its own, so a bad one neither blocks nor half-writes the others. Idempotent on
 * (budgetYear, externalRef).
 */
@ApplicationScoped
public class ImportService {
    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final Set<String> KNOWN_FIELDS = Set.of("externalRef", "budgetYear", "name", "departmentCode",
            "departmentName", "budgetUnitCode", "budgetUnitName", "attribute", "overview", "basis", "necessity",
            "safeguards", "implementationPlan", "annualGoal", "implementingUnit", "funding", "indicators");
    private static final Set<String> KNOWN_ROW_FIELDS = Set.of("level1", "level2", "name", "target", "valueBasis", "note");

    public enum Outcome { created, updated, unchanged, rejected }

    public record Result(String externalRef, UUID id, Outcome outcome, List<Violation> problems,
            List<Violation> warnings) {
    }

    private final ProjectRepository projects;
    private final ObjectMapper tolerant;

    public ImportService(ProjectRepository projects, ObjectMapper mapper) {
        this.projects = projects;
        this.tolerant = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public List<Result> importStream(InputStream body, boolean ndjson, String actor) {
        List<Result> results = new ArrayList<>();
        long started = System.nanoTime();
        try (JsonParser parser = tolerant.getFactory().createParser(body)) {
            if (!ndjson) {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw ProblemException.badRequest("import-not-array",
                            "the body must be a JSON array of project documents (or NDJSON with Content-Type application/x-ndjson)");
                }
            }
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null || token == JsonToken.END_ARRAY) {
                    break;
                }
                JsonNode node = tolerant.readTree(parser);
                results.add(importOne(node, actor));
                if (results.size() % 1000 == 0) {
                    LOG.infof("import: %d documents in %d ms", results.size(), (System.nanoTime() - started) / 1_000_000);
                }
            }
        } catch (IOException e) {
            throw ProblemException.badRequest("malformed-json",
                    "the import body is not valid JSON after " + results.size() + " document(s): " + e.getMessage());
        }
        LOG.infof("import: %d documents done in %d ms", results.size(), (System.nanoTime() - started) / 1_000_000);
        return results;
    }

    Result importOne(JsonNode node, String actor) {
        String ref = node != null && node.hasNonNull("externalRef") ? node.get("externalRef").asText() : null;
        if (node == null || !node.isObject()) {
            return new Result(ref, null, Outcome.rejected, List.of(new Violation("/", "a project document must be a JSON object")), List.of());
        }
        List<Violation> warnings = unknownFields((ObjectNode) node);
        ProjectDocument document;
        try {
            document = tolerant.treeToValue(node, ProjectDocument.class);
        } catch (IOException e) {
            return new Result(ref, null, Outcome.rejected, List.of(new Violation("/", "unreadable document: "
                    + e.getMessage().lines().findFirst().orElse(""))), warnings);
        }
        List<Violation> problems = DocumentPolicy.checkInterchange(document);
        if (!problems.isEmpty()) {
            return new Result(ref, null, Outcome.rejected, problems, warnings);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> upsert(document, actor, warnings));
        } catch (RuntimeException e) {
            LOG.warnf("import of %s failed: %s", ref, e.toString());
            return new Result(ref, null, Outcome.rejected, List.of(new Violation("/", "could not be stored: " + e.getMessage())), warnings);
        }
    }

    private Result upsert(ProjectDocument document, String actor, List<Violation> warnings) {
        Optional<Project> existing = projects.findByExternalRef(document.budgetYear(), document.externalRef());
        if (existing.isEmpty()) {
            Project project = Project.declare(document, actor);
            projects.persist(project);
            return new Result(document.externalRef(), project.id(), Outcome.created, List.of(), warnings);
        }
        Project project = existing.get();
        if (project.toDocument().equals(document)) {
            return new Result(document.externalRef(), project.id(), Outcome.unchanged, List.of(), warnings);
        }
        if (!project.status().editable()) {
            return new Result(document.externalRef(), project.id(), Outcome.rejected, List.of(new Violation("/",
                    "conflict: the project is " + project.status() + " and is not overwritten by an import"
                            + (project.status() == ProjectStatus.APPROVED ? "; open an amendment (调整) to change it" : ""))),
                    warnings);
        }
        project.replaceContent(document, actor);
        return new Result(document.externalRef(), project.id(), Outcome.updated, List.of(), warnings);
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
}
