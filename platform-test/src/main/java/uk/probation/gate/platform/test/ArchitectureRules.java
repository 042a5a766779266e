package uk.probation.gate.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

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
}
