package org.jixiao.common.test.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.jixiao.common.test.arch.sample.cyclea.A;
import org.jixiao.common.test.arch.sample.cycleb.B;
import org.jixiao.common.test.arch.sample.domain.HttpAwareRule;
import org.jixiao.common.test.arch.sample.repository.SampleRepository;
import org.jixiao.common.test.arch.sample.rest.LeakyResource;
import org.junit.jupiter.api.Test;

/** The rules are only worth running if they fail on code that breaks them: a broken sample proves it. */
class LayerRulesSelfTest {
    private static final JavaClasses BROKEN = new ClassFileImporter()
            .importClasses(LeakyResource.class, SampleRepository.class, HttpAwareRule.class, A.class, B.class);

    @Test
    void shouldRejectResourceThatUsesRepository() {
        assertViolated(LayerRules.REST_GOES_THROUGH_SERVICES, "LeakyResource");
    }

    @Test
    void shouldRejectDomainRuleThatKnowsHttp() {
        assertViolated(LayerRules.DOMAIN_IS_FREE_OF_TRANSPORT, "HttpAwareRule");
    }

    @Test
    void shouldRejectPackageCycle() {
        assertViolated(LayerRules.NO_PACKAGE_CYCLES, "cyclea");
    }

    private static void assertViolated(ArchRule rule, String culprit) {
        var result = rule.evaluate(BROKEN);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(culprit);
    }
}
