package org.jixiao.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One 三级指标 row of the indicator table, kept exactly as written. */
@Embeddable
public class IndicatorRow {
    /** 一级指标 */
    @Column(name = "level1")
    private String level1;
    /** 二级指标 */
    @Column(name = "level2")
    private String level2;
    /** 三级指标 */
    @Column(name = "name")
    private String name;
    /** 指标值 as printed, e.g. ≥62所 */
    @Column(name = "target")
    private String target;
    /** 取值依据 */
    @Column(name = "value_basis")
    private String valueBasis;
    @Column(name = "note")
    private String note;

    protected IndicatorRow() {
    }

    public IndicatorRow(String level1, String level2, String name, String target, String valueBasis, String note) {
        this.level1 = level1;
        this.level2 = level2;
        this.name = name;
        this.target = target;
        this.valueBasis = valueBasis;
        this.note = note;
    }

    public String level1() {
        return level1;
    }

    public String level2() {
        return level2;
    }

    public String name() {
        return name;
    }

    public String target() {
        return target;
    }

    public String valueBasis() {
        return valueBasis;
    }

    public String note() {
        return note;
    }
}
