package org.jixiao.indicator.domain.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jixiao.common.contract.Framework;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.indicator.domain.checks.TargetPolicies.Row;
import org.jixiao.indicator.domain.target.TargetMeaning;
import org.jixiao.indicator.domain.target.TargetMeaning.Kind;
import org.jixiao.indicator.domain.target.TargetMeaning.Operator;

/**
 * 成本测算核对: pairs the counted outputs (数量指标: 2900人, 5家) with the per-unit cost standards
 * (成本指标: 109元/人/月, 每家…20万元) by the unit they count, multiplies (× 12 for a monthly rate,
 * × 4 for a quarterly one) and compares the sum with the funding. An entity with several different
 * rates (小学生 720元/生/年 and 初中生 940元/生/年 against one 人 count) cannot be paired by unit alone
 * and is left out rather than guessed.
 */
public final class CostReconciliationPolicy implements CheckPolicy {
    private static final Set<String> TIME_UNITS = Set.of("年", "月", "季度", "季", "天", "日", "周", "学期");

    /** A per-unit cost: {@code amount} 元 per one {@code entity}, {@code periods} times a year. */
    record Rate(BigDecimal amount, String entity, int periods, String unit) {
    }

    record Count(BigDecimal value, String entity) {
    }

    @Override
    public List<Finding> check(ProjectDocument project, Framework framework) {
        BigDecimal funding = TargetPolicies.funding(project);
        if (funding == null) {
            return List.of();
        }
        List<Rate> rates = new ArrayList<>();
        List<Count> counts = new ArrayList<>();
        for (Row r : TargetPolicies.rows(project, framework)) {
            TargetMeaning m = r.meaning();
            if (m.kind() != Kind.QUANTITATIVE || m.values() != null || m.operator() == Operator.RANGE
                    || m.operator() == Operator.LE || m.operator() == Operator.LT || m.unit() == null) {
                continue;
            }
            if (r.cost()) {
                rate(r, m).ifPresent(rates::add);
            } else if (r.at("数量指标") && !m.unit().contains("/") && !m.unit().equals("%")) {
                counts.add(new Count(new BigDecimal(m.value()), entity(m.unit())));
            }
        }
        Map<String, List<Rate>> ratesByEntity = new LinkedHashMap<>();
        rates.forEach(rt -> ratesByEntity.computeIfAbsent(rt.entity(), e -> new ArrayList<>()).add(rt));
        BigDecimal total = BigDecimal.ZERO;
        List<String> terms = new ArrayList<>();
        for (Map.Entry<String, List<Rate>> e : ratesByEntity.entrySet()) {
            List<Count> matching = counts.stream().filter(c -> c.entity().equals(e.getKey())).toList();
            if (e.getValue().size() != 1 || matching.isEmpty()) {
                continue;
            }
            Rate rate = e.getValue().get(0);
            BigDecimal quantity = matching.stream().map(Count::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal product = quantity.multiply(rate.amount()).multiply(BigDecimal.valueOf(rate.periods()));
            total = total.add(product);
            String quantityText = matching.size() == 1 ? plain(quantity) + e.getKey()
                    : "(" + String.join("+", matching.stream().map(c -> plain(c.value())).toList()) + ")" + e.getKey();
            terms.add(quantityText + " × " + plain(rate.amount()) + rate.unit()
                    + (rate.periods() > 1 ? " × " + rate.periods() : "") + " = " + plain(product) + "元");
        }
        if (terms.isEmpty()) {
            return List.of();
        }
        String arithmetic = String.join("；", terms) + (terms.size() > 1 ? "；合计 " + plain(total) + "元" : "");
        int cmp = total.compareTo(funding);
        if (cmp == 0) {
            return List.of(Findings.info("COST_RECONCILED", null,
                    "成本测算与项目资金一致：" + arithmetic + " = 项目资金" + plain(funding) + "元",
                    "costs reconcile with the funding: " + arithmetic + " = funding " + plain(funding) + "元"));
        }
        BigDecimal gap = funding.subtract(total);
        return List.of(Findings.warning("COST_GAP", null,
                "成本测算" + arithmetic + "，项目资金" + plain(funding) + "元，差额" + plain(gap) + "元",
                "costs " + arithmetic + " against funding " + plain(funding) + "元: gap " + plain(gap) + "元"));
    }

    /** 109元/人/月 → 109 per 人, 12 a year; 每家…20万元 (entity in the name) → 200000 per 家. */
    private static java.util.Optional<Rate> rate(Row r, TargetMeaning m) {
        String[] parts = m.unit().split("/");
        if (!parts[0].equals("元")) {
            return java.util.Optional.empty();
        }
        String entity = null;
        int periods = 1;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (TIME_UNITS.contains(p)) {
                periods = switch (p) {
                    case "月" -> 12;
                    case "季度", "季" -> 4;
                    case "学期" -> 2;
                    case "周" -> 52;
                    case "天", "日" -> 365;
                    default -> 1;
                };
            } else if (entity == null) {
                entity = entity(p);
            } else {
                return java.util.Optional.empty();
            }
        }
        String unit = m.unit();
        if (entity == null) {
            entity = entityFromName(r.row().name());
            unit = m.unit() + "/" + entity;
        }
        return entity == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Rate(new BigDecimal(m.value()), entity, periods, unit));
    }

    /** 每家首次入规工业企业区级奖励资金 → 家. */
    private static String entityFromName(String name) {
        if (name != null && name.startsWith("每") && name.length() > 1) {
            return entity(name.substring(1, 2));
        }
        return null;
    }

    /** Units that count the same beneficiaries: 名 and 生 are 人 here. */
    private static String entity(String unit) {
        return switch (unit) {
            case "名", "生" -> "人";
            default -> unit;
        };
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
