package org.jixiao.indicator.domain.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Parsing is total: random and mutated text yields a meaning, never an exception or a hang. */
public class TargetParserFuzzTest {
    static final List<String> SEEDS = List.of("≥62所", "720元/生/年", "每人每年600元", "5元至22元", "2025年6月底前", "每年4月、10月",
            "每月10日前", "≥4.7万人", "990元/人/月、1980/人/月", "不断提高", "2023.07-2024.01", "±3%以内", "第三季度", "及时",
            "60至 64周岁 191元、65周岁以上201元", "200元补贴35元、300元补贴40元、低保重残人员每人每年100元", "（1）入口补：缴 200元补 70元",
            "较上年增长10%", "不低于上年", "控制在预算内", "优良", "巩固提高", "12月底到位", "年底前", "长期", "2020年1月--2020年11月",
            "≈500人", "1188/人/月", "350元/月/人");
    static final String ALPHABET = "0123456789.,、%‰≥≤≧≦<>=±≈~-至到万亿千百元人次年月日季度底前每均以上下内约第全及时提高降低"
            + "补贴缴周岁较上同比预算控制超优良合格巩固长期:："
            + "/（）() 　１２３％ｘyz\u0000\uFFFF\uD83D\uDE00";

    static String mutate(String seed, Random r) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int op = r.nextInt(3);
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
            char ch = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
            if (op == 0 || sb.length() == 0) {
                sb.insert(at, ch);
            } else if (op == 1) {
                sb.setCharAt(at, ch);
            } else {
                sb.deleteCharAt(at);
            }
        }
        return sb.toString();
    }

    public static String random(Random r) {
        StringBuilder sb = new StringBuilder();
        int len = r.nextInt(r.nextInt(10) == 0 ? 600 : 24);
        for (int i = 0; i < len; i++) {
            sb.append(r.nextInt(5) == 0 ? (char) r.nextInt(0x10000) : ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    @Test
    void shouldGiveEveryOneOfAHundredThousandStringsAMeaningWithoutErrorOrHang() {
        TargetParser parser = new TargetParser();
        Random r = new Random(88);
        int[] descriptive = new int[1];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 100_000; i++) {
                String text = i % 2 == 0 ? random(r) : mutate(SEEDS.get(r.nextInt(SEEDS.size())), r);
                TargetMeaning m = parser.parse(text, r.nextBoolean() ? 2025 : null);
                assertThat(m).as(text).isNotNull();
                assertThat(m.kind()).as(text).isNotNull();
                assertThat(m.text()).isEqualTo(text);
                if (m.kind() == TargetMeaning.Kind.DESCRIPTIVE) {
                    descriptive[0]++;
                }
            }
        });
        // the mutations keep many strings readable: a parser that gave up on everything would fail here
        assertThat(descriptive[0]).isBetween(30_000, 99_000);
    }
}
