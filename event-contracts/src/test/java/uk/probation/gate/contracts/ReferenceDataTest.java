package uk.probation.gate.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.probation.gate.contracts.reference.ReferenceData;

/** The shared codes are what the event schemas accept, each once. */
class ReferenceDataTest {

    private static final String CODE = "^[A-Za-z0-9][A-Za-z0-9_.-]*$";

    @Test
    void codesAreUniqueAndValidOnTheBus() {
        Stream.of(ReferenceData.PRISONS.stream().map(ReferenceData.Prison::code),
                ReferenceData.AREAS.stream().map(ReferenceData.Area::code),
                ReferenceData.PROVIDERS.stream().map(ReferenceData.Provider::code)).forEach(codes -> {
                    var list = codes.toList();
                    assertThat(list).doesNotHaveDuplicates().allMatch(c -> c.matches(CODE) && c.length() <= 64);
                });
    }

    @Test
    void everyProviderNeedIsAPathwayTheReferralSchemasKnow() {
        JsonNode needs = Contracts.readJson("/schemas/referral.referral.sent/v1.json").at("/properties/need/enum");
        Set<String> known = new HashSet<>();
        needs.forEach(n -> known.add(n.asText()));
        assertThat(known).isNotEmpty();
        ReferenceData.PROVIDERS.forEach(p -> assertThat(known).as(p.code()).containsAll(p.needs()));
    }

    @Test
    void theWomensPrisonIsAResettlementPrisonAndLookupsFindByCode() {
        assertThat(ReferenceData.PRISONS).filteredOn(ReferenceData.Prison::womens)
                .allMatch(ReferenceData.Prison::resettlement).isNotEmpty();
        assertThat(ReferenceData.provider("CHANGE_GROW_LIVE")).get().matches(p -> p.meets("DRUGS_AND_ALCOHOL"));
        assertThat(ReferenceData.area("N53DER")).get().extracting(ReferenceData.Area::name).isEqualTo("Derbyshire");
        assertThat(ReferenceData.prison("XXX")).isEmpty();
    }
}
