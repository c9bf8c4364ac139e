package org.jixiao.project;

import org.jixiao.common.test.arch.LayerRulesTest;

/** project-service keeps the layering every module keeps (see LayerRules in common's test jar). */
class ArchitectureTest extends LayerRulesTest {
    ArchitectureTest() {
        super("org.jixiao.project");
    }
}
