package org.jixiao.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * How much of a year's approved targets is public: the share of approved projects, and of their funding,
 * that the latest published version lists. The Ministry expects at least 60% of projects' targets public
 * (中发〔2018〕34号 and the 财政部 guidance on 绩效目标公开).
 */
public record Coverage(int approvedProjects, int publishedProjects, BigDecimal approvedFunding, BigDecimal publishedFunding,
        BigDecimal projectPercent, BigDecimal fundingPercent, BigDecimal ministryLinePercent, boolean meetsMinistryLine) {

    public static final BigDecimal MINISTRY_LINE = new BigDecimal("60");

    /** Counts the currently approved projects; a published project no longer approved in the model does not count. */
    public static Coverage of(Collection<ReportProject> approved, Set<UUID> published) {
        int count = 0;
        BigDecimal all = BigDecimal.ZERO;
        BigDecimal listed = BigDecimal.ZERO;
        for (ReportProject p : approved) {
            BigDecimal funding = p.funding() == null ? BigDecimal.ZERO : p.funding();
            all = all.add(funding);
            if (published.contains(p.projectId())) {
                count++;
                listed = listed.add(funding);
            }
        }
        return of(approved.size(), all, count, listed);
    }

    /** From the counts and sums the database made: {@code approvedFunding} and {@code publishedFunding} exact, null for none. */
    public static Coverage of(int approvedCount, BigDecimal approvedFunding, int count, BigDecimal publishedFunding) {
        BigDecimal all = BigDecimal.ZERO.setScale(2).add(approvedFunding == null ? BigDecimal.ZERO : approvedFunding);
        BigDecimal listed = BigDecimal.ZERO.setScale(2).add(publishedFunding == null ? BigDecimal.ZERO : publishedFunding);
        BigDecimal projectPercent = percent(BigDecimal.valueOf(count), BigDecimal.valueOf(approvedCount));
        return new Coverage(approvedCount, count, all, listed, projectPercent, percent(listed, all), MINISTRY_LINE,
                approvedCount > 0 && BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(100))
                        .compareTo(MINISTRY_LINE.multiply(BigDecimal.valueOf(approvedCount))) >= 0);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
