package org.jixiao.approval.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jixiao.common.domain.DomainException;

/**
 * 评审等级规则 of one budget year: what each grade lets a reviewer decide. By default as 财预〔2015〕88号
 * has it: 优 and 良 may be approved (良 only with a comment saying what to improve), a target graded 中
 * must be revised and resubmitted, and one graded 差 cannot enter the budget; both can only be returned.
 */
public record GradingRules(int budgetYear, List<GradeRule> rules) {

    /**
     * @param approvable       a case may be passed on or approved with this grade; otherwise only returned
     * @param commentRequired  a decision with this grade must carry a comment (overall or anchored)
     * @param refusedForBudget a return with this grade records the case as refused for the budget (不得纳入预算)
     */
    public record GradeRule(Grade grade, boolean approvable, boolean commentRequired, boolean refusedForBudget) {
    }

    /** Every grade exactly once, a grade refused for the budget never approvable, and some grade approvable. */
    public GradingRules {
        rules = List.copyOf(rules);
        Map<Grade, Long> counts = rules.stream().collect(Collectors.groupingBy(GradeRule::grade, Collectors.counting()));
        for (Grade g : Grade.values()) {
            if (counts.getOrDefault(g, 0L) != 1) {
                throw DomainException.invalid("grading-rules-incomplete",
                        "name each grade (优, 良, 中, 差) exactly once; " + g + " appears " + counts.getOrDefault(g, 0L) + " time(s)");
            }
        }
        for (GradeRule r : rules) {
            if (r.refusedForBudget() && r.approvable()) {
                throw DomainException.invalid("grading-rule-contradiction",
                        "a grade refused for the budget cannot be approvable: " + r.grade());
            }
        }
        if (rules.stream().noneMatch(GradeRule::approvable)) {
            throw DomainException.invalid("grading-rules-approve-nothing", "at least one grade must be approvable");
        }
        rules = rules.stream().sorted(java.util.Comparator.comparing(GradeRule::grade)).toList();
    }

    public static GradingRules defaultFor(int budgetYear) {
        return new GradingRules(budgetYear, List.of(
                new GradeRule(Grade.优, true, false, false),
                new GradeRule(Grade.良, true, true, false),
                new GradeRule(Grade.中, false, false, false),
                new GradeRule(Grade.差, false, false, true)));
    }

    public GradeRule rule(Grade grade) {
        Map<Grade, GradeRule> byGrade = new EnumMap<>(Grade.class);
        rules.forEach(r -> byGrade.put(r.grade(), r));
        return byGrade.get(grade);
    }

    /**
     * The grade rules a decision must satisfy: the final approval names a grade, a grade that is not
     * approvable only returns, and a grade that needs a comment has one.
     */
    public void check(Decision decision) {
        Grade grade = decision.grade();
        if (grade == null) {
            if (decision.action() == Decision.Action.APPROVE) {
                throw DomainException.invalid("grade-required",
                        "the final approval needs a grade (优, 良, 中 or 差; 财预〔2015〕88号)");
            }
            return;
        }
        GradeRule rule = rule(grade);
        if (decision.action() != Decision.Action.RETURN && !rule.approvable()) {
            if (rule.refusedForBudget()) {
                throw DomainException.conflict("grade-too-low", "a target graded " + grade
                        + " cannot enter the budget (财预〔2015〕88号): RETURN it instead");
            }
            throw DomainException.conflict("grade-requires-return", "a target graded " + grade
                    + " must be revised and resubmitted (财预〔2015〕88号): RETURN it instead of "
                    + decision.action());
        }
        if (rule.commentRequired() && !decision.hasComment()) {
            throw DomainException.invalid("grade-needs-comment", "grading " + grade
                    + " needs a comment saying what to improve: give comment or comments[].text");
        }
    }

    /** Whether a return with {@code grade} keeps the case out of the budget. */
    public boolean refusesForBudget(Grade grade) {
        return grade != null && rule(grade).refusedForBudget();
    }
}
