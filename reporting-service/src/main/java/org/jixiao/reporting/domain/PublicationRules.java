package org.jixiao.reporting.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Violation;

/** What a publication list may hold: each project once, and only projects with an approved revision of that year. */
public final class PublicationRules {
    public static final int MAX_NAME = 200;
    public static final int MAX_ROWS = 10_000;

    private PublicationRules() {
    }

    /** The list as stored: a blank summary name means "the table's name". */
    public static List<PublicationDraft.Listed> normalized(String title, List<PublicationDraft.Listed> rows) {
        List<Violation> violations = new ArrayList<>();
        if (title == null || title.isBlank()) {
            violations.add(new Violation("/title", "a title is required, e.g. 2025年民生领域重大事项绩效目标情况表"));
        } else if (title.length() > MAX_NAME) {
            violations.add(new Violation("/title", "at most " + MAX_NAME + " characters"));
        }
        if (rows == null) {
            violations.add(new Violation("/rows", "rows are required (an empty list withdraws every project from the draft)"));
            rows = List.of();
        } else if (rows.size() > MAX_ROWS) {
            violations.add(new Violation("/rows", "at most " + MAX_ROWS + " rows"));
        }
        Set<UUID> seen = new HashSet<>();
        List<PublicationDraft.Listed> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PublicationDraft.Listed r = rows.get(i);
            if (r == null || r.projectId() == null) {
                violations.add(new Violation("/rows/" + i + "/projectId", "a project id is required"));
                continue;
            }
            if (!seen.add(r.projectId())) {
                violations.add(new Violation("/rows/" + i + "/projectId", "project " + r.projectId() + " is listed twice"));
            }
            String name = r.projectName() == null || r.projectName().isBlank() ? null : r.projectName();
            if (name != null && name.length() > MAX_NAME) {
                violations.add(new Violation("/rows/" + i + "/projectName", "at most " + MAX_NAME + " characters"));
            }
            result.add(new PublicationDraft.Listed(r.projectId(), name));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid("invalid-publication", "Invalid publication list",
                    violations.size() + " problem(s) in the publication list", violations);
        }
        return result;
    }

    /**
     * Only approved targets are published (批复后公开): every listed project must have an approved revision
     * of the year. The answer names each other one, with what it is instead.
     */
    public static void requireApproved(int budgetYear, List<PublicationDraft.Listed> rows, Map<UUID, ReportProject> known) {
        List<Violation> others = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            UUID id = rows.get(i).projectId();
            ReportProject p = known.get(id);
            String why = p == null ? "unknown project"
                    : p.budgetYear() != budgetYear ? "a project of budget year " + p.budgetYear()
                    : p.approvedRevision() == null ? "not approved (status " + p.status() + ")" : null;
            if (why != null) {
                others.add(new Violation("/rows/" + i + "/projectId", id + ": " + why));
            }
        }
        if (!others.isEmpty()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "not-approved", "Only approved projects can be published",
                    "not approved in " + budgetYear + ": " + String.join(", ", others.stream().map(Violation::message).toList()),
                    others);
        }
    }
}
