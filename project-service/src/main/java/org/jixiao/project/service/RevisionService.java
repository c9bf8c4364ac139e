package org.jixiao.project.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.jixiao.common.contract.DocumentDiff;
import org.jixiao.common.contract.FieldChange;
import org.jixiao.common.contract.Json;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.project.domain.ProjectRevision;
import org.jixiao.project.repository.ProjectRepository;
import org.jixiao.project.repository.ProjectRevisionRepository;

/** Reads the frozen revisions of a project (one per submission, amendment or import change); each method is one transaction. */
@ApplicationScoped
public class RevisionService {
    private final ProjectRepository projects;
    private final ProjectRevisionRepository revisions;
    private final ObjectMapper json;

    public RevisionService(ProjectRepository projects, ProjectRevisionRepository revisions, ObjectMapper json) {
        this.projects = projects;
        this.revisions = revisions;
        this.json = json;
    }

    /** The revisions in order; 404 when the project does not exist or is not the actor's. */
    @Transactional
    public List<ProjectRevision> list(UUID id, Actor actor) {
        requireVisible(id, actor);
        return revisions.listFor(id);
    }

    /** One revision, its document kept as the JSON that was frozen. */
    @Transactional
    public ProjectRevision get(UUID id, int revision, Actor actor) {
        requireVisible(id, actor);
        return find(id, revision);
    }

    /** Field-level differences from revision {@code from} to revision {@code to}, both frozen. */
    @Transactional
    public List<FieldChange> diff(UUID id, int from, int to, Actor actor) {
        requireVisible(id, actor);
        ProjectDocument a = Json.read(json, find(id, from).document(), ProjectDocument.class);
        ProjectDocument b = Json.read(json, find(id, to).document(), ProjectDocument.class);
        return DocumentDiff.between(a, b);
    }

    private ProjectRevision find(UUID id, int revision) {
        return revisions.find(id, revision)
                .orElseThrow(() -> DomainException.notFound("revision", revision + " of project " + id));
    }

    private void requireVisible(UUID id, Actor actor) {
        projects.findByIdOptional(id).filter(p -> p.isVisibleTo(actor))
                .orElseThrow(() -> DomainException.notFound("project", id));
    }
}
