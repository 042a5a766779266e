package uk.probation.gate.referral.domain;

import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingTableTest {

    static final Map<String, Set<Need>> PROVIDERS = Map.of(
            "NEW_DAWN_NEW_DAY", EnumSet.of(Need.ABUSE_VICTIM_SUPPORT, Need.CHILDREN_FAMILIES_AND_COMMUNITY),
            "WOMENS_WORK", EnumSet.of(Need.ABUSE_VICTIM_SUPPORT, Need.ACCOMMODATION),
            "CHANGING_LIVES", EnumSet.of(Need.ABUSE_VICTIM_SUPPORT),
            "IN_HOUSE_HOUSING", EnumSet.of(Need.ACCOMMODATION),
            "INGEUS", EnumSet.of(Need.EDUCATION_SKILLS_AND_WORK, Need.ACCOMMODATION),
            "USER_VOICE", EnumSet.noneOf(Need.class));

    final RoutingTable womensServices = new RoutingTable(List.of(
            rule(Need.ABUSE_VICTIM_SUPPORT, null, Sex.FEMALE, null, "WOMENS_WORK", 2),
            rule(Need.ABUSE_VICTIM_SUPPORT, null, Sex.FEMALE, null, "NEW_DAWN_NEW_DAY", 1),
            rule(Need.ABUSE_VICTIM_SUPPORT, "FHI", Sex.FEMALE, RiskOfSeriousHarm.MEDIUM, "CHANGING_LIVES", 3),
            rule(Need.ACCOMMODATION, null, null, null, "IN_HOUSE_HOUSING", 1)));

    @Test
    void theLowestPriorityNumberIsTriedFirstThenTheNextNotYetTried() {
        RoutingCriteria woman = new RoutingCriteria(Need.ABUSE_VICTIM_SUPPORT, "FHI", null, Sex.FEMALE,
                RiskOfSeriousHarm.LOW);
        assertThat(womensServices.next(woman, List.of())).map(RoutingRule::providerCode).contains("NEW_DAWN_NEW_DAY");
        assertThat(womensServices.next(woman, List.of("NEW_DAWN_NEW_DAY"))).map(RoutingRule::providerCode)
                .contains("WOMENS_WORK");
        assertThat(womensServices.next(woman, List.of("NEW_DAWN_NEW_DAY", "WOMENS_WORK")))
                .map(RoutingRule::providerCode).contains("CHANGING_LIVES");
        assertThat(womensServices.next(woman, List.of("NEW_DAWN_NEW_DAY", "WOMENS_WORK", "CHANGING_LIVES")))
                .isEmpty();
    }

    @Test
    void prisonSexAndMaximumRiskNarrowARule() {
        RoutingCriteria elsewhere = new RoutingCriteria(Need.ABUSE_VICTIM_SUPPORT, "NMI", null, Sex.FEMALE,
                RiskOfSeriousHarm.LOW);
        RoutingCriteria highRisk = new RoutingCriteria(Need.ABUSE_VICTIM_SUPPORT, "FHI", null, Sex.FEMALE,
                RiskOfSeriousHarm.HIGH);
        RoutingCriteria man = new RoutingCriteria(Need.ABUSE_VICTIM_SUPPORT, "FHI", null, Sex.MALE,
                RiskOfSeriousHarm.LOW);
        List<String> tried = List.of("NEW_DAWN_NEW_DAY", "WOMENS_WORK");
        assertThat(womensServices.next(elsewhere, tried)).isEmpty();
        assertThat(womensServices.next(highRisk, tried)).isEmpty();
        assertThat(womensServices.next(man, List.of())).isEmpty();
        assertThat(womensServices.next(new RoutingCriteria(Need.ACCOMMODATION, null, "N53", Sex.MALE, null),
                List.of())).map(RoutingRule::providerCode).contains("IN_HOUSE_HOUSING");
    }

    @Test
    void aTableNamingAnUnknownProviderOrOverlappingAtEqualPriorityIsRefusedByField() {
        List<RoutingTable.Violation> violations = RoutingTable.check(List.of(
                rule(Need.ACCOMMODATION, null, null, null, "IN_HOUSE_HOUSING", 1),
                rule(Need.ACCOMMODATION, "NMI", Sex.MALE, null, "INGEUS", 1),
                rule(Need.HEALTH, null, null, null, "NOBODY", 1)), PROVIDERS);
        assertThat(violations).extracting(RoutingTable.Violation::field)
                .containsExactly("rules[1].priority", "rules[2].providerCode");
    }

    @Test
    void aRuleSendingANeedToAProviderThatDoesNotMeetItIsRefusedNamingTheRulesProvider() {
        List<RoutingTable.Violation> violations = RoutingTable.check(List.of(
                rule(Need.ACCOMMODATION, null, null, null, "IN_HOUSE_HOUSING", 1),
                rule(Need.HEALTH, "NMI", null, null, "CHANGING_LIVES", 1),
                rule(Need.FINANCE_AND_ID, null, null, null, "USER_VOICE", 1),
                new RoutingRule(Need.ABUSE_VICTIM_SUPPORT, null, null, Sex.FEMALE, null, "WOMENS_WORK", 1, 5, -1,
                        5000)), PROVIDERS);
        assertThat(violations).extracting(RoutingTable.Violation::field).containsExactly("rules[1].providerCode",
                "rules[2].providerCode", "rules[3].startDays", "rules[3].outcomeDays");
        assertThat(violations.get(0).message()).contains("CHANGING_LIVES does not meet the need HEALTH");
    }

    @Test
    void rulesKeptApartByPrisonAreaOrSexMayShareAPriority() {
        List<RoutingTable.Violation> violations = RoutingTable.check(List.of(
                rule(Need.ACCOMMODATION, "NMI", null, null, "IN_HOUSE_HOUSING", 1),
                rule(Need.ACCOMMODATION, "LCI", null, null, "INGEUS", 1),
                new RoutingRule(Need.ACCOMMODATION, null, "N53", null, null, "WOMENS_WORK", 1, 5),
                rule(Need.ABUSE_VICTIM_SUPPORT, null, Sex.FEMALE, null, "NEW_DAWN_NEW_DAY", 1),
                rule(Need.ABUSE_VICTIM_SUPPORT, null, Sex.MALE, null, "WOMENS_WORK", 1),
                rule(Need.EDUCATION_SKILLS_AND_WORK, null, null, null, "INGEUS", 1)), PROVIDERS);
        assertThat(violations).isEmpty();
    }

    @Test
    void aRuleForBothAPrisonAndAnAreaOrWithNonsenseNumbersIsRefused() {
        List<RoutingTable.Violation> violations = RoutingTable.check(List.of(
                new RoutingRule(Need.ACCOMMODATION, "NMI", "N53", null, null, "INGEUS", 0, -1)), PROVIDERS);
        assertThat(violations).extracting(RoutingTable.Violation::field)
                .containsExactlyInAnyOrder("rules[0].areaCode", "rules[0].priority", "rules[0].responseDays");
    }

    static RoutingRule rule(Need need, String prison, Sex sex, RiskOfSeriousHarm maxRisk, String provider,
            int priority) {
        return new RoutingRule(need, prison, null, sex, maxRisk, provider, priority, 5);
    }
}
