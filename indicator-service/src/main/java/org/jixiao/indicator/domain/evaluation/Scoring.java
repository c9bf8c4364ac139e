package org.jixiao.indicator.domain.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jixiao.common.contract.Framework;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.DomainException;
import org.jixiao.common.domain.Violation;
import org.jixiao.indicator.domain.FrameworkVariants;
import org.jixiao.indicator.domain.target.Attainment;
import org.jixiao.indicator.domain.target.TargetMeaning;
import org.jixiao.indicator.domain.target.TargetMeaning.Kind;
import org.jixiao.indicator.domain.target.TargetParser;

/**
 * 自评 scoring by a {@link ScoringPolicy}: 预算执行率 × min(1, spent / funding); each level-1 group's
 * weight split equally over its rows; a row's completion from its actual by the target's operator,
 * from its deadline, or as the department states it (qualitative, tiered, relative and multi-value rows,
 * which no single figure measures). What has no actual counts as met and is listed, which makes the
 * review-time preview (nothing measured yet) the same computation with everything assumed.
 */
public final class Scoring {
    static final MathContext EXACT = Attainment.EXACT;

    /** One row's actual (a decimal string in the target's unit, or a date for deadlines) or stated completion (0–1). */
    public record Entry(int index, String actual, BigDecimal completion) {
    }

    private final TargetParser parser;

    public Scoring(TargetParser parser) {
        this.parser = parser;
    }

    public Scorecard score(ProjectDocument document, FrameworkVariants levels, ScoringPolicy policy, BigDecimal spent,
            List<Entry> entries) {
        Framework framework = levels.framework();
        policy.mismatchWith(framework).ifPresent(why -> {
            throw DomainException.conflict("scoring-weights-not-configured", why + " (budget year " + document.budgetYear()
                    + "): an admin sets the year's weights first (PUT /api/v1/evaluations/policies/" + document.budgetYear() + ")");
        });
        List<ProjectDocument.IndicatorRow> rows = document.indicators() == null ? List.of() : document.indicators();
        Map<Integer, Entry> byIndex = index(entries, rows.size());
        List<Integer> assumed = new ArrayList<>();
        List<Integer> unplaced = new ArrayList<>();

        BigDecimal executionRate = null;
        BigDecimal executionCompletion = BigDecimal.ONE;
        if (spent != null) {
            BigDecimal funding = funding(document);
            executionRate = funding.signum() == 0 ? BigDecimal.ONE : spent.divide(funding, EXACT);
            executionCompletion = executionRate.min(BigDecimal.ONE).max(BigDecimal.ZERO);
        } else {
            assumed.add(Scorecard.EXECUTION);
        }
        List<Scorecard.Part> parts = new ArrayList<>();
        parts.add(new Scorecard.Part(ScoringPolicy.EXECUTION_PART, policy.executionWeight(),
                policy.executionWeight().multiply(executionCompletion, EXACT), List.of()));

        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        policy.groupWeights().keySet().forEach(g -> groups.put(g, new ArrayList<>()));
        for (int i = 0; i < rows.size(); i++) {
            ProjectDocument.IndicatorRow r = rows.get(i);
            Optional<String> group = r == null ? Optional.empty() : groupOf(levels, r);
            if (group.isPresent() && groups.containsKey(group.get())) {
                groups.get(group.get()).add(i);
            } else {
                unplaced.add(i);
            }
        }
        BigDecimal subjective = BigDecimal.ZERO;
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            BigDecimal groupWeight = policy.groupWeights().get(g.getKey());
            List<Scorecard.RowScore> scored = new ArrayList<>();
            BigDecimal groupScore = BigDecimal.ZERO;
            if (!g.getValue().isEmpty()) {
                BigDecimal rowWeight = groupWeight.divide(new BigDecimal(g.getValue().size()), EXACT);
                for (int i : g.getValue()) {
                    ProjectDocument.IndicatorRow r = rows.get(i);
                    TargetMeaning meaning = parser.parse(r.target(), document.budgetYear());
                    Completion c = completion(i, meaning, byIndex.get(i));
                    if (c.basis == Basis.ASSUMED) {
                        assumed.add(i);
                    }
                    boolean judged = meaning.kind() == Kind.QUALITATIVE || meaning.kind() == Kind.DESCRIPTIVE;
                    if (judged) {
                        subjective = subjective.add(rowWeight);
                    }
                    BigDecimal score = rowWeight.multiply(c.value, EXACT);
                    groupScore = groupScore.add(score);
                    scored.add(new Scorecard.RowScore(i, r.name(), meaning.kind().name(), rowWeight, c.value, score, judged,
                            c.basis.name()));
                }
            }
            parts.add(new Scorecard.Part(g.getKey(), groupWeight, groupScore, scored));
        }
        BigDecimal exact = parts.stream().map(Scorecard.Part::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Scorecard.AppliedCap> capsApplied = new ArrayList<>();
        if (executionRate != null) {
            BigDecimal rate = executionRate;
            Optional<ScoringPolicy.Cap> cap = policy.caps().stream().filter(c -> rate.compareTo(c.executionRateBelow()) < 0)
                    .min(Comparator.comparing(ScoringPolicy.Cap::maxTotal));
            if (cap.isPresent() && exact.compareTo(cap.get().maxTotal()) > 0) {
                capsApplied.add(new Scorecard.AppliedCap(cap.get().executionRateBelow(), cap.get().maxTotal(), exact));
                exact = cap.get().maxTotal();
            }
        }
        BigDecimal total = display(exact);
        return new Scorecard(total, policy.gradeOf(total), parts, capsApplied, subjective, assumed, unplaced);
    }

    /** Half-up to the fen of a point, the only rounding the scoring does. */
    public static BigDecimal display(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    private static Optional<String> groupOf(FrameworkVariants levels, ProjectDocument.IndicatorRow r) {
        Optional<String> placed = levels.resolve(r.level1(), r.level2()).map(Framework.Node::level1);
        return placed.isPresent() ? placed : levels.framework().level1Named(r.level1()).map(Framework.Level1::name);
    }

    private static Map<Integer, Entry> index(List<Entry> entries, int rowCount) {
        Map<Integer, Entry> map = new HashMap<>();
        if (entries == null) {
            return map;
        }
        List<Violation> problems = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            if (e == null || e.index() < 0 || e.index() >= rowCount) {
                problems.add(new Violation("/indicators/" + k + "/index", "no indicator row " + (e == null ? "" : e.index())
                        + " in the document (it has " + rowCount + ")"));
            } else if (map.putIfAbsent(e.index(), e) != null) {
                problems.add(new Violation("/indicators/" + k + "/index", "row " + e.index() + " is given twice"));
            } else if (e.completion() != null && (e.completion().signum() < 0 || e.completion().compareTo(BigDecimal.ONE) > 0)) {
                problems.add(new Violation("/indicators/" + k + "/completion", "a completion is a share between 0 and 1"));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid("invalid-evaluation-entries", null, "the indicator entries do not fit the document",
                    problems);
        }
        return map;
    }

    private static BigDecimal funding(ProjectDocument document) {
        try {
            BigDecimal funding = new BigDecimal(document.funding() == null ? "" : document.funding().strip());
            if (funding.signum() < 0) {
                throw new NumberFormatException();
            }
            return funding;
        } catch (NumberFormatException e) {
            throw DomainException.invalid("invalid-funding", null, "the document's funding must be a decimal amount in yuan"
                    + " to compute the execution rate", List.of(new Violation("/document/funding", "not an amount: " + document.funding())));
        }
    }

    enum Basis { MEASURED, DEADLINE, STATED, ASSUMED }

    record Completion(BigDecimal value, Basis basis) {
    }

    private static Completion completion(int index, TargetMeaning meaning, Entry entry) {
        if (entry == null || (entry.actual() == null && entry.completion() == null)) {
            return new Completion(BigDecimal.ONE, Basis.ASSUMED);
        }
        if (entry.actual() != null && Attainment.measurable(meaning)) {
            return new Completion(measured(index, meaning, entry.actual()), Basis.MEASURED);
        }
        if (entry.actual() != null && meaning.kind() == Kind.TIME && meaning.deadline() != null) {
            return new Completion(byDeadline(index, meaning.deadline(), entry.actual()), Basis.DEADLINE);
        }
        if (entry.completion() != null) {
            return new Completion(entry.completion(), Basis.STATED);
        }
        throw DomainException.invalid("completion-required", null, "row " + index + " (" + meaning.kind()
                + ") is not measured by one figure: give its completion (0–1) and the justification",
                List.of(new Violation("/indicators/" + index + "/completion", "required for this target: " + meaning.text())));
    }

    private static BigDecimal measured(int index, TargetMeaning m, String actualText) {
        try {
            return Attainment.of(m, new BigDecimal(actualText.strip()));
        } catch (NumberFormatException e) {
            throw DomainException.invalid("invalid-actual", null, "the actual of row " + index + " must be a decimal in the"
                    + " target's unit" + (m.unit() == null ? "" : " (" + m.unit() + ")"),
                    List.of(new Violation("/indicators/" + index + "/actual", "not a decimal: " + actualText)));
        }
    }

    private static BigDecimal byDeadline(int index, LocalDate deadline, String actualText) {
        try {
            return LocalDate.parse(actualText.strip()).isAfter(deadline) ? BigDecimal.ZERO : BigDecimal.ONE;
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("invalid-actual", null, "the actual of a deadline row is the date it was done"
                    + " (YYYY-MM-DD)", List.of(new Violation("/indicators/" + index + "/actual", "not a date: " + actualText)));
        }
    }
}
