package uk.probation.gate.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationRulesTest {

    private final NotificationRules rules = new NotificationRules(List.of(
            new NotificationRule("resettlement.prisoner.released", RecipientKind.RESPONSIBLE_OFFICER, null, null, null,
                    null),
            new NotificationRule("resettlement.case.updated", RecipientKind.RESPONSIBLE_OFFICER, null, null,
                    "changedFields", List.of("responsibleOfficerCode", "expectedReleaseDate", "recall")),
            new NotificationRule("resettlement.prisoner.released", RecipientKind.VOLUNTEER_SERVICE, "SOVA",
                    "resettlement.prisoner.released.volunteer", "metAtGate", List.of("true")),
            new NotificationRule("community-payback.work.sent-home", RecipientKind.PERSON, null,
                    "community-payback.work.sent-home.person", null, null),
            new NotificationRule("referral.referral.sent", RecipientKind.PROVIDER, null, null, null, null),
            new NotificationRule("referral.referral.sent", RecipientKind.PERSON, null, "referral.person", null, null)));

    @Test
    void theOfficerAndTheVolunteerServiceHearOfAReleaseMetAtTheGate() {
        assertThat(rules.addresseesOf("resettlement.prisoner.released",
                fields("responsibleOfficerCode", "N01RO1", "metAtGate", "true"))).containsExactly(
                new Addressee("N01RO1", RecipientKind.RESPONSIBLE_OFFICER, "resettlement.prisoner.released"),
                new Addressee("SOVA", RecipientKind.VOLUNTEER_SERVICE, "resettlement.prisoner.released.volunteer"));
    }

    @Test
    void theVolunteerServiceDoesNotHearOfAReleaseNotMetAtTheGate() {
        assertThat(rules.addresseesOf("resettlement.prisoner.released",
                fields("responsibleOfficerCode", "N01RO1", "metAtGate", "false")))
                .extracting(Addressee::kind).containsExactly(RecipientKind.RESPONSIBLE_OFFICER);
    }

    @Test
    void anEventNamingNobodyOfTheKindHasAnAddresseeWithoutACode() {
        assertThat(rules.addresseesOf("resettlement.prisoner.released", fields("metAtGate", "false")))
                .containsExactly(new Addressee(null, RecipientKind.RESPONSIBLE_OFFICER,
                        "resettlement.prisoner.released"));
    }

    @Test
    void aPersonIsFoundByCrnThenPrisonNumberIncludingInsideThePersonReference() {
        assertThat(rules.addresseesOf("community-payback.work.sent-home", fields("crn", "X123456")))
                .extracting(Addressee::recipientCode).containsExactly("X123456");
        assertThat(rules.addresseesOf("referral.referral.sent",
                fields("providerCode", "INGEUS", "personReference.prisonNumber", "A1234BC")))
                .extracting(Addressee::recipientCode).containsExactly("INGEUS", "A1234BC");
    }

    @Test
    void aCaseUpdateIsToldOnlyWhenTheOfficerTheReleaseDateOrTheRecallChanged() {
        assertThat(rules.addresseesOf("resettlement.case.updated", Map.of("responsibleOfficerCode",
                List.of("N01RO2"), "changedFields", List.of("crn", "responsibleOfficerCode"))))
                .containsExactly(new Addressee("N01RO2", RecipientKind.RESPONSIBLE_OFFICER,
                        "resettlement.case.updated"));
        assertThat(rules.addresseesOf("resettlement.case.updated", Map.of("responsibleOfficerCode",
                List.of("N01RO2"), "changedFields", List.of("crn", "riskOfSeriousHarm")))).isEmpty();
        assertThat(rules.addresseesOf("resettlement.case.updated", Map.of("responsibleOfficerCode",
                List.of("N01RO2"), "changedFields", List.of()))).isEmpty();
    }

    @Test
    void anEventTypeWithoutRulesTellsNobody() {
        assertThat(rules.addresseesOf("referral.referral.accepted", fields("providerCode", "INGEUS"))).isEmpty();
    }

    @Test
    void aConditionNeedsBothFieldAndValue() {
        assertThatThrownBy(() -> new NotificationRule("x.y.z", RecipientKind.PERSON, null, null, "metAtGate", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, List<String>> fields(String... pairs) {
        Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], List.of(pairs[i + 1]));
        }
        return fields;
    }
}
