package org.jixiao.common.domain;

/** The roles a token's {@code groups} claim may carry. */
public final class Roles {
    /** 预算单位/主管部门: declares its own department's projects (token claim {@code department}). */
    public static final String DEPARTMENT = "department";
    /** 财政局审核人员: reads everything, decides reviews. */
    public static final String REVIEWER = "reviewer";
    public static final String ADMIN = "admin";
    /** The provincial budget platform: bulk import and export. */
    public static final String INTEGRATION = "integration";

    private Roles() {
    }
}
