package uk.probation.gate.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/** House rules every service checks against its own classes. */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Domain rules stay plain Java: no Spring, Kafka, MongoDB or web types in a {@code ..domain..} package. */
    public static final ArchRule DOMAIN_IS_FRAMEWORK_FREE = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "org.bson..", "jakarta.servlet..", "uk.probation.gate.platform..")
            .allowEmptyShould(true);

    /** Adapters depend on the core, never the other way round: nothing outside a service's web/ uses it. */
    public static final ArchRule WEB_IS_AN_ADAPTER = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("..web..")
                    .and(JavaClass.Predicates.resideOutsideOfPackage("uk.probation.gate.platform..")))
            .allowEmptyShould(true);
}
