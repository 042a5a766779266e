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
            new NotificationRule("resettlement.prisoner.released", RecipientKind.VOLUNTEER_SERVICE, "SOVA",
                    "resettlement.prisoner.released.volunteer", "metAtGate", "true"),
            new NotificationRule("community-payback.work.sent-home", RecipientKind.PERSON, null,
                    "community-payback.work.sent-home.person", null, null),
            new NotificationRule("referral.referral.sent", RecipientKind.PROVIDER, null, null, null, null),
            new NotificationRule("referral.referral.sent", RecipientKind.PERSON, null, "referral.person", null, null)));

    @Test
    void theOfficerAndTheVolunteerServiceHearOfAReleaseMetAtTheGate() {
        assertThat(rules.addresseesOf("resettlement.prisoner.released",
                Map.of("responsibleOfficerCode", "N01RO1", "metAtGate", "true"))).containsExactly(
                new Addressee("N01RO1", RecipientKind.RESPONSIBLE_OFFICER, "resettlement.prisoner.released"),
                new Addressee("SOVA", RecipientKind.VOLUNTEER_SERVICE, "resettlement.prisoner.released.volunteer"));
    }

    @Test
    void theVolunteerServiceDoesNotHearOfAReleaseNotMetAtTheGate() {
        assertThat(rules.addresseesOf("resettlement.prisoner.released",
                Map.of("responsibleOfficerCode", "N01RO1", "metAtGate", "false")))
                .extracting(Addressee::kind).containsExactly(RecipientKind.RESPONSIBLE_OFFICER);
    }

    @Test
    void anEventNamingNobodyOfTheKindHasAnAddresseeWithoutACode() {
        assertThat(rules.addresseesOf("resettlement.prisoner.released", Map.of("metAtGate", "false")))
                .containsExactly(new Addressee(null, RecipientKind.RESPONSIBLE_OFFICER,
                        "resettlement.prisoner.released"));
    }

    @Test
    void aPersonIsFoundByCrnThenPrisonNumberIncludingInsideThePersonReference() {
        assertThat(rules.addresseesOf("community-payback.work.sent-home", Map.of("crn", "X123456")))
                .extracting(Addressee::recipientCode).containsExactly("X123456");
        assertThat(rules.addresseesOf("referral.referral.sent",
                Map.of("providerCode", "INGEUS", "personReference.prisonNumber", "A1234BC")))
                .extracting(Addressee::recipientCode).containsExactly("INGEUS", "A1234BC");
    }

    @Test
    void anEventTypeWithoutRulesTellsNobody() {
        assertThat(rules.addresseesOf("referral.referral.accepted", Map.of("providerCode", "INGEUS"))).isEmpty();
    }

    @Test
    void aConditionNeedsBothFieldAndValue() {
        assertThatThrownBy(() -> new NotificationRule("x.y.z", RecipientKind.PERSON, null, null, "metAtGate", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
