package org.jixiao.approval;

import org.jixiao.common.test.arch.LayerRulesTest;

/** approval-service keeps the layering every module keeps (see LayerRules). */
class ArchitectureTest extends LayerRulesTest {
    ArchitectureTest() {
        super("org.jixiao.approval");
    }
}
