package org.jixiao.project.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jixiao.project.domain.ProjectRevision;

@ApplicationScoped
public class ProjectRevisionRepository implements PanacheRepositoryBase<ProjectRevision, ProjectRevision.Key> {

    public List<ProjectRevision> listFor(UUID projectId) {
        return list("projectId = ?1 order by revision", projectId);
    }

    public Optional<ProjectRevision> find(UUID projectId, int revision) {
        return find("projectId = ?1 and revision = ?2", projectId, revision).firstResultOptional();
    }

    /** Whether the project was ever submitted or amended (an imported revision is no submission). */
    public boolean everSubmitted(UUID projectId) {
        return count("projectId = ?1 and kind <> ?2", projectId, ProjectRevision.Kind.IMPORT) > 0;
    }

    /** The latest revision of a kind, e.g. what the last import wrote. */
    public Optional<ProjectRevision> latest(UUID projectId, ProjectRevision.Kind kind) {
        return find("projectId = ?1 and kind = ?2 order by revision desc", projectId, kind).firstResultOptional();
    }

    public boolean exists(UUID projectId, int revision) {
        return count("projectId = ?1 and revision = ?2", projectId, revision) > 0;
    }
}
