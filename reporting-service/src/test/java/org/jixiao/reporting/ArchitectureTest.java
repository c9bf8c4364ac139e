package org.jixiao.reporting;

import org.jixiao.common.test.arch.LayerRulesTest;

/** The layer rules every module keeps, applied to reporting-service's production classes. */
class ArchitectureTest extends LayerRulesTest {
    ArchitectureTest() {
        super("org.jixiao.reporting");
    }
}
