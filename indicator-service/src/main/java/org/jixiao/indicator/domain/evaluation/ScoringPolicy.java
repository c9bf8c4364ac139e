package org.jixiao.indicator.domain.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jixiao.common.contract.Framework;
import org.jixiao.common.domain.Violation;

/**
 * How a year's self-evaluation (自评) is scored: the weight of 预算执行率 and of each level-1 group,
 * the grade bands and the local caps. The default is the classic one (财预〔2020〕10号 as secondary
 * sources give it): 预算执行率 10, 产出 50, 效益 30, 满意度 10; 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差; no caps,
 * since caps are local rules a bureau adds.
 *
 * @param groupWeights weight per level-1 node name of the year's framework, in display order
 * @param grades bands from the highest; the first whose {@code from} the rounded total reaches applies
 */
public record ScoringPolicy(BigDecimal executionWeight, Map<String, BigDecimal> groupWeights, List<GradeBand> grades,
        List<Cap> caps) {

    public static final String EXECUTION_PART = "预算执行率";
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    public ScoringPolicy {
        groupWeights = groupWeights == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(groupWeights));
        grades = grades == null ? List.of() : List.copyOf(grades);
        caps = caps == null ? List.of() : List.copyOf(caps);
    }

    /** A grade from {@code from} points up to the next higher band. */
    public record GradeBand(String grade, BigDecimal from) {
    }

    /** A local rule: an execution rate below {@code executionRateBelow} (a share, 0.6 = 60%) caps the total. */
    public record Cap(BigDecimal executionRateBelow, BigDecimal maxTotal) {
    }

    public static ScoringPolicy classic() {
        Map<String, BigDecimal> groups = new LinkedHashMap<>();
        groups.put("产出指标", new BigDecimal(50));
        groups.put("效益指标", new BigDecimal(30));
        groups.put("满意度指标", BigDecimal.TEN);
        return new ScoringPolicy(BigDecimal.TEN, groups, List.of(new GradeBand("优", new BigDecimal(90)),
                new GradeBand("良", new BigDecimal(80)), new GradeBand("中", new BigDecimal(60)),
                new GradeBand("差", BigDecimal.ZERO)), List.of());
    }

    /** What makes the policy unusable; empty when it can be stored. */
    public List<Violation> violations() {
        List<Violation> v = new ArrayList<>();
        if (executionWeight == null || executionWeight.signum() < 0) {
            v.add(new Violation("/executionWeight", "a weight of zero or more is required"));
        }
        if (groupWeights.isEmpty()) {
            v.add(new Violation("/groupWeights", "give the weight of every level-1 group of the year's framework"));
        }
        groupWeights.forEach((group, weight) -> {
            if (weight == null || weight.signum() < 0) {
                v.add(new Violation("/groupWeights/" + group, "a weight of zero or more is required"));
            }
        });
        if (v.isEmpty() && executionWeight.add(groupWeights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .compareTo(HUNDRED) != 0) {
            v.add(new Violation("/groupWeights", "预算执行率 and the groups must weigh 100 points together"));
        }
        if (grades.isEmpty()) {
            v.add(new Violation("/grades", "give at least one grade band"));
        }
        for (int i = 0; i < grades.size(); i++) {
            GradeBand g = grades.get(i);
            if (g == null || g.grade() == null || g.grade().isBlank() || g.from() == null) {
                v.add(new Violation("/grades/" + i, "a band needs a grade and the points it starts from"));
            } else if (i > 0 && grades.get(i - 1) != null && grades.get(i - 1).from() != null
                    && g.from().compareTo(grades.get(i - 1).from()) >= 0) {
                v.add(new Violation("/grades/" + i + "/from", "bands go from the highest to the lowest"));
            }
        }
        if (!grades.isEmpty() && grades.get(grades.size() - 1) != null && grades.get(grades.size() - 1).from() != null
                && grades.get(grades.size() - 1).from().signum() > 0) {
            v.add(new Violation("/grades/" + (grades.size() - 1) + "/from", "the lowest band must start at 0"));
        }
        for (int i = 0; i < caps.size(); i++) {
            Cap c = caps.get(i);
            if (c == null || c.executionRateBelow() == null || c.maxTotal() == null
                    || c.executionRateBelow().signum() <= 0 || c.executionRateBelow().compareTo(BigDecimal.ONE) > 0
                    || c.maxTotal().signum() < 0 || c.maxTotal().compareTo(HUNDRED) > 0) {
                v.add(new Violation("/caps/" + i, "a cap needs executionRateBelow in (0, 1] and maxTotal in [0, 100]"));
            }
        }
        return v;
    }

    /**
     * Why this policy cannot score tables of the framework: a level-1 group it gives no weight (scoring
     * would invent one), or a weighted group the framework lacks (its points could never be earned).
     */
    public Optional<String> mismatchWith(Framework framework) {
        List<String> names = framework.level1().stream().map(Framework.Level1::name).toList();
        Optional<String> unweighted = names.stream().filter(n -> !groupWeights.containsKey(n)).findFirst();
        if (unweighted.isPresent()) {
            return Optional.of("the framework " + framework.code() + " has the level-1 group " + unweighted.get()
                    + ", which the scoring policy does not weigh");
        }
        return groupWeights.keySet().stream().filter(g -> !names.contains(g)).findFirst()
                .map(g -> "the scoring policy weighs " + g + ", which is not a level-1 group of the framework " + framework.code());
    }

    public String gradeOf(BigDecimal roundedTotal) {
        for (GradeBand band : grades) {
            if (roundedTotal.compareTo(band.from()) >= 0) {
                return band.grade();
            }
        }
        return grades.get(grades.size() - 1).grade();
    }
}
