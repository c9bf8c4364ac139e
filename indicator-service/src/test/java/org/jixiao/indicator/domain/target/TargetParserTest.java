package org.jixiao.indicator.domain.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One table per family of printed forms; the notation is {@link #describe}. */
class TargetParserTest {
    final TargetParser parser = new TargetParser();

    static String describe(TargetMeaning m) {
        StringBuilder sb = new StringBuilder(m.kind().name());
        if (m.operator() != null) {
            sb.append(' ').append(m.operator());
        }
        if (m.value() != null) {
            sb.append(' ').append(m.value());
        }
        if (m.upperValue() != null) {
            sb.append("..").append(m.upperValue());
        }
        if (m.unit() != null) {
            sb.append(" [").append(m.unit()).append(']');
        }
        if (m.values() != null) {
            sb.append(" list=").append(m.values().stream().map(q -> q.value() + " " + q.unit()).collect(Collectors.joining("; ")));
        }
        if (m.deadline() != null) {
            sb.append(" deadline=").append(m.deadline());
        }
        if (m.frequency() != null) {
            sb.append(" freq=").append(m.frequency());
        }
        if (m.months() != null) {
            sb.append(" months=").append(m.months());
        }
        if (m.dayOfMonth() != null) {
            sb.append(" day=").append(m.dayOfMonth());
        }
        if (m.period() != null) {
            sb.append(" period=").append(m.period().name());
            if (m.period().from() != null) {
                sb.append(' ').append(m.period().from()).append("..").append(m.period().to());
            }
        }
        if (m.timely() != null) {
            sb.append(" timely");
        }
        if (m.direction() != null) {
            sb.append(' ').append(m.direction());
        }
        if (m.relativeTo() != null) {
            sb.append(" rel=").append(m.relativeTo());
        }
        if (m.grade() != null) {
            sb.append(" grade=").append(m.grade());
        }
        if (m.tiers() != null) {
            sb.append(" tiers=").append(m.tiers().stream().map(t -> (t.operator() == null ? t.condition()
                    : t.operator() + " " + t.value() + (t.upperValue() == null ? "" : ".." + t.upperValue()) + t.conditionUnit())
                    + " → " + t.amount() + " " + t.unit()).collect(Collectors.joining("; ")));
        }
        return sb.toString();
    }

    String read(String text) {
        return describe(parser.parse(text, 2025));
    }

    @Test
    void shouldReadEveryTargetOfTheSeedFixturesAsTabled() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int rows = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getClassLoader().getResourceAsStream("fixture-targets.tsv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cols = line.split("\t");
                rows++;
                String actual = read(cols[0]);
                if (!actual.equals(cols[1])) {
                    mismatches.add(cols[0] + " → " + actual + " (expected " + cols[1] + ")");
                }
            }
        }
        assertThat(rows).isEqualTo(148);
        assertThat(mismatches).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ≥62所          | QUANTITATIVE GE 62 [所]
            ≧95%           | QUANTITATIVE GE 95 [%]
            >=90%          | QUANTITATIVE GE 90 [%]
            ＞80%           | QUANTITATIVE GT 80 [%]
            <5%            | QUANTITATIVE LT 5 [%]
            ≦3天            | QUANTITATIVE LE 3 [天]
            = 24 人/次      | QUANTITATIVE EQ 24 [人/次]
            不低于90%        | QUANTITATIVE GE 90 [%]
            不超过500万元     | QUANTITATIVE LE 5000000 [元]
            约500人          | QUANTITATIVE APPROX 500 [人]
            500人左右         | QUANTITATIVE APPROX 500 [人]
            500人以上         | QUANTITATIVE GE 500 [人]
            ±3%以内          | QUANTITATIVE WITHIN 3 [%]
            １００％          | QUANTITATIVE EQ 100 [%]
            """)
    void shouldReadComparisonsInEveryPrintedVariant(String text, String expected) {
        assertThat(read(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ≥4.7万人        | QUANTITATIVE GE 47000 [人]
            ≤10439.02万元   | QUANTITATIVE LE 104390200 [元]
            1.2亿元          | QUANTITATIVE EQ 120000000 [元]
            3千元            | QUANTITATIVE EQ 3000 [元]
            5千克            | QUANTITATIVE EQ 5 [千克]
            ≤620万/月        | QUANTITATIVE LE 6200000 [/月]
            1,000元          | QUANTITATIVE EQ 1000 [元]
            12 500 人        | QUANTITATIVE EQ 12500 [人]
            ≥80M            | QUANTITATIVE GE 80 [M]
            ≥18万吨          | QUANTITATIVE GE 180000 [吨]
            761万平方米       | QUANTITATIVE EQ 7610000 [平方米]
            3162341㎡       | QUANTITATIVE EQ 3162341 [㎡]
            ≤5831922.19元   | QUANTITATIVE LE 5831922.19 [元]
            """)
    void shouldApplyMultipliersAndIgnoreSeparators(String text, String expected) {
        assertThat(read(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            720元/生/年       | QUANTITATIVE EQ 720 [元/生/年]
            250元/月/人       | QUANTITATIVE EQ 250 [元/人/月]
            500元/年/人       | QUANTITATIVE EQ 500 [元/人/年]
            1188/人/月        | QUANTITATIVE EQ 1188 [元/人/月]
            每人每年30627元    | QUANTITATIVE EQ 30627 [元/人/年]
            每人每月200元      | QUANTITATIVE EQ 200 [元/人/月]
            人均每年12500元    | QUANTITATIVE EQ 12500 [元/人/年]
            生均每年650元      | QUANTITATIVE EQ 650 [元/生/年]
            每月100元         | QUANTITATIVE EQ 100 [元/月]
            人均工资4734元     | QUANTITATIVE EQ 4734 [元/人]
            约每人每年10077元  | QUANTITATIVE APPROX 10077 [元/人/年]
            80元/店/天        | QUANTITATIVE EQ 80 [元/店/天]
            4万元/个          | QUANTITATIVE EQ 40000 [元/个]
            约688元/人/服役年限 | QUANTITATIVE APPROX 688 [元/人/服役年限]
            """)
    void shouldWriteRatesAsSlashPathsWithTimeLastAndTheirCurrency(String text, String expected) {
        assertThat(read(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            5元至22元         | QUANTITATIVE RANGE 5..22 [元]
            5至22元           | QUANTITATIVE RANGE 5..22 [元]
            80%-90%          | QUANTITATIVE RANGE 80..90 [%]
            1~3万元           | QUANTITATIVE RANGE 10000..30000 [元]
            990元/人/月、1980/人/月 | QUANTITATIVE EQ 990 [元/人/月] list=990 元/人/月; 1980 元/人/月
            10人，20人         | QUANTITATIVE EQ 10 [人] list=10 人; 20 人
            """)
    void shouldReadRangesAndLists(String text, String expected) {
        assertThat(read(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2025年6月底前      | TIME deadline=2025-06-30
            2025年12月底前     | TIME deadline=2025-12-31
            2024年2月底前      | TIME deadline=2024-02-29
            2025年6月30日前    | TIME deadline=2025-06-30
            2025年底前        | TIME deadline=2025-12-31
            2025年4月份前完成发放 | TIME deadline=2025-04-30
            6月底前           | TIME deadline=2025-06-30
            2023.07-2024.01  | TIME period=RANGE 2023-07-01..2024-01-31
            2025年3月至2025年6月 | TIME period=RANGE 2025-03-01..2025-06-30
            2025年2月         | TIME period=MONTH 2025-02-01..2025-02-28
            全年              | TIME period=YEAR 2025-01-01..2025-12-31
            第三季度           | TIME period=Q3 2025-07-01..2025-09-30
            二季度            | TIME period=Q2 2025-04-01..2025-06-30
            上半年            | TIME period=H1 2025-01-01..2025-06-30
            每月              | TIME freq=MONTHLY
            每季度支付一次      | TIME freq=QUARTERLY
            每年4月、10月      | TIME freq=YEARLY months=[4, 10]
            每月10日前         | TIME freq=MONTHLY day=10
            每天              | TIME freq=DAILY
            按月发放           | TIME freq=MONTHLY
            春秋两季           | TIME freq=SEMIANNUAL
            及时              | TIME timely
            及时足额发放        | TIME timely
            2025年4月份前      | TIME deadline=2025-04-30
            12月底到位         | TIME deadline=2025-12-31
            年底前            | TIME deadline=2025-12-31
            长期              | TIME period=LONG_TERM
            2020年1月--2020年11月 | TIME period=RANGE 2020-01-01..2020-11-30
            """)
    void shouldReadDeadlinesPeriodsFrequenciesAndTimeliness(String text, String expected) {
        assertThat(read(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            提升      | QUALITATIVE INCREASE
            明显提高   | QUALITATIVE INCREASE
            进一步改善  | QUALITATIVE INCREASE
            有所提高   | QUALITATIVE INCREASE
            降低      | QUALITATIVE DECREASE
            不断缩小   | QUALITATIVE DECREASE
            有效缓解   | QUALITATIVE DECREASE
            保障      | QUALITATIVE MAINTAIN
            稳定      | QUALITATIVE MAINTAIN
            保持稳定   | QUALITATIVE MAINTAIN
            巩固提高   | QUALITATIVE INCREASE
            巩固并提升  | QUALITATIVE INCREASE
            """)
    void shouldReadDirections(String text, String expected) {
        assertThat(read(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            按60%的比例给予医疗救助
            群众获得感明显增强的同时保障了基本民生需求
            2025年13月底前
            ≥
            万元
            2020年首次入规工业
            全年开展零星维修次数
            """)
    void shouldCallFreeTextDescriptive(String text) {
        assertThat(read(text)).isEqualTo("DESCRIPTIVE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ≈500人          | QUANTITATIVE APPROX 500 [人]
            提高5%           | QUANTITATIVE GE 5 [%] INCREASE rel=BASELINE
            较上年增长10%      | QUANTITATIVE GE 10 [%] INCREASE rel=PREVIOUS_YEAR
            同比下降3个百分点    | QUANTITATIVE GE 3 [百分点] DECREASE rel=PREVIOUS_YEAR
            不低于上年         | QUANTITATIVE GE INCREASE rel=PREVIOUS_YEAR
            与上年持平         | QUANTITATIVE EQ MAINTAIN rel=PREVIOUS_YEAR
            控制在预算内        | QUANTITATIVE LE rel=BUDGET
            不超预算           | QUANTITATIVE LE rel=BUDGET
            在预算范围内        | QUANTITATIVE LE rel=BUDGET
            基础养老金的12个月   | QUANTITATIVE EQ 12 [个月] rel=BASELINE
            """)
    void shouldReadRelativeAndBudgetBoundTargetsWithWhatTheyAreRelativeTo(String text, String expected) {
        assertThat(read(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            优良      | QUALITATIVE grade=优良
            合格      | QUALITATIVE grade=合格
            达到优良等次 | QUALITATIVE grade=优良
            验收合格   | QUALITATIVE grade=合格
            """)
    void shouldReadGradeWordsAsQualitativeWithTheGrade(String text, String expected) {
        assertThat(read(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            60至 64周岁 191元、65周岁以上201元 | TIERED tiers=RANGE 60..64周岁 → 191 元; GE 65周岁 → 201 元
            （1）入口补：缴 200元补 70元（2）缴 500元补 100元 | TIERED tiers=EQ 200元 → 70 元; EQ 500元 → 100 元
            城市每人每月740元、农村每人每月610元 | TIERED tiers=城市 → 740 元/人/月; 农村 → 610 元/人/月
            """)
    void shouldReadTieredStandardsAsTiers(String text, String expected) {
        assertThat(read(text)).isEqualTo(expected);
    }

    @Test
    void shouldKeepEachTiersConditionAsPrinted() {
        TargetMeaning m = parser.parse("（1）入口补：缴 200元补 70元（2）缴 500元补 100元", 2025);
        assertThat(m.tiers()).extracting(TargetMeaning.Tier::condition).containsExactly("入口补:缴200元补70元", "缴500元补100元");
    }

    @Test
    void shouldKeepTheTextUnchanged() {
        assertThat(parser.parse(" ≥ 62 所 ").text()).isEqualTo(" ≥ 62 所 ");
    }
}
