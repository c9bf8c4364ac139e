package org.jixiao.project.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jixiao.project.service.ProjectDetails;

/**
 * The JSON of the last project views this process rendered, each held with the version it was rendered from.
 * A front end reads the same declaration again and again while a department works on it or the bureau reviews
 * it; rendering it again each time (the entity graph, its indicator rows, Jackson) was most of a read's cost
 * (issue 15). A reader asks the database for the project's current version first ({@code readableVersion}) and
 * takes a rendering only when it was made from exactly that version: every change of a project raises it, in
 * whichever replica or consumer the change happened, so a rendering can be missing but never stale. Only reads
 * fill it, from what the database returned; a write's answer is built from the entity in memory, whose
 * timestamps may carry more precision than the database keeps. Bounded by bytes
 * ({@code jixiao.project.rendering-cache.bytes}; 0 turns it off), least recently used leave first.
 */
@ApplicationScoped
public class ProjectRenderings {
    /** The view as a reader receives it, and the version (ETag) it shows. */
    public record Rendering(long version, byte[] json) {
    }

    private final ObjectMapper mapper;
    private final Cache<UUID, Rendering> held;

    public ProjectRenderings(ObjectMapper mapper,
            @ConfigProperty(name = "jixiao.project.rendering-cache.bytes", defaultValue = "8388608") long bytes) {
        this.mapper = mapper;
        // maintenance on the calling thread: no pool thread of its own, and eviction is done when put returns
        this.held = bytes <= 0 ? null : Caffeine.newBuilder().maximumWeight(bytes).executor(Runnable::run)
                .<UUID, Rendering>weigher((id, r) -> r.json().length).build();
    }

    /** The rendering of exactly this version of the project, or null. */
    public Rendering current(UUID id, long version) {
        Rendering r = held == null ? null : held.getIfPresent(id);
        return r != null && r.version() == version ? r : null;
    }

    /** Renders a project as read from the database and holds the result for the readers after this one. */
    public Rendering render(ProjectDetails read) {
        ProjectView view = ProjectView.of(read);
        Rendering rendering;
        try {
            rendering = new Rendering(view.version(), mapper.writeValueAsBytes(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write project " + view.id() + " as JSON", e);
        }
        if (held != null) {
            // a slow reader of an older version must not displace a newer rendering
            held.asMap().merge(view.id(), rendering, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
        }
        return rendering;
    }

    /** A deleted project's rendering is of no use to anyone; the version check would refuse it anyway. */
    public void forget(UUID id) {
        if (held != null) {
            held.invalidate(id);
        }
    }
}
