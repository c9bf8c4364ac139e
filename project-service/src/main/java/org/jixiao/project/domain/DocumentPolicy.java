package org.jixiao.project.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Violation;

/**
 * The rules of the interchange contract (project.schema.json) for one project document. A draft only
 * has to be well-formed ({@link #checkDraft}); a submission must also be complete
 * ({@link #checkSubmission}), and gets every problem at once.
 */
public final class DocumentPolicy {
    private static final Pattern DEPARTMENT_CODE = Pattern.compile("[0-9]{3}");
    private static final Pattern BUDGET_UNIT_CODE = Pattern.compile("[0-9]{6}");
    private static final Pattern FUNDING = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,2})?");
    private static final int LONG_TEXT = 20_000;

    private DocumentPolicy() {
    }

    public static List<Violation> checkDraft(ProjectDocument d) {
        List<Violation> v = new ArrayList<>();
        if (d.budgetYear() == null) {
            v.add(new Violation("/budgetYear", "预算年度 budgetYear is required"));
        } else if (d.budgetYear() < 2000 || d.budgetYear() > 2100) {
            v.add(new Violation("/budgetYear", "budgetYear must be between 2000 and 2100"));
        }
        requireText(v, "/name", d.name(), 200, "项目名称 name");
        if (d.departmentCode() == null) {
            v.add(new Violation("/departmentCode", "主管部门代码 departmentCode is required"));
        } else if (!DEPARTMENT_CODE.matcher(d.departmentCode()).matches()) {
            v.add(new Violation("/departmentCode", "departmentCode must be three digits, e.g. 034"));
        }
        maxLength(v, "/externalRef", d.externalRef(), 64);
        if (d.externalRef() != null && d.externalRef().isEmpty()) {
            v.add(new Violation("/externalRef", "externalRef must not be empty when given"));
        }
        maxLength(v, "/departmentName", d.departmentName(), 100);
        if (d.budgetUnitCode() != null && !BUDGET_UNIT_CODE.matcher(d.budgetUnitCode()).matches()) {
            v.add(new Violation("/budgetUnitCode", "预算单位代码 budgetUnitCode must be six digits, e.g. 034001"));
        }
        maxLength(v, "/budgetUnitName", d.budgetUnitName(), 100);
        maxLength(v, "/attribute", d.attribute(), 50);
        maxLength(v, "/overview", d.overview(), LONG_TEXT);
        maxLength(v, "/basis", d.basis(), LONG_TEXT);
        maxLength(v, "/necessity", d.necessity(), LONG_TEXT);
        maxLength(v, "/safeguards", d.safeguards(), LONG_TEXT);
        maxLength(v, "/implementationPlan", d.implementationPlan(), LONG_TEXT);
        maxLength(v, "/annualGoal", d.annualGoal(), LONG_TEXT);
        maxLength(v, "/implementingUnit", d.implementingUnit(), 100);
        if (d.funding() != null) {
            if (!FUNDING.matcher(d.funding()).matches()) {
                v.add(new Violation("/funding",
                        "项目资金 funding must be yuan as a decimal string with at most two decimals, e.g. \"5831922.19\""));
            } else if (new java.math.BigDecimal(d.funding()).signum() <= 0) {
                v.add(new Violation("/funding", "项目资金 funding must be positive"));
            }
        }
        if (d.indicators() != null) {
            if (d.indicators().size() > 200) {
                v.add(new Violation("/indicators", "at most 200 indicator rows"));
            }
            for (int i = 0; i < d.indicators().size(); i++) {
                ProjectDocument.IndicatorRow r = d.indicators().get(i);
                String at = "/indicators/" + i;
                if (r == null) {
                    v.add(new Violation(at, "indicator row must be an object"));
                    continue;
                }
                requireText(v, at + "/level1", r.level1(), 20, "一级指标 level1");
                requireText(v, at + "/level2", r.level2(), 30, "二级指标 level2");
                requireText(v, at + "/name", r.name(), 200, "三级指标 name");
                requireText(v, at + "/target", r.target(), 2000, "指标值 target");
                maxLength(v, at + "/valueBasis", r.valueBasis(), 20);
                maxLength(v, at + "/note", r.note(), 2000);
            }
        }
        return v;
    }

    public static List<Violation> checkSubmission(ProjectDocument d) {
        List<Violation> v = checkDraft(d);
        requireText(v, "/departmentName", d.departmentName(), 100, "主管部门名称 departmentName");
        requireText(v, "/attribute", d.attribute(), 50, "项目属性 attribute");
        requireText(v, "/overview", d.overview(), LONG_TEXT, "项目概况 overview");
        requireText(v, "/annualGoal", d.annualGoal(), LONG_TEXT, "年度目标 annualGoal");
        if (d.funding() == null) {
            v.add(new Violation("/funding", "项目资金 funding is required"));
        }
        if (d.indicators() == null || d.indicators().isEmpty()) {
            v.add(new Violation("/indicators", "at least one 绩效指标 indicator row is required"));
        }
        return v.stream().distinct().toList();
    }

    /** What the interchange contract requires of every imported document. */
    public static List<Violation> checkInterchange(ProjectDocument d) {
        List<Violation> v = checkDraft(d);
        requireText(v, "/departmentName", d.departmentName(), 100, "主管部门名称 departmentName");
        requireText(v, "/attribute", d.attribute(), 50, "项目属性 attribute");
        if (d.funding() == null) {
            v.add(new Violation("/funding", "项目资金 funding is required"));
        }
        if (d.indicators() == null || d.indicators().isEmpty()) {
            v.add(new Violation("/indicators", "at least one 绩效指标 indicator row is required"));
        }
        if (d.externalRef() == null) {
            v.add(new Violation("/externalRef", "an imported document needs its externalRef (the idempotency key)"));
        }
        return v.stream().distinct().toList();
    }

    private static void requireText(List<Violation> v, String pointer, String value, int max, String label) {
        if (value == null || value.isBlank()) {
            v.add(new Violation(pointer, label + " is required"));
        } else {
            maxLength(v, pointer, value, max);
        }
    }

    private static void maxLength(List<Violation> v, String pointer, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            v.add(new Violation(pointer, "at most " + max + " characters"));
        }
    }
}
