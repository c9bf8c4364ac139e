package org.jixiao.project.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jixiao.project.domain.Documents.row;

import java.util.Arrays;
import java.util.List;
import org.jixiao.common.contract.Framework;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.domain.Violation;
import org.junit.jupiter.api.Test;

/** A submission's rows against the framework in force, and the 三级指标 used twice. */
class FrameworkRowsPolicyTest {
    static final Framework COST_FIRST = new Framework("mof-2021", "成本为一级指标", 1, List.of(
            new Framework.Level1("成本指标", true, List.of(), List.of(new Framework.Level2("经济成本指标", List.of()))),
            new Framework.Level1("产出指标", true, List.of("产出"), List.of(new Framework.Level2("数量指标", List.of()),
                    new Framework.Level2("质量指标", List.of("质量")))),
            new Framework.Level1("效益指标", true, List.of(), List.of(new Framework.Level2("社会效益指标", List.of())))));

    static ProjectDocument withRows(ProjectDocument.IndicatorRow... rows) {
        return Documents.builder().budgetYear(2029).indicators(Arrays.asList(rows)).build();
    }

    @Test
    void shouldAcceptRowsThatAreNodesOfTheFrameworkAsPrinted() {
        ProjectDocument d = withRows(row("产出指标", "数量指标", "a"), row("产出", "质量", "b"),
                row("效益 指标", "社会效益", "c"), row("成本指标", "经济成本指标", "d"));
        assertThat(FrameworkRowsPolicy.check(d, COST_FIRST)).isEmpty();
    }

    @Test
    void shouldPointAtTheLevel2OfEveryRowOutsideTheFramework() {
        ProjectDocument d = withRows(row("产出指标", "数量指标", "a"), row("产出指标", "成本指标", "b"),
                row("满意度指标", "服务对象满意度指标", "c"));
        assertThat(FrameworkRowsPolicy.check(d, COST_FIRST)).containsExactly(
                new Violation("/indicators/1/level2",
                        "「产出指标 / 成本指标」 is not a node of the 2029 indicator framework mof-2021 (成本为一级指标)"),
                new Violation("/indicators/2/level2",
                        "「满意度指标 / 服务对象满意度指标」 is not a node of the 2029 indicator framework mof-2021 (成本为一级指标)"));
    }

    @Test
    void shouldAcceptAVariantPlacementThePublishedFrameworkCarriesAndNothingBeyondIt() {
        Framework withPlacement = COST_FIRST.withPlacements(List.of(
                new Framework.Placement("地方口径", "预期产出指标", null, "产出指标", null)));
        ProjectDocument d = withRows(row("预期产出指标", "数量指标", "a"), row("预期产出指标", "时效指标", "b"),
                row("效果指标", "社会效益指标", "c"));
        assertThat(FrameworkRowsPolicy.check(d, withPlacement)).extracting(Violation::pointer)
                .containsExactly("/indicators/1/level2", "/indicators/2/level2");
        assertThat(FrameworkRowsPolicy.check(d, COST_FIRST)).hasSize(3);
    }

    @Test
    void shouldLeaveIncompleteRowsToTheDocumentRules() {
        ProjectDocument d = withRows(null, row(null, "数量指标", "a"), row("产出指标", null, "b"));
        assertThat(FrameworkRowsPolicy.check(d, COST_FIRST)).isEmpty();
        assertThat(FrameworkRowsPolicy.check(Documents.builder().indicators(null).build(), COST_FIRST)).isEmpty();
    }

    @Test
    void shouldFlagA三级指标UsedTwiceAtItsRepetition() {
        ProjectDocument d = withRows(row("产出指标", "数量指标", "发放教材数量"), row("产出指标", "质量指标", "合格率"),
                row("产出指标", "质量指标", " 发放教材数量 "), null, row("产出指标", "数量指标", null));
        assertThat(FrameworkRowsPolicy.duplicates(d)).containsExactly(
                new Violation("/indicators/2/name", "三级指标「 发放教材数量 」 repeats row 0"));
    }

    @Test
    void shouldFlagNothingWhenEvery三级指标IsUsedOnce() {
        assertThat(FrameworkRowsPolicy.duplicates(Documents.complete())).isEmpty();
        assertThat(FrameworkRowsPolicy.duplicates(Documents.builder().indicators(null).build())).isEmpty();
    }
}
