package uk.probation.gate.referral.routing;

import java.util.List;
import uk.probation.gate.contracts.reference.ReferenceData;
import uk.probation.gate.referral.domain.Need;

/**
 * A supply-chain provider as {@code GET /api/providers} shows it: code (as PROVIDER tokens carry it), name and the
 * needs it meets. Taken from {@link ReferenceData#PROVIDERS}, the one list every service shares.
 */
public record Provider(String code, String name, List<Need> needs) {

    static Provider of(ReferenceData.Provider provider) {
        return new Provider(provider.code(), provider.name(), provider.needs().stream().map(Need::valueOf).toList());
    }
}
