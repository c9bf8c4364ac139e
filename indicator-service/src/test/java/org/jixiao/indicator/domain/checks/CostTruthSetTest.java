package org.jixiao.indicator.domain.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jixiao.common.contract.ProjectDocument;
import org.jixiao.common.test.SeedFixtures;
import org.jixiao.indicator.domain.FrameworkPresets;
import org.jixiao.indicator.domain.checks.Finding.Severity;
import org.junit.jupiter.api.Test;

/**
 * The cost checks against cost-truth-set.tsv, a reviewer's expectations for the 21 seed projects: a check
 * that cries wolf is worse than none, so a false WARNING fails the build, and so does a reconciliation the
 * reviewer found by hand and the checks did not.
 */
class CostTruthSetTest {
    record Expected(String ref, String code, Severity severity, List<String> required, List<String> terms) {
        boolean matches(Finding f) {
            return f.code().equals(code) && f.severity() == severity && required.stream().allMatch(f.messageZh()::contains);
        }
    }

    /** A product as the checks print it: 1600人 × 740元/人/月 × 12 = 14208000元. */
    static final Pattern PRODUCT = Pattern.compile("(\\(?[\\d.+]+\\)?[^\\s×：，；+]* × [^=：，；]+= \\d+(?:\\.\\d+)?元)");

    static Map<String, List<Expected>> truthSet() throws Exception {
        Map<String, List<Expected>> byRef = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CostTruthSetTest.class.getClassLoader().getResourceAsStream("cost-truth-set.tsv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cols = line.split("\t");
                List<Expected> list = byRef.computeIfAbsent(cols[0], k -> new ArrayList<>());
                if (!cols[1].equals("-")) {
                    list.add(new Expected(cols[0], cols[1], Severity.valueOf(cols[2]), List.of(cols[3].split(";")),
                            cols.length > 4 ? List.of(cols[4].split(";")) : List.of()));
                }
            }
        }
        return byRef;
    }

    @Test
    void shouldRaiseNoFalseWarningAndFindEveryReconciliationAReviewerFindsByHand() throws Exception {
        Map<String, List<Expected>> truth = truthSet();
        assertThat(truth).hasSize(21);
        CheckEngine engine = CheckEngine.standard();
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        int termsFound = 0;
        int termsShown = 0;
        int termsExpected = 0;
        List<String> falseAlarms = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        for (var node : SeedFixtures.projects()) {
            ProjectDocument doc = CheckEngineTest.JSON.treeToValue(node, ProjectDocument.class);
            List<Expected> expected = truth.get(doc.externalRef());
            assertThat(expected).as("truth set covers " + doc.externalRef()).isNotNull();
            List<Finding> actual = engine.run(doc, FrameworkPresets.CLASSIC_FRAMEWORK).stream()
                    .filter(f -> f.code().startsWith("COST_")).toList();
            Set<Expected> matched = new HashSet<>();
            for (Finding f : actual) {
                Expected e = expected.stream().filter(x -> !matched.contains(x) && x.matches(f)).findFirst().orElse(null);
                if (e == null) {
                    falsePositives++;
                    if (f.severity() != Severity.INFO) {
                        falseAlarms.add(doc.externalRef() + " " + f.code() + ": " + f.messageZh());
                    }
                    System.out.println("FALSE  " + doc.externalRef() + " " + f.code() + " " + f.messageZh());
                } else {
                    matched.add(e);
                    truePositives++;
                }
                Matcher m = PRODUCT.matcher(f.messageZh());
                Set<String> reviewerTerms = expected.stream().flatMap(x -> x.terms().stream()).collect(java.util.stream.Collectors.toSet());
                while (m.find()) {
                    termsShown++;
                    if (reviewerTerms.contains(m.group(1))) {
                        termsFound++;
                    } else {
                        System.out.println("PAIR?  " + doc.externalRef() + " " + m.group(1) + " is not a product the reviewer writes");
                    }
                }
            }
            for (Expected e : expected) {
                termsExpected += e.terms().size();
                if (!matched.contains(e)) {
                    falseNegatives++;
                    misses.add(e.ref() + " " + e.code() + " " + e.required());
                    System.out.println("MISSED " + e.ref() + " " + e.code() + " " + e.required());
                }
            }
        }
        double precision = truePositives / (double) Math.max(1, truePositives + falsePositives);
        double recall = truePositives / (double) Math.max(1, truePositives + falseNegatives);
        System.out.printf("cost checks on the 21 seed projects: findings precision %.3f (%d/%d), recall %.3f (%d/%d); "
                + "products precision %.3f (%d/%d), recall %.3f (%d/%d)%n", precision, truePositives,
                truePositives + falsePositives, recall, truePositives, truePositives + falseNegatives,
                termsFound / (double) Math.max(1, termsShown), termsFound, termsShown,
                termsFound / (double) Math.max(1, termsExpected), termsFound, termsExpected);
        assertThat(falseAlarms).as("false WARNING/ERROR findings").isEmpty();
        assertThat(misses).as("reconciliations a reviewer finds by hand").isEmpty();
    }
}
