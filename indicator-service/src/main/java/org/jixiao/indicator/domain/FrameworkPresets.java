package org.jixiao.indicator.domain;

import java.util.List;
import java.util.Optional;
import org.jixiao.common.contract.Framework;
import org.jixiao.common.domain.DomainException;

/** The frameworks shipped with Jixiao. */
public final class FrameworkPresets {
    public static final String CLASSIC = "classic";
    public static final String MOF_2021 = "mof-2021";
    public static final String MOF_2015 = "mof-2015";

    private static final Framework.Level1 BENEFIT = new Framework.Level1("效益指标", true, List.of("项目效益指标", "效果指标"),
            List.of(new Framework.Level2("经济效益指标", List.of()),
                    new Framework.Level2("社会效益指标", List.of()),
                    new Framework.Level2("生态效益指标", List.of()),
                    new Framework.Level2("可持续影响指标", List.of())));
    private static final Framework.Level1 SATISFACTION = new Framework.Level1("满意度指标", true, List.of(),
            List.of(new Framework.Level2("服务对象满意度指标", List.of("社会公众或服务对象满意度指标", "社会公众满意度指标"))));

    /** The seed's layout: 成本指标 is a level-2 node under 产出指标. */
    public static final Framework CLASSIC_FRAMEWORK = new Framework(CLASSIC, "传统三级指标体系（产出/效益/满意度）", 1, List.of(
            new Framework.Level1("产出指标", true, List.of("项目完成指标", "预期产出指标"),
                    List.of(new Framework.Level2("数量指标", List.of()),
                            new Framework.Level2("质量指标", List.of()),
                            new Framework.Level2("时效指标", List.of()),
                            new Framework.Level2("成本指标", List.of()))),
            BENEFIT, SATISFACTION));

    /** 财预〔2021〕101号: 成本指标 is level 1, with economic, social and ecological costs. */
    public static final Framework MOF_2021_FRAMEWORK = new Framework(MOF_2021, "财预〔2021〕101号指标体系（成本为一级指标）", 1, List.of(
            new Framework.Level1("成本指标", true, List.of(),
                    List.of(new Framework.Level2("经济成本指标", List.of()),
                            new Framework.Level2("社会成本指标", List.of()),
                            new Framework.Level2("生态环境成本指标", List.of()))),
            new Framework.Level1("产出指标", true, List.of("项目完成指标", "预期产出指标"),
                    List.of(new Framework.Level2("数量指标", List.of()),
                            new Framework.Level2("质量指标", List.of()),
                            new Framework.Level2("时效指标", List.of()))),
            BENEFIT, SATISFACTION));

    /**
     * The national framework of 2015–2020 (财预〔2015〕88号 and its table templates): two level-1 categories,
     * satisfaction a level-2 node of 效益指标.
     */
    public static final Framework MOF_2015_FRAMEWORK = new Framework(MOF_2015, "2015–2020年国家指标体系（满意度在效益指标下）", 1, List.of(
            new Framework.Level1("产出指标", true, List.of("项目完成指标", "预期产出指标"),
                    List.of(new Framework.Level2("数量指标", List.of()),
                            new Framework.Level2("质量指标", List.of()),
                            new Framework.Level2("时效指标", List.of()),
                            new Framework.Level2("成本指标", List.of()))),
            new Framework.Level1("效益指标", true, List.of("项目效益指标", "效果指标"),
                    List.of(new Framework.Level2("经济效益指标", List.of()),
                            new Framework.Level2("社会效益指标", List.of()),
                            new Framework.Level2("生态效益指标", List.of()),
                            new Framework.Level2("可持续影响指标", List.of()),
                            new Framework.Level2("社会公众或服务对象满意度指标",
                                    List.of("服务对象满意度指标", "社会公众满意度指标", "满意度指标"))))));

    public static final List<Framework> ALL = List.of(CLASSIC_FRAMEWORK, MOF_2021_FRAMEWORK, MOF_2015_FRAMEWORK);

    private FrameworkPresets() {
    }

    public static Optional<Framework> byCode(String code) {
        return ALL.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    /** The framework named {@code code}; naming one Jixiao does not ship is a bad request. */
    public static Framework require(String code) {
        return byCode(code).orElseThrow(() -> DomainException.invalid("unknown-framework",
                "framework " + code + " does not exist; known: " + ALL.stream().map(Framework::code).toList()));
    }
}
