package org.jixiao.common.events;

import java.util.List;

/** Kafka topics, one per producing service; the key of every record is the project id. */
public final class Topics {
    /** project-service: ProjectSubmitted, ProjectAmended. */
    public static final String PROJECTS = "jixiao.projects";
    /** approval-service: ProjectApproved, ProjectReturned. */
    public static final String REVIEWS = "jixiao.reviews";
    /** indicator-service: IndicatorCheckCompleted. */
    public static final String INDICATOR_CHECKS = "jixiao.indicator-checks";

    /** indicator-service: FrameworkPublished (key framework-{year} or framework-default). */
    public static final String FRAMEWORKS = "jixiao.frameworks";

    public static final List<String> ALL = List.of(PROJECTS, REVIEWS, INDICATOR_CHECKS, FRAMEWORKS);

    private Topics() {
    }
}
