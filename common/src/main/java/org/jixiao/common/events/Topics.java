package org.jixiao.common.events;

import java.util.List;
import java.util.Map;

/** Kafka topics, one per producing service; the key of every record is the project id. */
public final class Topics {
    /** project-service: ProjectSubmitted, ProjectAmended, MonitoringReported. */
    public static final String PROJECTS = "jixiao.projects";
    /** approval-service: ProjectApproved, ProjectReturned, MonitoringReviewed. */
    public static final String REVIEWS = "jixiao.reviews";
    /** indicator-service: IndicatorCheckCompleted, MonitoringAssessed. */
    public static final String INDICATOR_CHECKS = "jixiao.indicator-checks";

    /** indicator-service: FrameworkPublished (key framework-{year} or framework-default). */
    public static final String FRAMEWORKS = "jixiao.frameworks";

    public static final List<String> ALL = List.of(PROJECTS, REVIEWS, INDICATOR_CHECKS, FRAMEWORKS);

    /**
     * The largest event the system publishes, in bytes before compression: 16 MiB. The largest document the
     * API accepts is about 3.9 MB in UTF-8 (six texts of 20,000 characters and 200 rows at their limits, every
     * character four bytes); a ProjectAmended carries it up to three times (document, before, after).
     */
    public static final int MAX_EVENT_BYTES = 16 * 1024 * 1024;

    /**
     * How every jixiao.* topic is created: large enough for {@link #MAX_EVENT_BYTES}, and kept for ever, since
     * the topics are the record the read models are rebuilt from.
     */
    public static final Map<String, String> CONFIG = Map.of(
            "max.message.bytes", Integer.toString(MAX_EVENT_BYTES),
            "retention.ms", "-1",
            "retention.bytes", "-1");

    /** A service's dead-letter topic: records it can never process. */
    public static String deadLetter(String service) {
        return "jixiao.dead-letter." + service;
    }

    private Topics() {
    }
}
