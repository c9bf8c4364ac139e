package org.jixiao.project.domain;

import java.util.Objects;
import org.jixiao.common.domain.Actor;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Roles;

/**
 * externalRef is the provincial platform's identifier of a project: the import finds projects by it, so
 * only the platform (integration) and administrators may give a project one or change it. A department
 * may send back the value it read; leaving it out keeps it.
 */
public final class ExternalRefPolicy {
    private ExternalRefPolicy() {
    }

    public static void requireMaySet(Actor actor, String current, String requested) {
        if (requested == null || Objects.equals(requested, current)
                || actor.hasRole(Roles.INTEGRATION) || actor.hasRole(Roles.ADMIN)) {
            return;
        }
        throw DomainException.forbidden("external-ref-platform-only", current == null
                ? "externalRef is assigned by the provincial platform (integration or admin); declare the project without it"
                : "externalRef " + current + " is assigned by the provincial platform (integration or admin) and cannot be"
                        + " changed by a department; send it unchanged or leave it out");
    }
}
