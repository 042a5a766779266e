package uk.probation.gate.referral.routing.web;

import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.referral.domain.RoutingRule;
import uk.probation.gate.contracts.reference.Sex;

/**
 * One rule as an admin sends it; absent prisonCode/areaCode, sex or maxRisk mean "any"; absent startDays or
 * outcomeDays mean the configured defaults.
 */
record RuleRequest(Need need, String prisonCode, String areaCode, Sex sex, RiskOfSeriousHarm maxRisk,
        String providerCode, Integer priority, Integer responseDays, Integer startDays, Integer outcomeDays) {

    RoutingRule toRule() {
        return new RoutingRule(need, blankToNull(prisonCode), blankToNull(areaCode), sex, maxRisk, providerCode,
                priority == null ? 0 : priority, responseDays == null ? -1 : responseDays, startDays, outcomeDays);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
