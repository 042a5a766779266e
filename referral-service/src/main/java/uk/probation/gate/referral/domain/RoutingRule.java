package uk.probation.gate.referral.domain;

import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;

/**
 * One row of the routing table: referrals for {@code need} in a prison or probation area (or anywhere), for one sex
 * (or either) and up to a level of risk of serious harm (or any) go to {@code providerCode}. Among matching rules
 * the lowest {@code priority} number is tried first; the provider has {@code responseDays} to respond, then
 * {@code startDays} from acceptance to start the work and {@code outcomeDays} from the start to record an outcome
 * (null: the configured defaults).
 */
public record RoutingRule(Need need, String prisonCode, String areaCode, Sex sex, RiskOfSeriousHarm maxRisk,
        String providerCode, int priority, int responseDays, Integer startDays, Integer outcomeDays) {

    public RoutingRule(Need need, String prisonCode, String areaCode, Sex sex, RiskOfSeriousHarm maxRisk,
            String providerCode, int priority, int responseDays) {
        this(need, prisonCode, areaCode, sex, maxRisk, providerCode, priority, responseDays, null, null);
    }

    public boolean matches(RoutingCriteria referral) {
        return need == referral.need()
                && (prisonCode == null || prisonCode.equals(referral.prisonCode()))
                && (areaCode == null || areaCode.equals(referral.areaCode()))
                && (sex == null || sex == referral.sex())
                && (maxRisk == null || referral.risk() != null && referral.risk().compareTo(maxRisk) <= 0);
    }

    /** Some referral could match both rules: same need, and no dimension keeps them apart. */
    boolean overlaps(RoutingRule other) {
        return need == other.need
                && compatible(prisonCode, other.prisonCode) && compatible(areaCode, other.areaCode)
                && !(prisonCode != null && other.areaCode != null && other.prisonCode == null && areaCode == null)
                && !(areaCode != null && other.prisonCode != null && other.areaCode == null && prisonCode == null)
                && (sex == null || other.sex == null || sex == other.sex);
    }

    private static boolean compatible(String a, String b) {
        return a == null || b == null || a.equals(b);
    }
}
