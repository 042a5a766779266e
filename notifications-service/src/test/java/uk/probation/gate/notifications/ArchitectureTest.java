package uk.probation.gate.notifications;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import uk.probation.gate.platform.test.ArchitectureRules;

@AnalyzeClasses(packages = "uk.probation.gate.notifications", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFrameworkFree = ArchitectureRules.DOMAIN_IS_FRAMEWORK_FREE;

    @ArchTest
    static final ArchRule webIsAnAdapter = ArchitectureRules.WEB_IS_AN_ADAPTER;

    @ArchTest
    static final ArchRule httpStaysAtTheEdge = ArchitectureRules.HTTP_STAYS_AT_THE_EDGE;

    @ArchTest
    static final ArchRule aggregatesRaiseTheirOwnEvents = ArchitectureRules.AGGREGATES_RAISE_THEIR_OWN_EVENTS;

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles =
            ArchitectureRules.featurePackagesAreFreeOfCycles("uk.probation.gate.notifications");

    @ArchTest
    static final ArchRule kafkaAdaptersLiveInMessaging =
            ArchitectureRules.kafkaAdaptersLiveInMessaging("uk.probation.gate.notifications");

    @ArchTest
    static final ArchRule noPackageRepeatsTheService =
            ArchitectureRules.noPackageRepeatsTheService("uk.probation.gate.notifications");

    @ArchTest
    static final ArchRule configurationPropertiesLiveAtTheRoot =
            ArchitectureRules.configurationPropertiesLiveAtTheRoot("uk.probation.gate.notifications");
}
