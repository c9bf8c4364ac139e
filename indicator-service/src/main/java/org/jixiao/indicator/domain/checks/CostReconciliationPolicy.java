package org.jixiao.indicator.domain.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jixiao.common.contract.Framework;
import org.jixiao.indicator.domain.FrameworkVariants;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.indicator.domain.checks.CostFigures.Count;
import org.jixiao.indicator.domain.checks.CostFigures.Printed;
import org.jixiao.indicator.domain.checks.CostFigures.Rate;
import org.jixiao.indicator.domain.checks.TargetPolicies.Row;

/**
 * 成本测算核对: pairs each per-unit standard (成本指标: 740元/人/月, 每家…20万元) with the counts it applies to
 * (数量指标: ≥1600人) — by unit alone when there is nothing to choose between, otherwise by the qualifier
 * both rows name (城市低保标准 ↔ 城市低保补助人数) — multiplies (× 12 for a monthly rate), sums the bands and
 * compares the sum with the funding. A rate that cannot be paired honestly is left out rather than guessed;
 * only when the pairs claim to cover the whole funding and do not is it a WARNING.
 */
public final class CostReconciliationPolicy implements CheckPolicy {
    /** When a figure is printed with 约, a reviewer accepts this share of the funding as rounding. */
    static final BigDecimal APPROXIMATE_SHARE = new BigDecimal("0.05");

    record Pair(Rate rate, List<Count> counts, BigDecimal product) {
        String term() {
            BigDecimal quantity = counts.stream().map(Count::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            String unit = counts.get(0).unit();
            String q = counts.size() == 1 ? CostFigures.plain(quantity) + unit
                    : "(" + String.join("+", counts.stream().map(c -> CostFigures.plain(c.value())).toList()) + ")" + unit;
            return q + " × " + CostFigures.plain(rate.amount()) + rate.unit()
                    + (rate.periods() > 1 ? " × " + rate.periods() : "") + " = " + CostFigures.plain(product) + "元";
        }
    }

    @Override
    public List<Finding> check(ProjectDocument project, FrameworkVariants framework) {
        BigDecimal funding = TargetPolicies.funding(project);
        if (funding == null) {
            return List.of();
        }
        List<Row> rows = TargetPolicies.rows(project, framework);
        List<Rate> rates = new ArrayList<>();
        List<Count> counts = new ArrayList<>();
        for (Row r : rows) {
            if (r.cost()) {
                CostFigures.rate(r).ifPresent(rates::add);
            } else {
                CostFigures.count(r).ifPresent(counts::add);
            }
        }
        List<Pair> pairs = pair(rates, counts);
        if (pairs.isEmpty()) {
            return List.of();
        }
        BigDecimal total = pairs.stream().map(Pair::product).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> terms = pairs.stream().map(Pair::term).toList();
        String arithmetic = String.join(" + ", terms) + (terms.size() > 1 ? "，合计" + CostFigures.plain(total) + "元" : "");
        String fundingText = "项目资金" + CostFigures.plain(funding) + "元";
        BigDecimal diff = funding.subtract(total);
        if (diff.signum() == 0) {
            return List.of(Findings.info("COST_RECONCILED", null,
                    "成本测算与项目资金一致：" + arithmetic + " = " + fundingText,
                    "costs reconcile with the funding: " + arithmetic + " = funding " + CostFigures.plain(funding) + "元"));
        }
        String overview = project.overview();
        BigDecimal precision = CostFigures.precisionOfFunding(funding, overview);
        boolean approximate = pairs.stream().anyMatch(p -> p.rate().approximate() || p.counts().stream().anyMatch(Count::approximate));
        BigDecimal tolerance = approximate ? precision.max(funding.multiply(APPROXIMATE_SHARE)) : precision;
        String diffText = CostFigures.plain(diff.abs()) + "元";
        if (diff.abs().compareTo(tolerance) <= 0) {
            String why = approximate ? "测算中有约数" : "资金按" + CostFigures.plain(precision) + "元的精度列示";
            String whyEn = approximate ? "a figure is approximate" : "the funding is printed to " + CostFigures.plain(precision) + "元";
            return List.of(Findings.info("COST_APPROX", null,
                    "成本测算与项目资金基本一致：" + arithmetic + "，" + fundingText + "，相差" + diffText + "（" + why + "）",
                    "costs agree with the funding within its precision: " + arithmetic + " against funding "
                            + CostFigures.plain(funding) + "元, difference " + diffText + " (" + whyEn + ")"));
        }
        if (diff.signum() > 0) {
            List<String> reasons = new ArrayList<>();
            List<String> reasonsEn = new ArrayList<>();
            Optional<List<Printed>> named = CostFigures.namedInOverview(overview, diff, funding);
            named.ifPresent(list -> {
                String amounts = String.join("+", list.stream().map(Printed::text).toList());
                reasons.add("概述另列" + amounts);
                reasonsEn.add("the overview names " + amounts);
            });
            List<Row> unpaired = rows.stream().filter(r -> r.cost() && CostFigures.money(r)
                    && pairs.stream().noneMatch(p -> p.rate().row().index() == r.index())).toList();
            if (!unpaired.isEmpty()) {
                String names = String.join("、", unpaired.stream().map(r -> r.row().name()).toList());
                reasons.add("另有成本指标" + names);
                reasonsEn.add("other cost rows: " + names);
            }
            if (pairs.stream().flatMap(p -> p.counts().stream()).anyMatch(Count::lowerBound)) {
                reasons.add("数量为下限");
                reasonsEn.add("the counts are lower bounds");
            }
            if (!reasons.isEmpty()) {
                return List.of(Findings.info("COST_PARTIAL", null,
                        "成本测算" + arithmetic + "，说明" + fundingText + "中的" + CostFigures.plain(total) + "元，其余"
                                + diffText + "（" + String.join("；", reasons) + "）",
                        "costs " + arithmetic + " explain " + CostFigures.plain(total) + "元 of funding "
                                + CostFigures.plain(funding) + "元; the remaining " + diffText + ": " + String.join("; ", reasonsEn)));
            }
        }
        return List.of(Findings.warning("COST_GAP", null,
                "成本测算" + arithmetic + "，" + fundingText + "，差额" + CostFigures.plain(diff) + "元",
                "costs " + arithmetic + " against funding " + CostFigures.plain(funding) + "元: gap " + CostFigures.plain(diff) + "元"));
    }

    /**
     * Each count goes to the one rate it can honestly belong to: the only compatible rate when it is also
     * the only compatible count, else the rate whose name shares the longest qualifier with the count's
     * (at least two characters, and no tie).
     */
    static List<Pair> pair(List<Rate> rates, List<Count> counts) {
        Map<Rate, List<Count>> assigned = new LinkedHashMap<>();
        for (Count c : counts) {
            List<Rate> candidates = rates.stream().filter(r -> CostFigures.compatible(r, c)).toList();
            if (candidates.isEmpty()) {
                continue;
            }
            Rate chosen = null;
            if (candidates.size() == 1 && counts.stream().filter(o -> CostFigures.compatible(candidates.get(0), o)).count() == 1) {
                chosen = candidates.get(0);
            } else {
                int best = 1;
                boolean tie = false;
                for (Rate r : candidates) {
                    int score = CostFigures.sharedQualifier(r.row().row().name(), c.row().row().name());
                    if (score > best) {
                        best = score;
                        chosen = r;
                        tie = false;
                    } else if (score == best && chosen != null) {
                        tie = true;
                    }
                }
                if (tie) {
                    // 一肩挑人数 shares 一肩挑 with 非一肩挑月工资 too: the rate that names exactly the same group wins
                    int top = best;
                    String own = CostFigures.qualifier(c.row().row().name());
                    List<Rate> same = candidates.stream()
                            .filter(r -> CostFigures.sharedQualifier(r.row().row().name(), c.row().row().name()) == top
                                    && CostFigures.qualifier(r.row().row().name()).equals(own))
                            .toList();
                    chosen = same.size() == 1 ? same.get(0) : null;
                }
            }
            if (chosen != null) {
                assigned.computeIfAbsent(chosen, k -> new ArrayList<>()).add(CostFigures.inUnitOf(chosen, c));
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (Rate r : rates) {
            List<Count> cs = assigned.get(r);
            if (cs != null) {
                BigDecimal quantity = cs.stream().map(Count::value).reduce(BigDecimal.ZERO, BigDecimal::add);
                // to the fen: a count converted from 亩 carries four decimals
                BigDecimal product = quantity.multiply(r.amount()).multiply(BigDecimal.valueOf(r.periods()))
                        .setScale(2, java.math.RoundingMode.HALF_UP);
                pairs.add(new Pair(r, cs, product));
            }
        }
        return pairs;
    }
}
