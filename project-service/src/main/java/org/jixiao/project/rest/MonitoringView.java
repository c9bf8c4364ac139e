package org.jixiao.project.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jixiao.common.events.MonitoringLine;
import org.jixiao.project.domain.MonitoringInput;
import org.jixiao.project.domain.MonitoringReport;
import org.jixiao.project.domain.MonitoringStatus;
import org.jixiao.project.domain.ReportLine;
import org.jixiao.project.service.MonitoringService;

/** A monitoring report (绩效运行监控) or year-end self-evaluation (自评) as the front ends read it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "MonitoringReport")
public record MonitoringView(
        UUID projectId,
        @Schema(description = "监控期间 YYYY-MM; the report of YYYY-12 is the year-end self-evaluation", example = "2025-07") String period,
        @Schema(description = "DRAFT, SUBMITTED, ACKNOWLEDGED or RETURNED") MonitoringStatus status,
        @JsonProperty("final") @Schema(description = "the year-end self-evaluation (自评): exactly the report of period YYYY-12") boolean finalReport,
        @Schema(description = "截止日期 of the figures, a day of the period", example = "2025-07-31") LocalDate asOf,
        @Schema(description = "执行金额 (元) at asOf, two places", example = "3000000.00") String spent,
        @Schema(description = "one line per reported indicator row of the approved revision") List<Line> indicators,
        @Schema(description = "纠偏措施") String measures,
        @Schema(description = "the approved revision of the project the report is about") int approvedRevision,
        @Schema(description = "submissions so far: 0 for a first draft, 1 after the first, 2 after a return and resubmission") int reportRevision,
        @Schema(description = "optimistic-lock version, also the ETag") long version,
        @Schema(description = "退回意见 of the bureau's returns so far") List<Comment> reviewComments,
        String createdBy,
        OffsetDateTime createdAt,
        String updatedBy,
        OffsetDateTime updatedAt,
        String submittedBy,
        OffsetDateTime submittedAt,
        @Schema(description = "who acknowledged or returned the last submission") String reviewedBy,
        OffsetDateTime reviewedAt) {

    /** One indicator row of a report, in requests and answers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MonitoringLine")
    public record Line(
            @Schema(description = "the indicator row of the approved revision (0-based)", required = true) Integer index,
            @Schema(description = "执行情况: a plain decimal in the target's unit, YYYY-MM-DD for a deadline row, or text for a qualitative row", example = "6000") String actual,
            @Schema(description = "全年预计: the full-year value expected, same form as actual", example = "6900") String forecast,
            @Schema(description = "完成可能性 确定能/有可能/完全不可能") ReportLine.Likelihood likelihood,
            @Schema(description = "偏差原因 经费/制度/人员/硬件条件保障/其他") ReportLine.DeviationCause deviationCause,
            @Schema(description = "说明") String note,
            @Schema(description = "完成度 0–1, final report only, for a row no figure measures; needs a justification", example = "0.8") String completion,
            @Schema(description = "the reason of the completion, shown to the reviewer") String justification) {

        static Line of(ReportLine l) {
            return new Line(l.index(), l.actual(), l.forecast(), l.likelihood(), l.deviationCause(), l.note(),
                    l.completion(), l.justification());
        }

        static Line of(MonitoringLine l) {
            return new Line(l.index(), l.actual(), l.forecast(),
                    l.likelihood() == null ? null : ReportLine.Likelihood.valueOf(l.likelihood()),
                    l.deviationCause() == null ? null : ReportLine.DeviationCause.valueOf(l.deviationCause()),
                    l.note(), l.completion(), l.justification());
        }

        MonitoringInput.Line toInput() {
            return new MonitoringInput.Line(index, actual, forecast, likelihood, deviationCause, note, completion,
                    justification);
        }
    }

    public record Comment(int reportRevision, String field, Integer indicatorIndex, String indicatorName, String text,
            String author, OffsetDateTime createdAt) {
    }

    /** The request body of POST and PUT. */
    @Schema(name = "MonitoringReportRequest")
    public record Request(
            @Schema(description = "监控期间 YYYY-MM of the project's budget year; in a PUT it may be left out", example = "2025-07") String period,
            @Schema(description = "截止日期 YYYY-MM-DD, a day of the period; default: the period's last day", example = "2025-07-31") String asOf,
            @Schema(description = "执行金额 (元), 0 or more, at most two decimals; required to submit", example = "3000000.00") String spent,
            @JsonProperty("final") @Schema(description = "true exactly for the year-end self-evaluation (period YYYY-12); default: follows the period") Boolean finalReport,
            List<Line> indicators,
            @Schema(description = "纠偏措施") String measures) {

        MonitoringInput toInput() {
            return new MonitoringInput(period, asOf, spent, finalReport,
                    indicators == null ? null : indicators.stream().map(l -> l == null ? null : l.toInput()).toList(),
                    measures);
        }
    }

    /** A frozen submission. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MonitoringReportRevision")
    public record Revision(int reportRevision, int approvedRevision, String period, LocalDate asOf, String spent,
            @JsonProperty("final") boolean finalReport, List<Line> indicators, String measures, String submittedBy,
            OffsetDateTime submittedAt,
            @Schema(description = "ACKNOWLEDGED or RETURNED once the bureau answered this revision") MonitoringStatus outcome,
            String reviewedBy, OffsetDateTime reviewedAt) {

        static Revision of(MonitoringService.SubmittedRevision s) {
            MonitoringService.FrozenReport f = s.report();
            return new Revision(f.reportRevision(), f.approvedRevision(), f.period(), f.asOf(), f.spent(), f.finalReport(),
                    f.indicators().stream().map(Line::of).toList(), f.measures(), f.submittedBy(), f.submittedAt(),
                    s.revision().outcome(), s.revision().reviewedBy(), s.revision().reviewedAt());
        }
    }

    /** The list form: where the report stands, without its lines. */
    public static MonitoringView summary(MonitoringReport r) {
        return new MonitoringView(r.projectId(), r.period(), r.status(), r.finalReport(), r.asOf(), money(r),
                null, null, r.approvedRevision(), r.reportRevision(), r.version(), null, r.createdBy(), r.createdAt(),
                r.updatedBy(), r.updatedAt(), r.submittedBy(), r.submittedAt(), r.reviewedBy(), r.reviewedAt());
    }

    public static MonitoringView of(MonitoringService.MonitoringDetails d) {
        MonitoringReport r = d.report();
        return new MonitoringView(r.projectId(), r.period(), r.status(), r.finalReport(), r.asOf(), money(r),
                d.lines().stream().map(Line::of).toList(), r.measures(), r.approvedRevision(), r.reportRevision(),
                r.version(), d.comments().stream().map(c -> new Comment(c.reportRevision(), c.field(), c.indicatorIndex(),
                        c.indicatorName(), c.text(), c.author(), c.createdAt())).toList(),
                r.createdBy(), r.createdAt(), r.updatedBy(), r.updatedAt(), r.submittedBy(), r.submittedAt(),
                r.reviewedBy(), r.reviewedAt());
    }

    private static String money(MonitoringReport r) {
        return r.spent() == null ? null : r.spent().setScale(2).toPlainString();
    }
}
