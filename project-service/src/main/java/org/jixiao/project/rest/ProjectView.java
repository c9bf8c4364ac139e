package org.jixiao.project.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Violation;
import org.jixiao.project.domain.Project;
import org.jixiao.project.domain.ProjectSummary;
import org.jixiao.project.domain.ProjectStatus;
import org.jixiao.project.service.ProjectDetails;

/** A project as the front ends read it: the 项目支出绩效目标表 plus its place in the review cycle. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Project")
public record ProjectView(
        UUID id,
        String externalRef,
        ProjectStatus status,
        @Schema(description = "content revision; a submission freezes it") int revision,
        Integer approvedRevision,
        @Schema(description = "批复文号 of the last approval") String approvalNumber,
        @Schema(description = "调整原因 while an amendment is in progress") String amendmentReason,
        @Schema(description = "optimistic-lock version, also the ETag") long version,
        Integer budgetYear,
        @Schema(description = "项目名称") String name,
        @Schema(description = "主管部门代码") String departmentCode,
        @Schema(description = "主管部门名称") String departmentName,
        @Schema(description = "预算单位代码") String budgetUnitCode,
        @Schema(description = "预算单位名称") String budgetUnitName,
        @Schema(description = "项目属性") String attribute,
        @Schema(description = "项目概况") String overview,
        @Schema(description = "立项依据") String basis,
        @Schema(description = "项目设立必要性") String necessity,
        @Schema(description = "保证项目实施的制度、措施") String safeguards,
        @Schema(description = "项目实施计划") String implementationPlan,
        @Schema(description = "年度目标") String annualGoal,
        @Schema(description = "实施单位") String implementingUnit,
        @Schema(description = "项目资金（元）, decimal string", example = "5831922.19") String funding,
        List<ProjectDocument.IndicatorRow> indicators,
        @Schema(description = "退回意见 of the returns so far") List<Comment> reviewComments,
        @Schema(description = "things to look at that do not block saving, e.g. a 三级指标 used twice") List<Violation> warnings,
        String createdBy,
        OffsetDateTime createdAt,
        String updatedBy,
        OffsetDateTime updatedAt) {

    public record Comment(int revision, String stage, String field, Integer indicatorIndex, String indicatorName,
            String text, String author, OffsetDateTime createdAt) {
    }

    /** The list form: status and key figures, without the long texts and the indicator rows. */
    public static ProjectView summary(ProjectSummary p) {
        return new ProjectView(p.id(), p.externalRef(), p.status(), p.revision(), p.approvedRevision(),
                p.approvalNumber(), p.amendmentReason(), p.version(), p.budgetYear(), p.name(), p.departmentCode(), p.departmentName(),
                p.budgetUnitCode(), p.budgetUnitName(), p.attribute(), null, null, null, null, null, null, null,
                p.funding() == null ? null : p.funding().toPlainString(), null, null, null, p.createdBy(), p.createdAt(),
                p.updatedBy(), p.updatedAt());
    }

    private static <T> List<T> emptyToNull(List<T> list) {
        return list.isEmpty() ? null : list;
    }

    public static ProjectView of(ProjectDetails details) {
        Project p = details.project();
        ProjectDocument d = details.document();
        return new ProjectView(p.id(), d.externalRef(), p.status(), p.revision(), p.approvedRevision(),
                p.approvalNumber(), p.amendmentReason(), p.version(), d.budgetYear(), d.name(), d.departmentCode(), d.departmentName(),
                d.budgetUnitCode(), d.budgetUnitName(), d.attribute(), d.overview(), d.basis(), d.necessity(),
                d.safeguards(), d.implementationPlan(), d.annualGoal(), d.implementingUnit(), d.funding(),
                d.indicators(),
                details.reviewComments().stream().map(c -> new Comment(c.revision(), c.stage(), c.field(),
                        c.indicatorIndex(), c.indicatorName(), c.text(), c.author(), c.createdAt())).toList(),
                emptyToNull(details.warnings()),
                p.createdBy(), p.createdAt(), p.updatedBy(), p.updatedAt());
    }
}
