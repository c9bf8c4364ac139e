package org.jixiao.common.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Field-level differences between two revisions of a project, as reviewers read them: one entry per
 * changed field, indicator cells named {@code indicators[3].target}. project-service shows it between
 * revisions and puts it into ProjectAmended; approval-service shows it on a resubmitted case.
 */
public final class DocumentDiff {
    private static final List<Field> FIELDS = List.of(
            new Field("name", ProjectDocument::name),
            new Field("departmentCode", ProjectDocument::departmentCode),
            new Field("departmentName", ProjectDocument::departmentName),
            new Field("budgetUnitCode", ProjectDocument::budgetUnitCode),
            new Field("budgetUnitName", ProjectDocument::budgetUnitName),
            new Field("attribute", ProjectDocument::attribute),
            new Field("overview", ProjectDocument::overview),
            new Field("basis", ProjectDocument::basis),
            new Field("necessity", ProjectDocument::necessity),
            new Field("safeguards", ProjectDocument::safeguards),
            new Field("implementationPlan", ProjectDocument::implementationPlan),
            new Field("annualGoal", ProjectDocument::annualGoal),
            new Field("implementingUnit", ProjectDocument::implementingUnit),
            new Field("funding", ProjectDocument::funding));

    private record Field(String name, Function<ProjectDocument, String> value) {
    }

    private DocumentDiff() {
    }

    public static List<FieldChange> between(ProjectDocument before, ProjectDocument after) {
        List<FieldChange> changes = new ArrayList<>();
        if (!Objects.equals(before.budgetYear(), after.budgetYear())) {
            changes.add(new FieldChange("budgetYear", String.valueOf(before.budgetYear()), String.valueOf(after.budgetYear())));
        }
        for (Field f : FIELDS) {
            String a = f.value().apply(before);
            String b = f.value().apply(after);
            if (!Objects.equals(a, b)) {
                changes.add(new FieldChange(f.name(), a, b));
            }
        }
        List<ProjectDocument.IndicatorRow> rowsBefore = before.indicators() == null ? List.of() : before.indicators();
        List<ProjectDocument.IndicatorRow> rowsAfter = after.indicators() == null ? List.of() : after.indicators();
        for (int i = 0; i < Math.max(rowsBefore.size(), rowsAfter.size()); i++) {
            ProjectDocument.IndicatorRow a = i < rowsBefore.size() ? rowsBefore.get(i) : null;
            ProjectDocument.IndicatorRow b = i < rowsAfter.size() ? rowsAfter.get(i) : null;
            String at = "indicators[" + i + "]";
            if (a == null || b == null) {
                changes.add(new FieldChange(at, describe(a), describe(b)));
                continue;
            }
            cell(changes, at + ".level1", a.level1(), b.level1());
            cell(changes, at + ".level2", a.level2(), b.level2());
            cell(changes, at + ".name", a.name(), b.name());
            cell(changes, at + ".target", a.target(), b.target());
            cell(changes, at + ".valueBasis", a.valueBasis(), b.valueBasis());
            cell(changes, at + ".note", a.note(), b.note());
        }
        return changes;
    }

    private static void cell(List<FieldChange> changes, String field, String a, String b) {
        if (!Objects.equals(a, b)) {
            changes.add(new FieldChange(field, a, b));
        }
    }

    private static String describe(ProjectDocument.IndicatorRow r) {
        return r == null ? null : r.level1() + " / " + r.level2() + " / " + r.name() + " : " + r.target();
    }
}
