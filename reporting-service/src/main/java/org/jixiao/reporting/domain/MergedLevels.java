package org.jixiao.reporting.domain;

import java.util.List;
import java.util.Objects;

/**
 * Which rows of a table start a merged 一级 (or 一级 and 二级) cell and over how many rows it spans: the
 * monitoring and self-evaluation tables merge consecutive rows like the 项目支出绩效目标表 does.
 */
public record MergedLevels(List<String> level1, List<String> level2) {

    public MergedLevels {
        if (level1.size() != level2.size()) {
            throw new IllegalArgumentException("one 一级 and one 二级 per row");
        }
        level1 = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(level1));
        level2 = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(level2));
    }

    /** Whether row {@code i} starts a merged 一级 cell (or, with {@code withLevel2}, a 二级 cell). */
    public boolean starts(int i, boolean withLevel2) {
        if (i == 0) {
            return true;
        }
        return !Objects.equals(level1.get(i - 1), level1.get(i))
                || (withLevel2 && !Objects.equals(level2.get(i - 1), level2.get(i)));
    }

    /** How many rows from {@code i} on share its 一级 (and, with {@code withLevel2}, its 二级). */
    public int span(int i, boolean withLevel2) {
        int n = 1;
        while (i + n < level1.size() && Objects.equals(level1.get(i + n), level1.get(i))
                && (!withLevel2 || Objects.equals(level2.get(i + n), level2.get(i)))) {
            n++;
        }
        return n;
    }
}
