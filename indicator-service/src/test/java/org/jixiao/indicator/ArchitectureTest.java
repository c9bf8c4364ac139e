package org.jixiao.indicator;

import org.jixiao.common.test.arch.LayerRulesTest;

/** indicator-service keeps the layering every module keeps (see LayerRules in common's test jar). */
class ArchitectureTest extends LayerRulesTest {
    ArchitectureTest() {
        super("org.jixiao.indicator");
    }
}
