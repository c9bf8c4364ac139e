package org.jixiao.reporting.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jixiao.common.contract.ProjectDocument;

/**
 * One published version of a year's list, frozen: each row keeps the approved revision, its document and
 * the summary columns as they were when published, whatever is approved later.
 */
public record PublishedVersion(int budgetYear, int version, String title, String publishedBy, OffsetDateTime publishedAt,
        List<Row> rows) {

    /** {@code projectName} is the summary's name; the document keeps the table's own. */
    public record Row(int seq, UUID projectId, int revision, String approvalNumber, String budgetUnitCode,
            String budgetUnitName, String projectName, BigDecimal amount, ProjectDocument document, Integer targets,
            Integer quantifiedTargets) {
    }

    public BigDecimal total() {
        return rows.stream().map(Row::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** The summary table exactly as listed: the list's order and names, a 合计 row only when asked for. */
    public Summary summary(String unit, boolean totalRow) {
        List<Summary.Row> lines = rows.stream().map(r -> new Summary.Row(r.seq(), r.budgetUnitCode(), r.budgetUnitName(),
                r.projectId(), r.projectName(), r.amount())).toList();
        return new Summary(title, unit, budgetYear, lines, total(), totalRow);
    }
}
