package org.jixiao.common.test.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The {@link LayerRules} as tests: a module's {@code ArchitectureTest} extends this with its base
 * package, so every module runs the same rules in {@code ./mvnw verify}.
 */
public abstract class LayerRulesTest {
    private final JavaClasses classes;

    protected LayerRulesTest(String basePackage) {
        this.classes = LayerRules.production(basePackage);
        if (classes.isEmpty()) {
            throw new IllegalStateException("no production classes found under " + basePackage);
        }
    }

    @Test
    void restResourcesReachDataOnlyThroughServices() {
        LayerRules.REST_GOES_THROUGH_SERVICES.check(classes);
    }

    @Test
    void domainRulesDependOnNoTransportFramework() {
        LayerRules.DOMAIN_IS_FREE_OF_TRANSPORT.check(classes);
    }

    @Test
    void servicesTakeNoRestOrJaxRsTypes() {
        LayerRules.SERVICES_DO_NOT_KNOW_REST.check(classes);
    }

    @Test
    void messageHandlersGoThroughServices() {
        LayerRules.MESSAGING_GOES_THROUGH_SERVICES.check(classes);
    }

    @Test
    void repositoriesDependOnNoUpperLayer() {
        LayerRules.REPOSITORIES_ARE_AT_THE_BOTTOM.check(classes);
    }

    @Test
    void packagesFormNoCycle() {
        LayerRules.NO_PACKAGE_CYCLES.check(classes);
    }

    @Test
    void noServiceDependsOnAnother() {
        LayerRules.NO_SERVICE_DEPENDS_ON_ANOTHER.check(classes);
    }
}
