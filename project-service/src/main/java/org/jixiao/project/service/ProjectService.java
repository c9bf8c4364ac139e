package org.jixiao.project.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jixiao.common.contract.DocumentDiff;
import org.jixiao.common.contract.FieldChange;
import org.jixiao.common.contract.Json;
import org.jixiao.common.contract.InvalidTextException;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Violation;
import org.jixiao.common.events.EventTypes;
import org.jixiao.common.events.ProjectSubmitted;
import org.jixiao.common.events.Topics;
import org.jixiao.common.messaging.Outbox;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;
import org.jixiao.common.query.SortOrder;
import org.jixiao.project.domain.DocumentPolicy;
import org.jixiao.project.domain.ExternalRefPolicy;
import org.jixiao.project.domain.FrameworkRowsPolicy;
import org.jixiao.project.domain.Project;
import org.jixiao.project.domain.ProjectFilter;
import org.jixiao.project.domain.ProjectSummary;
import org.jixiao.project.domain.ProjectRevision;
import org.jixiao.project.domain.ProjectStatus;
import org.jixiao.project.repository.FrameworkRepository;
import org.jixiao.project.repository.ProjectRepository;
import org.jixiao.project.repository.ProjectRevisionRepository;
import org.jixiao.project.repository.ReviewCommentRepository;
import org.jixiao.project.repository.SubmitRequestRepository;

/** The department's use cases on its declarations; each public method is one transaction. */
@ApplicationScoped
public class ProjectService {
    /** The fields a list may be sorted by (attributes of {@link Project}). */
    public static final List<String> SORT_FIELDS = List.of("name", "budgetYear", "funding", "status", "createdAt",
            "updatedAt");

    private final ProjectRepository projects;
    private final ProjectRevisionRepository revisions;
    private final ReviewCommentRepository comments;
    private final SubmitRequestRepository submitRequests;
    private final FrameworkRepository frameworks;
    private final Outbox outbox;
    private final ObjectMapper json;

    public ProjectService(ProjectRepository projects, ProjectRevisionRepository revisions,
            ReviewCommentRepository comments, SubmitRequestRepository submitRequests, FrameworkRepository frameworks,
            Outbox outbox, ObjectMapper json) {
        this.projects = projects;
        this.revisions = revisions;
        this.comments = comments;
        this.submitRequests = submitRequests;
        this.frameworks = frameworks;
        this.outbox = outbox;
        this.json = json;
    }

    @Transactional
    public ProjectDetails create(ProjectDocument document, Actor actor) {
        requireValid(DocumentPolicy.checkDraft(document));
        requireDepartment(document.departmentCode(), actor);
        ExternalRefPolicy.requireMaySet(actor, null, document.externalRef());
        requireUniqueExternalRef(document, null);
        Project project = Project.declare(document, actor.name());
        projects.insert(project);
        ProjectDocument stored = project.toDocument();
        return new ProjectDetails(project, stored, List.of(), FrameworkRowsPolicy.duplicates(stored));
    }

    /**
     * The project with the comments of its returns; 404 when it does not exist or is not the actor's. No JTA
     * transaction of its own: a read of one project is one statement (two with comments, which are append-only),
     * and beginning and committing a transaction cost as much as the read under load (issue 15). Unannotated
     * rather than {@code SUPPORTS}, which behaves the same but runs an interceptor on every read; a caller's
     * transaction is still joined.
     */
    public ProjectDetails get(UUID id, Actor actor) {
        return details(projects.findForReading(id).filter(p -> p.isVisibleTo(actor))
                .orElseThrow(() -> DomainException.notFound("project", id)));
    }

    /**
     * The version of a project the actor may read, which is also its ETag; 404 when it does not exist or is not the
     * actor's. One narrow statement: what a reader needs to know whether a rendering it holds is still current.
     * No transaction of its own, as {@link #get}.
     */
    public long readableVersion(UUID id, Actor actor) {
        return projects.findHead(id).filter(h -> h.isVisibleTo(actor))
                .orElseThrow(() -> DomainException.notFound("project", id)).version();
    }

    /**
     * A page and its total are two statements; a transaction would not make them one snapshot (READ COMMITTED),
     * so the list, like {@link #get}, pays for none.
     */
    public Page<ProjectSummary> list(ProjectFilter filter, SortOrder order, PageRequest page, Actor actor) {
        return projects.search(filter.visibleTo(actor), order, page);
    }

    @Transactional
    public ProjectDetails replace(UUID id, long expectedVersion, ProjectDocument document, Actor actor) {
        Project project = lockForWrite(id, expectedVersion, actor);
        requireValid(DocumentPolicy.checkDraft(document));
        requireDepartment(document.departmentCode(), actor);
        if (document.budgetYear() != project.budgetYear()) {
            throw DomainException.invalid("immutable-field", "budgetYear cannot change; declare a new project instead");
        }
        ExternalRefPolicy.requireMaySet(actor, project.externalRef(), document.externalRef());
        requireUniqueExternalRef(document, id);
        project.replaceContent(document, actor.name());
        // the ETag of the answer must be the version this change produces
        projects.flushChecked();
        return details(project);
    }

    /** One project per (budgetYear, externalRef): the provincial platform's import finds projects by it. */
    private void requireUniqueExternalRef(ProjectDocument document, UUID self) {
        if (document.externalRef() != null && projects.findByExternalRef(document.budgetYear(), document.externalRef())
                .filter(other -> !other.id().equals(self)).isPresent()) {
            throw ProjectRepository.duplicateExternalRef(document.budgetYear(), document.externalRef());
        }
    }

    /** JSON Merge Patch (RFC 7396) over the interchange document. */
    @Transactional
    public ProjectDetails patch(UUID id, long expectedVersion, JsonNode mergePatch, Actor actor) {
        if (mergePatch == null || !mergePatch.isObject()) {
            throw DomainException.invalid("invalid-patch", "a merge patch must be a JSON object");
        }
        Project project = lockForWrite(id, expectedVersion, actor);
        JsonNode current = json.valueToTree(project.toDocument());
        JsonNode merged = MergePatch.apply(current, mergePatch);
        ProjectDocument document;
        try {
            document = json.treeToValue(merged, ProjectDocument.class);
        } catch (InvalidTextException e) {
            throw e.asBrokenRule();
        } catch (JsonProcessingException e) {
            throw DomainException.invalid("invalid-patch", "the patched document is not valid: " + e.getOriginalMessage());
        }
        return replace(id, project.version(), document, actor);
    }

    @Transactional
    public void delete(UUID id, long expectedVersion, Actor actor) {
        Project project = lockForWrite(id, expectedVersion, actor);
        if (project.status() != ProjectStatus.DRAFT || revisions.everSubmitted(id)) {
            throw DomainException.conflict("not-deletable", "only a never-submitted DRAFT can be deleted");
        }
        projects.delete(project);
    }

    /** What a submit answers: a fresh result, or the first result of the same Idempotency-Key again. */
    public record SubmitAnswer(int status, String etag, String body) {
    }

    /**
     * Freezes the current revision and announces it. {@code ifMatch} (the version the client read, null
     * without If-Match) must be current when given. An Idempotency-Key is remembered for 24 h per
     * (caller, project, key) with that If-Match and the answer, which {@code render} writes inside this
     * transaction: the same key with the same If-Match answers the first result again and emits
     * nothing; with another If-Match it is refused (422 idempotency-key-reused). Without If-Match the
     * key replays only while the project is still at the revision that submit froze and not reopened
     * (returned, amended). A failed submit (400, 409, 412) remembers nothing. Concurrent submits of one
     * project queue on its row lock, so a second one with the same key waits and then replays.
     */
    @Transactional
    public SubmitAnswer submit(UUID id, String idempotencyKey, Long ifMatch, Actor actor,
            Function<ProjectDetails, String> render) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw DomainException.invalid("invalid-idempotency-key", "Idempotency-Key must be 1 to 200 characters");
        }
        Project project = lockVisible(id, actor);
        String caller = subject(actor);
        if (idempotencyKey != null) {
            Optional<SubmitRequestRepository.Remembered> first = submitRequests.find(caller, id, idempotencyKey);
            if (first.isPresent()) {
                return replay(first.get(), ifMatch, project);
            }
        }
        if (ifMatch != null) {
            requireVersion(project, ifMatch);
        }
        ProjectDetails submitted = freezeAndAnnounce(project, actor);
        projects.flush();
        SubmitAnswer answer = new SubmitAnswer(200, Long.toString(project.version()), render.apply(submitted));
        if (idempotencyKey != null) {
            submitRequests.remember(caller, id, idempotencyKey, ifMatch, new SubmitRequestRepository.Remembered(
                    ifMatch, project.revision(), answer.status(), answer.etag(), answer.body()));
        }
        return answer;
    }

    private static SubmitAnswer replay(SubmitRequestRepository.Remembered first, Long ifMatch, Project project) {
        boolean sameRequest = ifMatch != null ? ifMatch.equals(first.ifMatch())
                : first.ifMatch() == null && project.revision() == first.revision() && !project.status().editable();
        if (!sameRequest) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "idempotency-key-reused", null,
                    "this Idempotency-Key already submitted revision " + first.revision() + " of this project"
                            + (first.ifMatch() == null ? " without If-Match" : " with If-Match \"" + first.ifMatch() + "\"")
                            + "; the project has changed since, so this is a new submission: send it with a new key",
                    List.of());
        }
        return new SubmitAnswer(first.status(), first.etag(), first.body());
    }

    private ProjectDetails freezeAndAnnounce(Project project, Actor actor) {
        UUID id = project.id();
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
        project.markSubmitted(actor.name());
        revisions.persist(new ProjectRevision(id, project.revision(),
                amendment ? ProjectRevision.Kind.AMENDMENT : ProjectRevision.Kind.SUBMISSION,
                amendment ? project.amendmentReason() : null, toJson(document), actor.name(),
                OffsetDateTime.now(ZoneOffset.UTC)));
        outbox.publish(Topics.PROJECTS, amendment ? EventTypes.PROJECT_AMENDED : EventTypes.PROJECT_SUBMITTED, id,
                project.revision(), actor.name(), new ProjectSubmitted(document, actor.name(),
                        amendment ? project.amendmentReason() : null, amendment ? project.approvedRevision() : null,
                        changes));
        return details(project);
    }

    /** The token's subject ({@code sub}), which keys a caller's Idempotency-Keys and names the import's changes. */
    static String subject(Actor actor) {
        return actor.claim("sub").filter(s -> !s.isBlank()).orElse(actor.name());
    }

    /** Everything a submission would refuse now, without submitting (预检). */
    @Transactional
    public List<Violation> validate(UUID id, Actor actor) {
        return submissionProblems(get(id, actor).document());
    }

    private List<Violation> submissionProblems(ProjectDocument document) {
        List<Violation> problems = new ArrayList<>(DocumentPolicy.checkSubmission(document));
        frameworks.inForce(document.budgetYear()).ifPresent(f -> problems.addAll(FrameworkRowsPolicy.check(document, f)));
        return problems;
    }

    /** 调整: opens an amendment of an approved project. */
    @Transactional
    public ProjectDetails openAmendment(UUID id, String reason, Actor actor) {
        Project project = lockVisible(id, actor);
        project.openAmendment(reason, actor.name());
        projects.flush();
        return details(project);
    }

    private ProjectDetails details(Project project) {
        ProjectDocument document = project.toDocument();
        return new ProjectDetails(project, document, project.hasReviewComments() ? comments.listFor(project.id()) : List.of(),
                FrameworkRowsPolicy.duplicates(document));
    }

    private Project lockVisible(UUID id, Actor actor) {
        return projects.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(p -> p.isVisibleTo(actor))
                .orElseThrow(() -> DomainException.notFound("project", id));
    }

    private Project lockForWrite(UUID id, long expectedVersion, Actor actor) {
        Project project = lockVisible(id, actor);
        requireVersion(project, expectedVersion);
        return project;
    }

    private static void requireVersion(Project project, long expectedVersion) {
        if (project.version() != expectedVersion) {
            throw new DomainException(DomainException.Kind.PRECONDITION_FAILED, "stale-etag", null,
                    "the project changed since you read it (your ETag is version " + expectedVersion + ", current is "
                            + project.version() + "); read it again and reapply your change", List.of());
        }
    }

    private static void requireDepartment(String departmentCode, Actor actor) {
        if (!actor.mayAccessDepartment(departmentCode)) {
            throw DomainException.forbidden("other-department",
                    "your token is limited to department " + actor.restrictedToDepartment().orElse("")
                            + " and cannot declare for department " + departmentCode);
        }
    }

    private static void requireValid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw DomainException.invalid("invalid-project", "Invalid project",
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
