package org.jixiao.project.service;

import org.jixiao.common.contract.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jixiao.common.contract.DocumentDiff;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.events.ProjectSubmitted.FieldChange;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.Outbox;
import org.jixiao.common.rest.Problem;
import org.jixiao.common.rest.ProblemException;
import org.jixiao.common.security.Caller;
import org.jixiao.project.domain.DocumentPolicy;
import org.jixiao.project.domain.FrameworkRowsPolicy;
import org.jixiao.project.domain.Project;
import org.jixiao.project.domain.ProjectRevision;
import org.jixiao.project.domain.ProjectStatus;
import org.jixiao.project.repository.FrameworkRepository;
import org.jixiao.project.repository.ProjectRepository;
import org.jixiao.project.repository.ProjectRevisionRepository;
import org.jixiao.project.repository.SubmitRequestRepository;

/** The department's use cases on its declarations; each public method is one transaction. */
@ApplicationScoped
public class ProjectService {
    private final ProjectRepository projects;
    private final ProjectRevisionRepository revisions;
    private final SubmitRequestRepository submitRequests;
    private final FrameworkRepository frameworks;
    private final Outbox outbox;
    private final ObjectMapper json;

    public ProjectService(ProjectRepository projects, ProjectRevisionRepository revisions,
            SubmitRequestRepository submitRequests, FrameworkRepository frameworks, Outbox outbox, ObjectMapper json) {
        this.projects = projects;
        this.revisions = revisions;
        this.submitRequests = submitRequests;
        this.frameworks = frameworks;
        this.outbox = outbox;
        this.json = json;
    }

    public record PageOf<T>(List<T> items, int page, int size, long total) {
    }

    @Transactional
    public Project create(ProjectDocument document, Caller caller) {
        requireValid(DocumentPolicy.checkDraft(document));
        requireDepartment(document.departmentCode(), caller);
        if (document.externalRef() != null
                && projects.findByExternalRef(document.budgetYear(), document.externalRef()).isPresent()) {
            throw ProblemException.conflict("duplicate-external-ref", "a project with externalRef "
                    + document.externalRef() + " already exists for budget year " + document.budgetYear());
        }
        Project project = Project.declare(document, caller.name());
        projects.persist(project);
        return project;
    }

    @Transactional
    public Project get(UUID id, Caller caller) {
        Project project = projects.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("project", id));
        if (!caller.mayAccessDepartment(project.departmentCode())) {
            throw ProblemException.notFound("project", id);
        }
        project.toDocument(); // load the indicator rows inside the transaction
        return project;
    }

    @Transactional
    public PageOf<Project> list(ProjectRepository.Filter filter, Sort sort, int page, int size, Caller caller) {
        ProjectRepository.Filter effective = caller.restrictedToDepartment()
                .map(d -> new ProjectRepository.Filter(filter.budgetYear(), d, filter.status(), filter.nameContains(),
                        filter.fundingMin(), filter.fundingMax()))
                .orElse(filter);
        var query = projects.search(effective, sort).page(Page.of(page, size));
        List<Project> items = query.list();
        return new PageOf<>(items, page, size, query.count());
    }

    @Transactional
    public Project replace(UUID id, long expectedVersion, ProjectDocument document, Caller caller) {
        Project project = lockForWrite(id, expectedVersion, caller);
        requireValid(DocumentPolicy.checkDraft(document));
        requireDepartment(document.departmentCode(), caller);
        if (document.budgetYear() != project.budgetYear()) {
            throw ProblemException.badRequest("immutable-field", "budgetYear cannot change; declare a new project instead");
        }
        project.replaceContent(document, caller.name());
        projects.flush();
        return project;
    }

    /** JSON Merge Patch (RFC 7396) over the interchange document. */
    @Transactional
    public Project patch(UUID id, long expectedVersion, JsonNode mergePatch, Caller caller) {
        if (mergePatch == null || !mergePatch.isObject()) {
            throw ProblemException.badRequest("invalid-patch", "a merge patch must be a JSON object");
        }
        Project project = lockForWrite(id, expectedVersion, caller);
        JsonNode current = json.valueToTree(project.toDocument());
        JsonNode merged = MergePatch.apply(current, mergePatch);
        ProjectDocument document;
        try {
            document = json.treeToValue(merged, ProjectDocument.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("invalid-patch", "the patched document is not valid: " + e.getOriginalMessage());
        }
        return replace(id, project.version(), document, caller);
    }

    @Transactional
    public void delete(UUID id, long expectedVersion, Caller caller) {
        Project project = lockForWrite(id, expectedVersion, caller);
        if (project.status() != ProjectStatus.DRAFT || revisions.exists(id, 1)) {
            throw ProblemException.conflict("not-deletable", "only a never-submitted DRAFT can be deleted");
        }
        projects.delete(project);
    }

    /**
     * Freezes the current revision and announces it. A retry with the same Idempotency-Key answers the
     * first result and emits nothing.
     */
    @Transactional
    public Project submit(UUID id, String idempotencyKey, Caller caller) {
        Project project = projects.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(p -> caller.mayAccessDepartment(p.departmentCode()))
                .orElseThrow(() -> ProblemException.notFound("project", id));
        if (idempotencyKey != null && submitRequests.revisionFor(id, idempotencyKey).isPresent()) {
            project.toDocument();
            return project;
        }
        project.requireEditable();
        ProjectDocument document = project.toDocument();
        requireValid(submissionProblems(document));
        if (revisions.exists(id, project.revision())) {
            project.startNewRevision();
        }
        boolean amendment = project.amending();
        List<FieldChange> changes = null;
        if (amendment) {
            ProjectDocument approved = revisions.find(id, project.approvedRevision()).map(r -> fromJson(r.document()))
                    .orElseThrow(() -> new IllegalStateException("approved revision " + project.approvedRevision() + " of " + id + " is missing"));
            changes = DocumentDiff.between(approved, document);
        }
        project.markSubmitted(caller.name());
        revisions.persist(new ProjectRevision(id, project.revision(),
                amendment ? ProjectRevision.Kind.AMENDMENT : ProjectRevision.Kind.SUBMISSION,
                amendment ? project.amendmentReason() : null, toJson(document), caller.name(),
                OffsetDateTime.now(ZoneOffset.UTC)));
        if (idempotencyKey != null) {
            submitRequests.remember(id, idempotencyKey, project.revision());
        }
        outbox.publish(Topics.PROJECTS, amendment ? EventTypes.PROJECT_AMENDED : EventTypes.PROJECT_SUBMITTED, id,
                project.revision(), caller.name(), new ProjectSubmitted(document, caller.name(),
                        amendment ? project.amendmentReason() : null, amendment ? project.approvedRevision() : null,
                        changes));
        return project;
    }

    /** Everything a submission would refuse now, without submitting (预检). */
    @Transactional
    public List<Problem.Violation> validate(UUID id, Caller caller) {
        return submissionProblems(get(id, caller).toDocument());
    }

    private List<Problem.Violation> submissionProblems(ProjectDocument document) {
        List<Problem.Violation> problems = new java.util.ArrayList<>(DocumentPolicy.checkSubmission(document));
        frameworks.inForce(document.budgetYear()).ifPresent(f -> problems.addAll(FrameworkRowsPolicy.check(document, f)));
        return problems;
    }

    /** 调整: opens an amendment of an approved project. */
    @Transactional
    public Project openAmendment(UUID id, String reason, Caller caller) {
        Project project = projects.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(p -> caller.mayAccessDepartment(p.departmentCode()))
                .orElseThrow(() -> ProblemException.notFound("project", id));
        project.openAmendment(reason, caller.name());
        project.toDocument();
        projects.flush();
        return project;
    }

    /** Field-level differences from revision {@code from} to revision {@code to}, both frozen. */
    @Transactional
    public List<FieldChange> diff(UUID id, int from, int to, Caller caller) {
        get(id, caller);
        ProjectDocument a = revisions.find(id, from).map(r -> fromJson(r.document()))
                .orElseThrow(() -> ProblemException.notFound("revision", from + " of project " + id));
        ProjectDocument b = revisions.find(id, to).map(r -> fromJson(r.document()))
                .orElseThrow(() -> ProblemException.notFound("revision", to + " of project " + id));
        return DocumentDiff.between(a, b);
    }

    private Project lockForWrite(UUID id, long expectedVersion, Caller caller) {
        Project project = projects.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(p -> caller.mayAccessDepartment(p.departmentCode()))
                .orElseThrow(() -> ProblemException.notFound("project", id));
        if (project.version() != expectedVersion) {
            throw new ProblemException(412, "stale-etag", "Precondition failed",
                    "the project changed since you read it (your ETag is version " + expectedVersion + ", current is "
                            + project.version() + "); read it again and reapply your change");
        }
        return project;
    }

    private static void requireDepartment(String departmentCode, Caller caller) {
        if (!caller.mayAccessDepartment(departmentCode)) {
            throw ProblemException.forbidden("other-department",
                    "your token is limited to department " + caller.restrictedToDepartment().orElse("")
                            + " and cannot declare for department " + departmentCode);
        }
    }

    static void requireValid(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "invalid-project", "Invalid project",
                    violations.size() + " problem(s): " + violations.stream().map(v -> v.pointer() + " " + v.message())
                            .reduce((a, b) -> a + "; " + b).orElse(""),
                    violations);
        }
    }

    private ProjectDocument fromJson(String json) {
        return Json.read(this.json, json, ProjectDocument.class);
    }

    private String toJson(ProjectDocument document) {
        return Json.write(json, document);
    }

    /** RFC 7396: objects merge recursively, null removes, anything else replaces. */
    static final class MergePatch {
        private MergePatch() {
        }

        static JsonNode apply(JsonNode target, JsonNode patch) {
            if (!patch.isObject()) {
                return patch;
            }
            ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                    : ((ObjectNode) patch).objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getValue().isNull()) {
                    result.remove(f.getKey());
                } else {
                    result.set(f.getKey(), apply(result.get(f.getKey()), f.getValue()));
                }
            }
            return result;
        }
    }
}
