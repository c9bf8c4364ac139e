package org.jixiao.indicator.domain.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jixiao.common.contract.Framework;
import org.jixiao.indicator.domain.FrameworkVariants;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.indicator.domain.target.TargetMeaning;
import org.jixiao.indicator.domain.target.TargetMeaning.Kind;
import org.jixiao.indicator.domain.target.TargetMeaning.Operator;
import org.jixiao.indicator.domain.target.TargetParser;

/** Checks that read the meaning of each 指标值 (see TargetParser). */
final class TargetPolicies {
    private static final TargetParser PARSER = new TargetParser();

    private TargetPolicies() {
    }

    /** A row with its framework node and parsed target. */
    record Row(int index, ProjectDocument.IndicatorRow row, Framework.Node node, TargetMeaning meaning) {
        boolean under(String level1) {
            return node != null && node.level1().equals(level1);
        }

        boolean at(String level2) {
            return node != null && node.level2().equals(level2);
        }

        boolean cost() {
            return at("成本指标") || under("成本指标");
        }

        /** 满意度 is level 1 in most frameworks and a node of 效益指标 in 2015–2020's. */
        boolean satisfaction() {
            return under("满意度指标") || (node != null && node.level2().contains("满意度"));
        }
    }

    static List<Row> rows(ProjectDocument project, FrameworkVariants framework) {
        List<Row> rows = new ArrayList<>();
        if (project.indicators() == null) {
            return rows;
        }
        for (int i = 0; i < project.indicators().size(); i++) {
            ProjectDocument.IndicatorRow r = project.indicators().get(i);
            rows.add(new Row(i, r, framework.resolve(r.level1(), r.level2()).orElse(null),
                    PARSER.parse(r.target(), project.budgetYear())));
        }
        return rows;
    }

    static BigDecimal funding(ProjectDocument project) {
        try {
            return project.funding() == null ? null : new BigDecimal(project.funding());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String yuan(BigDecimal amount) {
        return String.format("%,.2f元", amount);
    }

    /** A number is expected for outputs counted, measured or costed: 提升 there cannot be checked. */
    static final class Measurability implements CheckPolicy {
        @Override
        public List<Finding> check(ProjectDocument project, FrameworkVariants framework) {
            List<Finding> findings = new ArrayList<>();
            List<Row> rows = rows(project, framework);
            for (Row r : rows) {
                boolean numberExpected = r.at("数量指标") || r.at("质量指标") || r.cost();
                // a grade (合格, 优良) is verified at acceptance: it is measurable in its own way
                boolean unmeasurable = (r.meaning().kind() == Kind.QUALITATIVE && r.meaning().grade() == null)
                        || r.meaning().kind() == Kind.DESCRIPTIVE;
                if (numberExpected && unmeasurable) {
                    findings.add(Findings.warning("UNMEASURABLE_TARGET", r.index(),
                            "第" + (r.index() + 1) + "行「" + r.row().name() + "」的指标值「" + r.row().target() + "」无法量化，应填写数值",
                            "row " + r.index() + " (" + r.row().name() + "): target '" + r.row().target()
                                    + "' cannot be measured where a number is expected"));
                }
            }
            long quantified = rows.stream().filter(r -> r.meaning().quantified()).count();
            if (!rows.isEmpty()) {
                long percent = Math.round(100.0 * quantified / rows.size());
                findings.add(Findings.info("QUANTIFIED_SHARE", null,
                        "量化指标" + quantified + "个，共" + rows.size() + "个，占" + percent + "%",
                        quantified + " of " + rows.size() + " targets are quantified (" + percent + "%)"));
            }
            return findings;
        }
    }

    /** 服务对象满意度 below 80% is too low a target to approve without a word. */
    static final class Satisfaction implements CheckPolicy {
        static final BigDecimal FLOOR = new BigDecimal("80");

        @Override
        public List<Finding> check(ProjectDocument project, FrameworkVariants framework) {
            List<Finding> findings = new ArrayList<>();
            for (Row r : rows(project, framework)) {
                TargetMeaning m = r.meaning();
                if (r.satisfaction() && m.kind() == Kind.QUANTITATIVE && m.absolute() && "%".equals(m.unit())
                        && new BigDecimal(m.value()).compareTo(FLOOR) < 0) {
                    findings.add(Findings.warning("SATISFACTION_BELOW_80", r.index(),
                            "第" + (r.index() + 1) + "行满意度目标" + r.row().target() + "低于80%",
                            "row " + r.index() + ": satisfaction target " + r.row().target() + " is below 80%"));
                }
            }
            return findings;
        }
    }

    /** A deadline belongs in the budget year it is declared for. */
    static final class DeadlineInYear implements CheckPolicy {
        @Override
        public List<Finding> check(ProjectDocument project, FrameworkVariants framework) {
            List<Finding> findings = new ArrayList<>();
            for (Row r : rows(project, framework)) {
                var deadline = r.meaning().deadline();
                if (deadline != null && project.budgetYear() != null && deadline.getYear() != project.budgetYear()) {
                    findings.add(Findings.warning("DEADLINE_OUTSIDE_BUDGET_YEAR", r.index(),
                            "第" + (r.index() + 1) + "行期限" + deadline + "不在" + project.budgetYear() + "预算年度内",
                            "row " + r.index() + ": deadline " + deadline + " lies outside budget year " + project.budgetYear()));
                }
            }
            return findings;
        }
    }

    /**
     * A 成本 cap should mean what it says. The only cost row of a table caps the whole funding (≤2502万元);
     * one of several cost rows, or a cap per item (≤5000元/个, 单价, 每个点) caps one component, and the
     * components' caps (× their count when per item) together may not exceed the funding. Both
     * comparisons allow for the rounding the figures were printed with.
     */
    static final class CostCap implements CheckPolicy {
        private static final java.util.regex.Pattern PER_ITEM = java.util.regex.Pattern.compile("^每|单价|单个|每个|每处|每点|每台|每套|每家|每人|/个|/人");

        @Override
        public List<Finding> check(ProjectDocument project, FrameworkVariants framework) {
            List<Finding> findings = new ArrayList<>();
            BigDecimal funding = funding(project);
            if (funding == null) {
                return findings;
            }
            List<Row> rows = rows(project, framework);
            List<Row> costRows = rows.stream().filter(r -> r.cost() && CostFigures.money(r)).toList();
            List<Row> caps = costRows.stream().filter(CostCap::isCap).toList();
            BigDecimal fundingPrecision = CostFigures.precisionOfFunding(funding, project.overview());
            if (caps.size() == 1 && costRows.size() == 1 && !perItem(caps.get(0))) {
                Row r = caps.get(0);
                BigDecimal cap = new BigDecimal(r.meaning().value());
                BigDecimal step = CostFigures.firstNumber(r.row().target()).map(CostFigures.Printed::step).orElse(BigDecimal.ONE)
                        .max(fundingPrecision);
                String both = "成本上限" + yuan(cap) + "，项目资金" + yuan(funding);
                String bothEn = "cost cap " + yuan(cap) + ", funding " + yuan(funding);
                int cmp = cap.subtract(funding).abs().compareTo(step) < 0 ? 0 : cap.compareTo(funding);
                if (cmp == 0) {
                    findings.add(Findings.info("COST_CAP_MATCHES_FUNDING", r.index(), both + "，一致", bothEn + ": equal"));
                } else {
                    findings.add(Findings.warning(cmp < 0 ? "COST_CAP_BELOW_FUNDING" : "COST_CAP_ABOVE_FUNDING", r.index(),
                            "第" + (r.index() + 1) + "行" + both + (cmp < 0 ? "，上限低于资金" : "，上限高于资金"),
                            "row " + r.index() + ": " + bothEn + (cmp < 0 ? " (cap below funding)" : " (cap above funding)")));
                }
                return findings;
            }
            // component caps: only their sum can be held against the funding
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal step = fundingPrecision;
            List<String> terms = new ArrayList<>();
            List<CostFigures.Count> counts = rows.stream().map(CostFigures::count).flatMap(java.util.Optional::stream).toList();
            for (Row r : caps) {
                BigDecimal cap = new BigDecimal(r.meaning().value());
                if (r.meaning().unit().contains("/")) {
                    java.util.Optional<CostFigures.Rate> rate = CostFigures.rate(withOperator(r));
                    List<CostReconciliationPolicy.Pair> pairs = rate.map(rt -> CostReconciliationPolicy.pair(List.of(rt), counts))
                            .orElse(List.of());
                    if (pairs.isEmpty()) {
                        continue;
                    }
                    sum = sum.add(pairs.get(0).product());
                    terms.add(pairs.get(0).term());
                } else if (perItem(r)) {
                    continue;
                } else {
                    sum = sum.add(cap);
                    terms.add(r.row().name() + "≤" + CostFigures.plain(cap) + "元");
                }
                step = step.max(CostFigures.firstNumber(r.row().target()).map(CostFigures.Printed::step).orElse(BigDecimal.ONE));
            }
            if (!terms.isEmpty() && sum.subtract(funding).compareTo(step) >= 0) {
                String t = String.join(" + ", terms);
                findings.add(Findings.warning("COST_CAP_ABOVE_FUNDING", null,
                        "各项成本上限合计" + yuan(sum) + "（" + t + "），超过项目资金" + yuan(funding),
                        "the component caps add up to " + yuan(sum) + " (" + t + "), above the funding " + yuan(funding)));
            }
            return findings;
        }

        private static boolean isCap(Row r) {
            TargetMeaning m = r.meaning();
            return m.kind() == Kind.QUANTITATIVE && m.absolute() && m.values() == null && m.unit() != null
                    && m.unit().startsWith("元") && (m.operator() == Operator.LE || m.operator() == Operator.LT);
        }

        private static boolean perItem(Row r) {
            String name = r.row().name() == null ? "" : r.row().name();
            return PER_ITEM.matcher(name).find() || r.meaning().unit().contains("/");
        }

        /** The cap read as the rate it bounds, so that it pairs with its count like any standard. */
        private static Row withOperator(Row r) {
            TargetMeaning m = r.meaning();
            TargetMeaning asRate = new TargetMeaning(m.text(), m.kind(), Operator.EQ, m.value(), m.upperValue(), m.unit(),
                    m.values(), m.deadline(), m.frequency(), m.months(), m.dayOfMonth(), m.period(), m.timely(),
                    m.direction(), m.relativeTo(), m.grade(), m.tiers());
            return new Row(r.index(), r.row(), r.node(), asRate);
        }
    }
}
