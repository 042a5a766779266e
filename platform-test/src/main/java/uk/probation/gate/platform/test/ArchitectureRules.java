package uk.probation.gate.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.Arrays;
import java.util.function.Consumer;

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

    /**
     * HTTP stays at the edge (ADR 0015): a class outside a {@code ..web..} package depends on nothing of the
     * platform's web layer ({@code ApiProblem}, {@code PageResponse}, ...) and on no Spring web or HTTP type
     * ({@code HttpStatus}, {@code ResponseStatusException}, ...) or servlet type. The core throws the platform's
     * domain failures ({@code platform.failure}) and returns its {@code platform.paging.Page}; the web layer maps
     * them to HTTP in one place.
     */
    public static final ArchRule HTTP_STAYS_AT_THE_EDGE = noClasses().that().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("uk.probation.gate.platform.web..",
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
            .as("HTTP stays at the edge: no class outside a web package depends on the platform's web layer or on "
                    + "Spring web, HTTP or servlet types")
            .allowEmptyShould(true);

    /** The platform's outbox document (service-platform, which this module does not depend on: named, not typed). */
    static final String AGGREGATE_DOCUMENT = "AggregateDocument";

    /** The method of {@value #AGGREGATE_DOCUMENT} that puts an event in the aggregate's outbox. */
    static final String REGISTER_EVENT = "registerEvent";

    /**
     * An aggregate raises its own events (ADR 0016): {@code registerEvent} of an {@code AggregateDocument} is called
     * only by the aggregate itself, from the state-changing method whose event it is, so no application service can
     * change an aggregate without its event or raise an aggregate's event without its change. A call from any class
     * that is not that aggregate (an application service, an event helper, another aggregate) fails. Classes are
     * recognised by name: a class named {@value #AGGREGATE_DOCUMENT} and its subclasses.
     */
    public static final ArchRule AGGREGATES_RAISE_THEIR_OWN_EVENTS = noClasses()
            .should().callMethodWhere(DescribedPredicate.describe(
                    "registerEvent of an AggregateDocument from outside that aggregate",
                    ArchitectureRules::registersAnotherClassesEvent))
            .as("An aggregate raises its own events: only an AggregateDocument calls registerEvent, on itself")
            .allowEmptyShould(true);

    private static boolean registersAnotherClassesEvent(JavaMethodCall call) {
        if (!REGISTER_EVENT.equals(call.getName()) || !isAggregateDocument(call.getTargetOwner())) {
            return false;
        }
        JavaClass caller = call.getOriginOwner();
        return !(isAggregateDocument(caller) && caller.isAssignableTo(call.getTargetOwner().getName()));
    }

    private static boolean isAggregateDocument(JavaClass type) {
        return AGGREGATE_DOCUMENT.equals(type.getSimpleName()) || type.getAllRawSuperclasses().stream()
                .anyMatch(superclass -> AGGREGATE_DOCUMENT.equals(superclass.getSimpleName()));
    }

    /**
     * The feature packages of a service depend on each other one way only: no chain of dependencies leads from a
     * feature package back to itself. A feature package is a package directly under {@code rootPackage} (such as
     * {@code caseload} or {@code release}) together with every package below it, so a dependency of
     * {@code caseload.web} counts as one of {@code caseload}. Classes directly in the root package belong to no
     * feature package, so a cycle that passes through one of them is not reported.
     */
    public static ArchRule featurePackagesAreFreeOfCycles(String rootPackage) {
        return SlicesRuleDefinition.slices().matching(rootPackage + ".(*)..").namingSlices("feature package '$1'")
                .should().beFreeOfCycles();
    }

    /** The platform's listener factory (service-platform, which this module does not depend on: named, not typed). */
    static final String IDEMPOTENT_LISTENERS = "IdempotentListeners";

    /** Spring's {@code @Bean}, named: a bean method returning a {@link Consumer} is a Spring Cloud Stream binding. */
    static final String BEAN = "org.springframework.context.annotation.Bean";

    /**
     * Every Kafka adapter lives in the service's top-level {@code messaging} package ({@code <rootPackage>.messaging}
     * or below), not in a feature: no class elsewhere depends on the platform's {@value #IDEMPOTENT_LISTENERS}
     * (recognised by name), and no {@code @Bean} method elsewhere returns a {@link Consumer} (an inbound binding, which
     * Spring Cloud Stream binds by the bean's name). The adapters call the feature packages, never the other way round.
     */
    public static ArchRule kafkaAdaptersLiveInMessaging(String rootPackage) {
        String messaging = rootPackage + ".messaging..";
        ArchRule listeners = noClasses().that().resideInAPackage(rootPackage + "..").and()
                .resideOutsideOfPackage(messaging)
                .should().dependOnClassesThat(DescribedPredicate.describe("are named " + IDEMPOTENT_LISTENERS,
                        (JavaClass target) -> IDEMPOTENT_LISTENERS.equals(target.getSimpleName())))
                .allowEmptyShould(true);
        ArchRule bindings = noMethods().that().areAnnotatedWith(BEAN).and().haveRawReturnType(Consumer.class)
                .should().beDeclaredInClassesThat().resideOutsideOfPackage(messaging)
                .allowEmptyShould(true);
        return CompositeArchRule.of(listeners).and(bindings)
                .as("Kafka adapters live in " + rootPackage + ".messaging: only there does a class use "
                        + IDEMPOTENT_LISTENERS + " or declare an inbound Consumer bean");
    }

    /**
     * No package inside a service repeats the service's name (such as {@code referral.referral} or
     * {@code referral.web.referral}): the last segment of {@code rootPackage} is the service, so a feature package is
     * named for what it holds instead.
     */
    public static ArchRule noPackageRepeatsTheService(String rootPackage) {
        String service = rootPackage.substring(rootPackage.lastIndexOf('.') + 1);
        return classes().should(new ArchCondition<JavaClass>(
                        "not reside in a package named '" + service + "' inside " + rootPackage) {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (repeatsTheService(type.getPackageName(), rootPackage, service)) {
                            events.add(SimpleConditionEvent.violated(type, type.getName() + " resides in "
                                    + type.getPackageName() + ", which repeats the service's name '" + service + "'"));
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    static boolean repeatsTheService(String packageName, String rootPackage, String service) {
        return packageName.startsWith(rootPackage + ".") && Arrays.asList(
                packageName.substring(rootPackage.length() + 1).split("\\.")).contains(service);
    }

    /** Spring Boot's {@code @ConfigurationProperties}, named. */
    static final String CONFIGURATION_PROPERTIES =
            "org.springframework.boot.context.properties.ConfigurationProperties";

    /**
     * Configuration shared by features lives at the root: every {@code @ConfigurationProperties} class resides in
     * {@code rootPackage} itself (beside the application class), not in the feature that happened to need it first.
     */
    public static ArchRule configurationPropertiesLiveAtTheRoot(String rootPackage) {
        return classes().that().areAnnotatedWith(CONFIGURATION_PROPERTIES).should().resideInAPackage(rootPackage)
                .as("@ConfigurationProperties classes reside in the service's root package " + rootPackage)
                .allowEmptyShould(true);
    }
}
