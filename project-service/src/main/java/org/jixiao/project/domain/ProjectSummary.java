package org.jixiao.project.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A project as a list shows it: its place in the review cycle and its key figures, without the long texts
 * (项目概况, 立项依据, … about 2 KB a project) and the indicator rows. A list page reads only these columns.
 * The components are named as {@link Project}'s fields: Panache selects them by those names.
 */
public record ProjectSummary(UUID id, String externalRef, ProjectStatus status, int revision, Integer approvedRevision,
        String approvalNumber, String amendmentReason, long version, int budgetYear, String name, String departmentCode,
        String departmentName, String budgetUnitCode, String budgetUnitName, String attribute, BigDecimal funding,
        String createdBy, OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt) {
}
