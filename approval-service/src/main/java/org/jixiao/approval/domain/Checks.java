package org.jixiao.approval.domain;

/** What indicator-service's pre-review (IndicatorCheckCompleted) of a case's revision said, as far as it has arrived. */
public enum Checks {
    /** not arrived yet: nobody has looked at the targets automatically */
    PENDING,
    /** arrived without ERROR findings */
    CLEAN,
    /** arrived with ERROR findings */
    ERRORS;

    public static Checks of(boolean errors) {
        return errors ? ERRORS : CLEAN;
    }
}
