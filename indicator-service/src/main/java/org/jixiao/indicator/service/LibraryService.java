package org.jixiao.indicator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jixiao.common.contract.Framework;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.events.ProjectApproved;
import org.jixiao.common.query.Page;
import org.jixiao.common.query.PageRequest;
import org.jixiao.indicator.domain.FrameworkPresets;
import org.jixiao.indicator.domain.library.HistoryEntry;
import org.jixiao.indicator.domain.library.LibraryFilter;
import org.jixiao.indicator.domain.library.LibraryIndicator;
import org.jixiao.indicator.domain.library.PastTarget;
import org.jixiao.indicator.domain.target.TargetMeaning;
import org.jixiao.indicator.domain.target.TargetParser;
import org.jixiao.indicator.repository.LibraryRepository;

/** 指标库: seeded from the seed document, curated by admins, and learning from every approval. */
@ApplicationScoped
public class LibraryService {
    private static final Logger LOG = Logger.getLogger(LibraryService.class);
    private static final Framework NAMES = FrameworkPresets.CLASSIC_FRAMEWORK;

    private final LibraryRepository library;
    private final ObjectMapper json;
    private final TargetParser parser = new TargetParser();

    public LibraryService(LibraryRepository library, ObjectMapper json) {
        this.library = library;
        this.json = json;
    }

    /** The first start fills the library from the seed's 242 indicator rows, de-duplicated. */
    @Transactional
    void seed(@Observes StartupEvent event) {
        if (library.count() > 0) {
            return;
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("seed/seed-2025-projects.json")) {
            if (in == null) {
                return;
            }
            int rows = 0;
            for (JsonNode p : json.readTree(in).get("projects")) {
                ProjectDocument doc = json.treeToValue(p, ProjectDocument.class);
                for (ProjectDocument.IndicatorRow r : doc.indicators()) {
                    entryFor(r, "seed", false).usedBy(doc.departmentCode());
                    rows++;
                }
            }
            library.flush();
            LOG.infof("indicator library seeded: %d rows → %d indicators", rows, library.count());
        } catch (IOException e) {
            LOG.warnf("indicator library not seeded: %s", e.getMessage());
        }
    }

    /**
     * Learns from an approval: each approved row becomes history of its library indicator.
     * {@code occurredAt} stands in for an approval time that older producers did not send.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void learnFromApproval(UUID projectId, int revision, OffsetDateTime occurredAt, ProjectApproved approved) {
        ProjectDocument doc = approved.project();
        OffsetDateTime at = approved.approvedAt() != null ? approved.approvedAt() : occurredAt;
        for (ProjectDocument.IndicatorRow r : doc.indicators() == null ? List.<ProjectDocument.IndicatorRow>of() : doc.indicators()) {
            LibraryIndicator entry = entryFor(r, "approval", true);
            entry.usedBy(doc.departmentCode());
            library.flush();
            library.recordHistory(new HistoryEntry(entry.id(), doc.departmentCode(), doc.budgetYear(), projectId,
                    revision, doc.name(), r.target(), at), projectId, revision);
        }
    }

    private LibraryIndicator entryFor(ProjectDocument.IndicatorRow r, String actor, boolean learned) {
        Framework.Node node = NAMES.resolve(r.level1(), r.level2()).orElse(new Framework.Node(r.level1(), r.level2()));
        String name = r.name().strip();
        return library.find(node.level1(), node.level2(), name).orElseGet(() -> {
            LibraryIndicator created = new LibraryIndicator(name, node.level1(), node.level2(), actor, learned);
            TargetMeaning m = parser.parse(r.target());
            created.describe(m.unit(), m.kind(), m.direction(), "计划标准", null, LibraryIndicator.Scope.SPECIFIC, actor);
            library.persist(created);
            return created;
        });
    }

    /** What an admin says about a library indicator, to create or replace it. */
    public record Entry(String name, String level1, String level2, String unit, TargetMeaning.Kind valueKind,
            TargetMeaning.Direction direction, String valueBasis, String description, Set<String> departments,
            LibraryIndicator.Scope scope) {
    }

    @Transactional
    public LibraryIndicator create(Entry e, Actor actor) {
        if (library.find(e.level1(), e.level2(), e.name()).isPresent()) {
            throw DomainException.conflict("duplicate-indicator", "「" + e.name() + "」 already exists under "
                    + e.level1() + " / " + e.level2());
        }
        LibraryIndicator created = new LibraryIndicator(e.name(), e.level1(), e.level2(), actor.name(), false);
        apply(created, e, actor.name());
        library.persist(created);
        return created;
    }

    @Transactional
    public LibraryIndicator update(UUID id, Entry e, Actor actor) {
        LibraryIndicator existing = get(id);
        apply(existing, e, actor.name());
        return existing;
    }

    private static void apply(LibraryIndicator target, Entry e, String actor) {
        target.describe(e.unit(), e.valueKind(), e.direction(), e.valueBasis(), e.description(), e.scope(), actor);
        target.suitDepartments(e.departments());
    }

    @Transactional
    public void delete(UUID id) {
        library.delete(get(id));
    }

    @Transactional
    public LibraryIndicator get(UUID id) {
        return library.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("library indicator", id));
    }

    /**
     * A department token searches what suits its own department: naming none means its own, naming another
     * is refused (403 other-department) rather than quietly answered for the wrong department.
     */
    @Transactional
    public Page<LibraryIndicator> search(LibraryFilter filter, PageRequest page, Actor actor) {
        LibraryFilter effective = actor.restrictedToDepartment().map(own -> {
            if (own.isBlank() || (filter.department() != null && !filter.department().equals(own))) {
                throw DomainException.forbidden("other-department", "your token is limited to department " + own
                        + " and cannot search the library of department " + filter.department());
            }
            return filter.forDepartment(own);
        }).orElse(filter);
        return library.search(effective, page);
    }

    /**
     * The targets approved with an indicator, newest year first: of {@code department} when named, of
     * every department otherwise; a department actor sees its own whatever it names.
     */
    @Transactional
    public List<HistoryEntry> history(UUID id, String department, PageRequest page, Actor actor) {
        get(id);
        return library.history(id, actor.restrictedToDepartment().orElse(department), page);
    }

    /** 历史标准: what a department had approved for indicators of that name in earlier years. */
    @Transactional
    public List<PastTarget> suggestions(String department, String name, int budgetYear, Actor actor) {
        String effective = actor.restrictedToDepartment().orElse(department);
        if (effective == null) {
            throw DomainException.invalid("department-required", "name the department (department=034)");
        }
        return library.approvedBefore(effective, name, budgetYear);
    }
}
