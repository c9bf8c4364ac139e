package org.jixiao.common.test.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The layering every module keeps, written once: {@code rest → service → (domain, repository)},
 * {@code messaging → service}, rules free of transport, no package cycles, no service reaching into
 * another. Each module's test applies them to its own production classes through {@link LayerRulesTest}.
 */
public final class LayerRules {
    /** The base packages of the four services; none may depend on another. */
    public static final List<String> SERVICES = List.of("org.jixiao.project", "org.jixiao.indicator",
            "org.jixiao.approval", "org.jixiao.reporting");

    private LayerRules() {
    }

    /** The production classes of {@code basePackage} (test classes are left out). */
    public static JavaClasses production(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    public static final ArchRule REST_GOES_THROUGH_SERVICES = noClasses().that().resideInAPackage("..rest..")
            .should().dependOnClassesThat().resideInAnyPackage("..repository..", "io.quarkus.hibernate.orm.panache..",
                    "io.quarkus.panache..")
            .orShould().dependOnClassesThat().areAssignableTo(EntityManager.class)
            .orShould().callMethodWhere(JavaCall.Predicates.target(owner(assignableTo(PanacheEntityBase.class))))
            .because("a resource calls its services and maps to and from DTOs; queries and persistence belong"
                    + " to the service and repository layers")
            .allowEmptyShould(true);

    public static final ArchRule DOMAIN_IS_FREE_OF_TRANSPORT = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "com.fasterxml.jackson..",
                    "io.quarkus..", "..rest..", "..messaging..", "org.jixiao.common.security..",
                    "org.jixiao.common.events..")
            .because("rules take plain values and signal broken rules with DomainException, so they can be"
                    + " tested without HTTP, Jackson, Quarkus or Kafka")
            .allowEmptyShould(true);

    public static final ArchRule SERVICES_DO_NOT_KNOW_REST = noClasses().that().resideInAPackage("..service..")
            .should().dependOnClassesThat().resideInAnyPackage("..rest..", "jakarta.ws.rs..")
            .because("use cases take their own query and command types; no JAX-RS type crosses into them")
            .allowEmptyShould(true);

    public static final ArchRule MESSAGING_GOES_THROUGH_SERVICES = noClasses().that().resideInAPackage("..messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("..rest..", "..repository..")
            .because("an incoming event is a use case like a request: handlers call services, which own the"
                    + " transaction and the data")
            .allowEmptyShould(true);

    public static final ArchRule REPOSITORIES_ARE_AT_THE_BOTTOM = noClasses().that().resideInAPackage("..repository..")
            .should().dependOnClassesThat().resideInAnyPackage("..rest..", "..service..", "..messaging..")
            .because("repositories serve the use cases, never the other way round")
            .allowEmptyShould(true);

    public static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.jixiao.(**)").should().beFreeOfCycles()
            .because("a cycle makes two packages one, and neither can be understood or changed alone")
            .allowEmptyShould(true);

    public static final ArchRule NO_SERVICE_DEPENDS_ON_ANOTHER = serviceIsolation();

    public static final List<ArchRule> ALL = List.of(REST_GOES_THROUGH_SERVICES, DOMAIN_IS_FREE_OF_TRANSPORT,
            SERVICES_DO_NOT_KNOW_REST, MESSAGING_GOES_THROUGH_SERVICES, REPOSITORIES_ARE_AT_THE_BOTTOM,
            NO_PACKAGE_CYCLES, NO_SERVICE_DEPENDS_ON_ANOTHER);

    private static ArchRule serviceIsolation() {
        CompositeArchRule rule = CompositeArchRule.of(noClasses().that().resideInAPackage("org.jixiao.common..")
                .should().dependOnClassesThat(resideInAnyPackage(packages(SERVICES))));
        for (String service : SERVICES) {
            List<String> others = SERVICES.stream().filter(s -> !s.equals(service)).toList();
            rule = rule.and(noClasses().that().resideInAPackage(service + "..")
                    .should().dependOnClassesThat(resideInAnyPackage(packages(others))));
        }
        return rule.because("services talk through Kafka events only; common knows no service")
            .allowEmptyShould(true);
    }

    private static String[] packages(List<String> bases) {
        return bases.stream().map(b -> b + "..").toArray(String[]::new);
    }
}
