package org.jixiao.deploy;

import org.jixiao.common.test.arch.LayerRulesTest;

/** The launchers keep the rules of every module: no package cycle, no dependency on a service's code. */
class ArchitectureTest extends LayerRulesTest {
    ArchitectureTest() {
        super("org.jixiao.deploy");
    }
}
