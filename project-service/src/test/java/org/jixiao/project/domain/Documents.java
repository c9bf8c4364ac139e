package org.jixiao.project.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.contract.ProjectDocument.IndicatorRow;

/** Small interchange documents for the rule tests, complete unless a test takes something away. */
final class Documents {
    private Documents() {
    }

    static IndicatorRow row(String level1, String level2, String name) {
        return new IndicatorRow(level1, level2, name, "≥62所", "计划标准", null);
    }

    static List<IndicatorRow> rows(int n) {
        List<IndicatorRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(row("产出指标", "数量指标", "指标" + i));
        }
        return rows;
    }

    static ProjectDocument complete() {
        return new Builder().build();
    }

    static Builder builder() {
        return new Builder();
    }

    static String repeat(String s, int times) {
        return String.join("", Collections.nCopies(times, s));
    }

    static final class Builder {
        String externalRef = "JC-CQ-2025-001";
        Integer budgetYear = 2025;
        String name = "义务教育免费教科书";
        String departmentCode = "034";
        String departmentName = "重庆市教育委员会";
        String budgetUnitCode = "034001";
        String budgetUnitName = "重庆市教育委员会本级";
        String attribute = "延续项目";
        String overview = "为义务教育阶段学生免费提供国家课程教科书。";
        String basis = "《国务院关于深化农村义务教育经费保障机制改革的通知》";
        String necessity = null;
        String safeguards = null;
        String implementationPlan = null;
        String annualGoal = "按时足额发放教科书。";
        String implementingUnit = "重庆市教育委员会";
        String funding = "4515600";
        List<IndicatorRow> indicators = List.of(row("产出指标", "数量指标", "发放教材数量"),
                row("效益指标", "社会效益指标", "减轻家庭负担"));

        Builder externalRef(String v) {
            externalRef = v;
            return this;
        }

        Builder budgetYear(Integer v) {
            budgetYear = v;
            return this;
        }

        Builder name(String v) {
            name = v;
            return this;
        }

        Builder departmentCode(String v) {
            departmentCode = v;
            return this;
        }

        Builder departmentName(String v) {
            departmentName = v;
            return this;
        }

        Builder budgetUnitCode(String v) {
            budgetUnitCode = v;
            return this;
        }

        Builder attribute(String v) {
            attribute = v;
            return this;
        }

        Builder overview(String v) {
            overview = v;
            return this;
        }

        Builder annualGoal(String v) {
            annualGoal = v;
            return this;
        }

        Builder implementingUnit(String v) {
            implementingUnit = v;
            return this;
        }

        Builder funding(String v) {
            funding = v;
            return this;
        }

        Builder indicators(List<IndicatorRow> v) {
            indicators = v;
            return this;
        }

        /** Only what a draft needs: year, name and department. */
        Builder draftOnly() {
            externalRef = null;
            departmentName = null;
            budgetUnitCode = null;
            budgetUnitName = null;
            attribute = null;
            overview = null;
            basis = null;
            annualGoal = null;
            implementingUnit = null;
            funding = null;
            indicators = null;
            return this;
        }

        ProjectDocument build() {
            return new ProjectDocument(externalRef, budgetYear, name, departmentCode, departmentName, budgetUnitCode,
                    budgetUnitName, attribute, overview, basis, necessity, safeguards, implementationPlan, annualGoal,
                    implementingUnit, funding, indicators);
        }
    }
}
