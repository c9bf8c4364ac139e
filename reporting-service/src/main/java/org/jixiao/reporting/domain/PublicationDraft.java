package org.jixiao.reporting.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The bureau's working list of a year's 绩效目标公开: which approved projects, in which order (the position
 * is the 序号), under which summary name. Nothing of it is public until it is published as a version.
 */
public record PublicationDraft(int budgetYear, String title, List<Listed> rows, String updatedBy, OffsetDateTime updatedAt) {

    /** {@code projectName} is the name printed in the summary; null means the table's own name. */
    public record Listed(UUID projectId, String projectName) {
    }
}
