package uk.probation.gate.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The house rules fail on a violation, so a service's ArchitectureTest passing means something. */
class ArchitectureRulesTest {

    private static final String FIXTURES = "uk.probation.gate.platform.test.fixtures";

    @Test
    void aCycleBetweenFeaturePackagesFailsEvenWhenItRunsThroughASubPackage() {
        EvaluationResult result = featurePackagesAreFreeOfCycles(FIXTURES + ".cyclic");

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("feature package 'orders'", "feature package 'projects'");
    }

    @Test
    void featurePackagesThatDependOneWayPass() {
        assertThat(featurePackagesAreFreeOfCycles(FIXTURES + ".acyclic").hasViolation()).isFalse();
    }

    @Test
    void aCoreClassThatAnswersInHttpTermsFails() {
        EvaluationResult result = httpStaysAtTheEdge(FIXTURES + ".httpincore");

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("fixtures.httpincore.orders.Orders")
                        .doesNotContain("OrderController"))
                .anySatisfy(line -> assertThat(line).contains("org.springframework.web.server.ResponseStatusException"))
                .anySatisfy(line -> assertThat(line).contains("org.springframework.http.HttpStatus"));
    }

    @Test
    void httpOnlyInAWebAdapterPasses() {
        assertThat(httpStaysAtTheEdge(FIXTURES + ".httpatedge").hasViolation()).isFalse();
    }

    @Test
    void anEventRaisedOutsideItsAggregateFails() {
        EvaluationResult result = aggregatesRaiseTheirOwnEvents(FIXTURES + ".eventsoutside");

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).hasSize(3)
                .allSatisfy(line -> assertThat(line).contains("registerEvent"))
                .anySatisfy(line -> assertThat(line).contains("fixtures.eventsoutside.orders.Orders.extend"))
                .anySatisfy(line -> assertThat(line).contains("fixtures.eventsoutside.orders.OrderEvents.placed"))
                .anySatisfy(line -> assertThat(line).contains("fixtures.eventsoutside.sessions.Session.standDown")
                        .contains("eventsoutside.orders.Order.registerEvent"))
                .noneSatisfy(line -> assertThat(line).contains("Order.place("));
    }

    @Test
    void aggregatesThatRaiseTheirOwnEventsPass() {
        assertThat(aggregatesRaiseTheirOwnEvents(FIXTURES + ".ownevents").hasViolation()).isFalse();
    }

    @Test
    void aKafkaAdapterOutsideTheServicesMessagingPackageFails() {
        EvaluationResult result = kafkaAdaptersLiveInMessaging(FIXTURES + ".adapterinfeature");

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).isNotEmpty()
                .anySatisfy(line -> assertThat(line).contains("fixtures.adapterinfeature.orders.messaging.OrderTopic")
                        .contains("IdempotentListeners"))
                .anySatisfy(line -> assertThat(line).contains("OrderTopic.orderEvents("))
                .anySatisfy(line -> assertThat(line).contains("SessionEvents.sessionEvents("));
    }

    @Test
    void kafkaAdaptersInTheServicesMessagingPackagePass() {
        assertThat(kafkaAdaptersLiveInMessaging(FIXTURES + ".adapterinmessaging").hasViolation()).isFalse();
    }

    @Test
    void aPackageNamedLikeTheServiceInsideItFails() {
        EvaluationResult result = noPackageRepeatsTheService(FIXTURES + ".repeats.orders");

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).singleElement().asString()
                .contains("fixtures.repeats.orders.orders.Order", "repeats the service's name 'orders'");
    }

    @Test
    void featurePackagesNamedForWhatTheyHoldPass() {
        assertThat(noPackageRepeatsTheService(FIXTURES + ".named.orders").hasViolation()).isFalse();
    }

    @Test
    void configurationPropertiesInAFeaturePackageFail() {
        EvaluationResult result = configurationPropertiesLiveAtTheRoot(FIXTURES + ".propertiesinfeature");

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).singleElement().asString()
                .contains("fixtures.propertiesinfeature.orders.OrderProperties");
    }

    @Test
    void configurationPropertiesAtTheRootPass() {
        assertThat(configurationPropertiesLiveAtTheRoot(FIXTURES + ".propertiesatroot").hasViolation()).isFalse();
    }

    private static EvaluationResult kafkaAdaptersLiveInMessaging(String rootPackage) {
        return ArchitectureRules.kafkaAdaptersLiveInMessaging(rootPackage).evaluate(
                new ClassFileImporter().importPackages(rootPackage, FIXTURES + ".platform"));
    }

    private static EvaluationResult noPackageRepeatsTheService(String rootPackage) {
        return ArchitectureRules.noPackageRepeatsTheService(rootPackage)
                .evaluate(new ClassFileImporter().importPackages(rootPackage));
    }

    private static EvaluationResult configurationPropertiesLiveAtTheRoot(String rootPackage) {
        return ArchitectureRules.configurationPropertiesLiveAtTheRoot(rootPackage)
                .evaluate(new ClassFileImporter().importPackages(rootPackage));
    }

    private static EvaluationResult aggregatesRaiseTheirOwnEvents(String rootPackage) {
        return ArchitectureRules.AGGREGATES_RAISE_THEIR_OWN_EVENTS.evaluate(
                new ClassFileImporter().importPackages(rootPackage, FIXTURES + ".outbox"));
    }

    private static EvaluationResult httpStaysAtTheEdge(String rootPackage) {
        return ArchitectureRules.HTTP_STAYS_AT_THE_EDGE.evaluate(new ClassFileImporter().importPackages(rootPackage));
    }

    private static EvaluationResult featurePackagesAreFreeOfCycles(String rootPackage) {
        JavaClasses classes = new ClassFileImporter().importPackages(rootPackage);
        return ArchitectureRules.featurePackagesAreFreeOfCycles(rootPackage).evaluate(classes);
    }
}
