package org.jixiao.indicator.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jixiao.common.contract.Framework;
import org.jixiao.common.contract.Framework.Names;

/**
 * Placements of indicator rows that are correct where the table was written but not in the year's
 * framework: the 2015–2020 national framework's 满意度 under 效益指标, localities that print 满意度指标 at
 * both levels. Each maps a printed pair onto a node of the year's framework; the checks report the
 * mapping (LEVEL_MAPPED) instead of refusing the row, and keep ERROR for a level nobody uses.
 */
public final class FrameworkVariants {
    /**
     * Printed {@code level1}/{@code level2} (null level2: any) becomes {@code toLevel1}/{@code toLevel2}
     * (null toLevel2: the printed one) in frameworks {@code frameworkCodes} (empty: all).
     */
    public record Variant(String family, String level1, String level2, String toLevel1, String toLevel2,
            List<String> frameworkCodes) {
        public Variant {
            frameworkCodes = frameworkCodes == null ? List.of() : List.copyOf(frameworkCodes);
        }

        boolean applies(Framework framework, String printed1, String printed2) {
            return appliesTo(framework) && Names.same(level1, printed1) && (level2 == null || Names.same(level2, printed2));
        }

        boolean appliesTo(Framework framework) {
            return frameworkCodes.isEmpty() || frameworkCodes.contains(framework.code());
        }
    }

    /** Where a printed pair sits in the framework, and the variant that put it there (null if the framework's own). */
    public record Placement(Framework.Node node, Variant variant) {
    }

    private static final String SATISFACTION_UNDER_BENEFIT = "2015–2020年国家指标体系（满意度列在效益指标下）";
    private static final String SATISFACTION_TWICE = "满意度指标两级同名";
    private static final String SATISFACTION_AS_LEVEL1 = "2021年后指标体系（满意度为一级指标）";
    private static final List<String> SATISFACTION_LEVEL1 = List.of(FrameworkPresets.CLASSIC, FrameworkPresets.MOF_2021);

    /** The families Jixiao knows; an admin adds a year's own with {@link #withAliases}. */
    public static final List<Variant> KNOWN = List.of(
            new Variant(SATISFACTION_UNDER_BENEFIT, "效益指标", "社会公众或服务对象满意度指标", "满意度指标", "服务对象满意度指标", SATISFACTION_LEVEL1),
            new Variant(SATISFACTION_UNDER_BENEFIT, "效益指标", "服务对象满意度指标", "满意度指标", "服务对象满意度指标", SATISFACTION_LEVEL1),
            new Variant(SATISFACTION_UNDER_BENEFIT, "效益指标", "社会公众满意度指标", "满意度指标", "服务对象满意度指标", SATISFACTION_LEVEL1),
            new Variant(SATISFACTION_UNDER_BENEFIT, "效益指标", "满意度指标", "满意度指标", "服务对象满意度指标", SATISFACTION_LEVEL1),
            new Variant(SATISFACTION_TWICE, "满意度指标", "满意度指标", "满意度指标", "服务对象满意度指标", SATISFACTION_LEVEL1),
            new Variant(SATISFACTION_AS_LEVEL1, "满意度指标", null, "效益指标", "社会公众或服务对象满意度指标",
                    List.of(FrameworkPresets.MOF_2015)));

    private final Framework framework;
    private final List<Variant> variants;

    private FrameworkVariants(Framework framework, List<Variant> variants) {
        this.framework = framework;
        this.variants = List.copyOf(variants);
    }

    public static FrameworkVariants of(Framework framework) {
        return new FrameworkVariants(framework, KNOWN);
    }

    /** The known families and a year's own aliases (checked first: an admin's word is the more specific). */
    public static FrameworkVariants withAliases(Framework framework, List<Variant> aliases) {
        List<Variant> all = new ArrayList<>(aliases);
        all.addAll(KNOWN);
        return new FrameworkVariants(framework, all);
    }

    public Framework framework() {
        return framework;
    }

    /**
     * The framework as published to project-service: the placements these checks accept travel with it,
     * so that a table the checks map (LEVEL_MAPPED) is not refused at submission.
     */
    public Framework published() {
        return framework.withPlacements(variants.stream().filter(v -> v.appliesTo(framework))
                .map(v -> new Framework.Placement(v.family(), v.level1(), v.level2(), v.toLevel1(), v.toLevel2()))
                .toList());
    }

    public Optional<Placement> place(String level1, String level2) {
        Optional<Framework.Node> own = framework.ownNode(level1, level2);
        if (own.isPresent()) {
            return Optional.of(new Placement(own.get(), null));
        }
        for (Variant v : variants) {
            if (v.applies(framework, level1, level2)) {
                Optional<Framework.Node> mapped = framework.ownNode(v.toLevel1(), v.toLevel2() == null ? level2 : v.toLevel2());
                if (mapped.isPresent()) {
                    return Optional.of(new Placement(mapped.get(), v));
                }
            }
        }
        return Optional.empty();
    }

    public Optional<Framework.Node> resolve(String level1, String level2) {
        return place(level1, level2).map(Placement::node);
    }
}
