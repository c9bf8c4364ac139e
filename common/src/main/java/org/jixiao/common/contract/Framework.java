package org.jixiao.common.contract;

import java.util.List;
import java.util.Optional;

/**
 * 指标体系: the level-1/level-2 taxonomy indicator rows must use. indicator-service owns and publishes it
 * (FrameworkPublished); project-service keeps the published ones to validate rows without calling it. Printed variants of a node's name
 * ("服务对象满意度" for "服务对象满意度指标") resolve to the same node.
 */
public record Framework(String code, String name, int version, List<Level1> level1) {

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

    /** The framework's own names for a printed pair, or empty when the pair is not in this framework. */
    public Optional<Node> resolve(String printedLevel1, String printedLevel2) {
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
