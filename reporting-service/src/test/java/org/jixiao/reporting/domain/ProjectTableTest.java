package org.jixiao.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.contract.ProjectDocument.IndicatorRow;
import org.junit.jupiter.api.Test;

/** The arrangement of 项目支出绩效目标表 that the HTML, PDF and XLSX renderers share. */
class ProjectTableTest {

    static ProjectTable table(List<IndicatorRow> rows) {
        ProjectDocument doc = new ProjectDocument("JC", 2025, "项目", "034", "城区教育局", "034001", "城区第一幼儿园", null, null,
                null, null, null, null, null, null, "1", rows);
        return new ProjectTable("晋城市城区", doc, 2, "JX-2");
    }

    static IndicatorRow row(String level1, String level2) {
        return new IndicatorRow(level1, level2, "指标", "≥1", null, null);
    }

    @Test
    void shouldMergeConsecutiveRowsOfTheSameLevel1AndLevel2() {
        ProjectTable t = table(List.of(row("产出指标", "数量指标"), row("产出指标", "数量指标"), row("产出指标", "质量指标"),
                row("效益指标", "社会效益指标")));

        assertThat(t.starts(0, false)).isTrue();
        assertThat(t.span(0, false)).isEqualTo(3);
        assertThat(t.span(0, true)).isEqualTo(2);
        assertThat(t.starts(1, true)).isFalse();
        assertThat(t.starts(2, true)).isTrue();
        assertThat(t.starts(2, false)).isFalse();
        assertThat(t.starts(3, false)).isTrue();
        assertThat(t.span(3, false)).isEqualTo(1);
    }

    @Test
    void shouldStartANewLevel2CellWhenLevel1ChangesEvenIfTheLevel2NameRepeats() {
        ProjectTable t = table(List.of(row("产出指标", "其他"), row("效益指标", "其他")));

        assertThat(t.starts(1, true)).isTrue();
        assertThat(t.span(0, true)).isEqualTo(1);
    }

    @Test
    void shouldTitleTheTableWithTheRegionAndLabelTheDepartmentWithItsCode() {
        ProjectTable t = table(null);

        assertThat(t.title()).isEqualTo("晋城市城区预算部门（单位）项目支出绩效目标表");
        assertThat(t.field("department")).isEqualTo("034-城区教育局");
        assertThat(t.rows()).isEmpty();
    }
}
