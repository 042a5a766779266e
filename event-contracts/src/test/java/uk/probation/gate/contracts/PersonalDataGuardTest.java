package uk.probation.gate.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import uk.probation.gate.contracts.hmpps.HmppsDomainEvent;

/** Identifiers only on the bus: the build fails if a schema or payload record gains a personal-data field. */
class PersonalDataGuardTest {

    static List<String> schemaFiles() {
        return Contracts.schemaFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void schemaCarriesNoPersonalData(String file) {
        assertThat(PersonalDataGuard.findIn(Contracts.readJson(file))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadRecordCarriesNoPersonalData(EventType type) {
        assertThat(PersonalDataGuard.findIn(type.payloadType())).isEmpty();
    }

    @Test
    void inboundRecordCarriesNoPersonalData() {
        assertThat(PersonalDataGuard.findIn(HmppsDomainEvent.class)).isEmpty();
    }

    @Test
    void guardFindsPersonalDataAtAnyDepthOfABadSchema() {
        assertThat(PersonalDataGuard.findIn(Contracts.readJson("/personal-data/leaky-schema.json")))
                .containsExactlyInAnyOrder(
                        "/required/surname",
                        "/properties/surname",
                        "/properties/contact/properties/Email",
                        "/properties/household/items/properties/date_of_birth",
                        "/$defs/release/properties/homeAddress");
    }

    record Household(String relationship, String dateOfBirth) {
    }

    record LeakyPayload(String prisonNumber, String fullName, List<Household> household) {
    }

    @Test
    void guardFindsPersonalDataInANestedRecord() {
        assertThat(PersonalDataGuard.findIn(LeakyPayload.class))
                .containsExactlyInAnyOrder("LeakyPayload.fullName", "LeakyPayload.household.dateOfBirth");
    }

    @Test
    void identifiersAndCodesAreNotPersonalData() {
        assertThat(List.of("prisonNumber", "crn", "prisonCode", "providerCode", "responsibleOfficerCode", "description",
                "eventType", "projectCode", "sex", "riskOfSeriousHarm", "accommodationOnRelease", "details"))
                .noneMatch(PersonalDataGuard::isPersonal);
        assertThat(List.of("NAME", "firstName", "last_name", "Surname", "forename", "dob", "birthDate", "postcode",
                "telephone", "mobile", "email", "emailAddress", "mobilePhone"))
                .allMatch(PersonalDataGuard::isPersonal);
    }
}
