package org.jixiao.common.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * One project's 项目支出绩效目标表 as the interchange contract spells it
 * (project.schema.json, copied under common/src/main/resources/contracts). The same shape travels in
 * events as the project snapshot, so consumers never call project-service back.
 *
 * <p>Unknown fields: REST requests reject them (400), imports and event consumers read tolerantly
 * (their mappers are configured so), since the platform and newer producers may add fields.
 *
 * <p>Funding stays a string: the platform sends it "as printed" ("42726082", "5831922.19") and expects
 * the same string back on export; services turn it into a BigDecimal at their edge.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectDocument(
        String externalRef,
        Integer budgetYear,
        String name,
        String departmentCode,
        String departmentName,
        String budgetUnitCode,
        String budgetUnitName,
        String attribute,
        String overview,
        String basis,
        String necessity,
        String safeguards,
        String implementationPlan,
        String annualGoal,
        String implementingUnit,
        String funding,
        @JsonDeserialize(using = IndicatorRowsDeserializer.class) List<IndicatorRow> indicators) {

    /** One 三级指标 row in printed order. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
        public record IndicatorRow(
            String level1,
            String level2,
            String name,
            String target,
            /** 取值依据: 计划标准 / 行业标准 / 历史标准 / 其他 (optional). */
            String valueBasis,
            String note) {
    }
}
