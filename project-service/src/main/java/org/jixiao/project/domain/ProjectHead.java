package org.jixiao.project.domain;

import org.jixiao.common.domain.Actor;

/**
 * What decides whether a reader may see a project and whether a rendering of it is current: its department and
 * its optimistic-lock version (every change of the project, its indicator rows or its comments raises it).
 */
public record ProjectHead(String departmentCode, long version) {

    /** The same rule as {@link Project#isVisibleTo}: a department sees its own projects, the bureau all. */
    public boolean isVisibleTo(Actor actor) {
        return actor.mayAccessDepartment(departmentCode);
    }
}
