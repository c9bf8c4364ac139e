package org.jixiao.common.events;

/** Event type names; each has a JSON Schema under common/src/main/resources/events. */
public final class EventTypes {
    public static final String PROJECT_SUBMITTED = "ProjectSubmitted";
    public static final String PROJECT_AMENDED = "ProjectAmended";
    public static final String PROJECT_APPROVED = "ProjectApproved";
    public static final String PROJECT_RETURNED = "ProjectReturned";
    public static final String INDICATOR_CHECK_COMPLETED = "IndicatorCheckCompleted";
    /** A submitted monitoring report or year-end self-evaluation (project-service, jixiao.projects). */
    public static final String MONITORING_REPORTED = "MonitoringReported";
    /** A report assessed against targets and budget (indicator-service, jixiao.indicator-checks). */
    public static final String MONITORING_ASSESSED = "MonitoringAssessed";
    /** A report acknowledged or returned by the bureau (approval-service, jixiao.reviews). */
    public static final String MONITORING_REVIEWED = "MonitoringReviewed";
    /** Not about one project: projectId is null, the key names the budget year. */
    public static final String FRAMEWORK_PUBLISHED = "FrameworkPublished";

    /** Every type this version of Jixiao knows; a record of any other type can never be processed here. */
    public static final java.util.Set<String> ALL = java.util.Set.of(PROJECT_SUBMITTED, PROJECT_AMENDED, PROJECT_APPROVED,
            PROJECT_RETURNED, INDICATOR_CHECK_COMPLETED, FRAMEWORK_PUBLISHED, MONITORING_REPORTED, MONITORING_ASSESSED,
            MONITORING_REVIEWED);

    private EventTypes() {
    }
}
