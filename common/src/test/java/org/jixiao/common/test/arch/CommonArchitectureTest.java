package org.jixiao.common.test.arch;

/** The shared library keeps the same rules as the services it serves. */
class CommonArchitectureTest extends LayerRulesTest {
    CommonArchitectureTest() {
        super("org.jixiao.common");
    }
}
