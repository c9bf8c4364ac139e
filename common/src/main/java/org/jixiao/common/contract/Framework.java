package org.jixiao.common.contract;

import java.util.List;
import java.util.Optional;

/**
 * 指标体系: the level-1/level-2 taxonomy indicator rows must use. indicator-service owns and publishes it
 * (FrameworkPublished); project-service keeps the published ones to validate rows without calling it. Printed variants of a node's name
 * ("服务对象满意度" for "服务对象满意度指标") resolve to the same node.
 */
public record Framework(String code, String name, int version, List<Level1> level1, List<Placement> placements) {

    public Framework {
        level1 = List.copyOf(level1);
        // Events published before placements existed carry none.
        placements = placements == null ? List.of() : List.copyOf(placements);
    }

    public Framework(String code, String name, int version, List<Level1> level1) {
        this(code, name, version, level1, List.of());
    }

    /**
     * A variant placement: a printed pair that is correct where the table was written (the 2015–2020
     * national framework's 满意度 under 效益指标, 满意度指标 printed at both levels, a year's admin alias)
     * and sits on the node {@code toLevel1}/{@code toLevel2} of this framework. A null {@code level2}
     * matches any printed level 2; a null {@code toLevel2} keeps the printed one.
     */
    public record Placement(String family, String level1, String level2, String toLevel1, String toLevel2) {
        boolean matches(String printed1, String printed2) {
            return Names.same(level1, printed1) && (level2 == null || Names.same(level2, printed2));
        }
    }

    public Framework withPlacements(List<Placement> more) {
        return new Framework(code, name, version, level1, more);
    }

    public record Level1(String name, boolean required, List<String> aliases, List<Level2> level2) {
        boolean matches(String printed) {
            return Names.same(name, printed) || aliases.stream().anyMatch(a -> Names.same(a, printed));
        }
    }

    public record Level2(String name, List<String> aliases) {
        boolean matches(String printed) {
            return Names.same(name, printed) || aliases.stream().anyMatch(a -> Names.same(a, printed));
        }
    }

    /**
     * The framework's names for a printed pair, through its own nodes first and then its variant
     * placements; empty when neither places the pair.
     */
    public Optional<Node> resolve(String printedLevel1, String printedLevel2) {
        Optional<Node> own = ownNode(printedLevel1, printedLevel2);
        if (own.isPresent()) {
            return own;
        }
        for (Placement p : placements) {
            if (p.matches(printedLevel1, printedLevel2)) {
                Optional<Node> mapped = ownNode(p.toLevel1(), p.toLevel2() == null ? printedLevel2 : p.toLevel2());
                if (mapped.isPresent()) {
                    return mapped;
                }
            }
        }
        return Optional.empty();
    }

    /** The node a printed pair names in this framework's own taxonomy, ignoring variant placements. */
    public Optional<Node> ownNode(String printedLevel1, String printedLevel2) {
        for (Level1 l1 : level1) {
            if (l1.matches(printedLevel1)) {
                for (Level2 l2 : l1.level2()) {
                    if (l2.matches(printedLevel2)) {
                        return Optional.of(new Node(l1.name(), l2.name()));
                    }
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public Optional<Level1> level1Named(String printed) {
        return level1.stream().filter(l -> l.matches(printed)).findFirst();
    }

    public record Node(String level1, String level2) {
    }

    /** Name comparison that ignores white space and a trailing 指标, as printed tables vary in both. */
    public static final class Names {
        private Names() {
        }

        public static boolean same(String a, String b) {
            return a != null && b != null && normal(a).equals(normal(b));
        }

        static String normal(String s) {
            String t = s.replaceAll("[\\s\\u3000]", "");
            return t.endsWith("指标") ? t.substring(0, t.length() - 2) : t;
        }
    }
}
