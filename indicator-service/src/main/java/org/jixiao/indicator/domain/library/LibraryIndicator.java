package org.jixiao.indicator.domain.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jixiao.indicator.domain.target.TargetMeaning;

/** 指标库 entry: a reusable 三级指标 under a 一级/二级 node. */
@Entity
@Table(name = "library_indicator")
public class LibraryIndicator {
    /** 共性 (common to many departments) or 个性 (specific). */
    public enum Scope { COMMON, SPECIFIC }

    @Id
    private UUID id;
    private String name;
    private String level1;
    private String level2;
    private String unit;
    @Enumerated(EnumType.STRING)
    @Column(name = "value_kind")
    private TargetMeaning.Kind valueKind;
    @Enumerated(EnumType.STRING)
    private TargetMeaning.Direction direction;
    /** 取值依据: 计划标准 / 行业标准 / 历史标准 / 其他 */
    @Column(name = "value_basis")
    private String valueBasis;
    private String description;
    /** department codes it suits, comma separated */
    private String departments;
    @Enumerated(EnumType.STRING)
    private Scope scope;
    /** created from an approval rather than by an admin or the seed */
    private boolean learned;
    @Version
    private long version;
    @Column(name = "updated_by")
    private String updatedBy;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected LibraryIndicator() {
    }

    public LibraryIndicator(String name, String level1, String level2, String actor, boolean learned) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.level1 = level1;
        this.level2 = level2;
        this.valueKind = TargetMeaning.Kind.DESCRIPTIVE;
        this.valueBasis = "计划标准";
        this.scope = Scope.SPECIFIC;
        this.learned = learned;
        touch(actor);
    }

    public void describe(String unit, TargetMeaning.Kind kind, TargetMeaning.Direction direction, String valueBasis,
            String description, Scope scope, String actor) {
        this.unit = unit;
        this.valueKind = kind == null ? TargetMeaning.Kind.DESCRIPTIVE : kind;
        this.direction = direction;
        this.valueBasis = valueBasis == null ? "计划标准" : valueBasis;
        this.description = description;
        this.scope = scope == null ? Scope.SPECIFIC : scope;
        touch(actor);
    }

    /** Records that a department uses it; two departments or more make it 共性. */
    public void usedBy(String departmentCode) {
        Set<String> set = departments();
        if (set.add(departmentCode)) {
            departments = String.join(",", set);
            if (set.size() >= 2) {
                scope = Scope.COMMON;
            }
        }
    }

    public void suitDepartments(Set<String> codes) {
        departments = codes == null || codes.isEmpty() ? null : String.join(",", new LinkedHashSet<>(codes));
    }

    private void touch(String actor) {
        updatedBy = actor;
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public Set<String> departments() {
        return departments == null || departments.isBlank() ? new LinkedHashSet<>()
                : Arrays.stream(departments.split(",")).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String level1() {
        return level1;
    }

    public String level2() {
        return level2;
    }

    public String unit() {
        return unit;
    }

    public TargetMeaning.Kind valueKind() {
        return valueKind;
    }

    public TargetMeaning.Direction direction() {
        return direction;
    }

    public String valueBasis() {
        return valueBasis;
    }

    public String description() {
        return description;
    }

    public Scope scope() {
        return scope;
    }

    public boolean learned() {
        return learned;
    }

    public long version() {
        return version;
    }
}
