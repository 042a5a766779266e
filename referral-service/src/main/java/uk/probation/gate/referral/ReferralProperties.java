package uk.probation.gate.referral;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.referral.domain.RoutingRule;
import uk.probation.gate.contracts.reference.Sex;

/**
 * What the business may change without a release: the routing table the service starts with (then edited at run
 * time through the API), how long an unanswered referral waits before it moves on, the stage deadlines a rule does
 * not set, and the desired outcomes a plan's referral starts with. The providers themselves are the shared
 * reference data ({@code ReferenceData.PROVIDERS}), not configuration.
 *
 * @param seedRules       the routing table written when none exists yet
 * @param escalation      grace after a deadline day, and how often overdue referrals are looked for
 * @param metricsRefresh  how often the release-outcome gauges are recomputed from the store
 * @param stages          days to start after acceptance and to record an outcome after the start, when the rule
 *                        that sent the referral does not say
 * @param desiredOutcomes per need, the desired outcomes (UPPER_SNAKE codes) a referral from a plan starts with
 */
@ConfigurationProperties("referral")
public record ReferralProperties(List<SeedRule> seedRules, Escalation escalation, Duration metricsRefresh,
        Stages stages, Map<Need, List<String>> desiredOutcomes) {

    public record SeedRule(Need need, String prisonCode, String areaCode, Sex sex, RiskOfSeriousHarm maxRisk,
            String providerCode, int priority, int responseDays, Integer startDays, Integer outcomeDays) {

        public RoutingRule toRule() {
            return new RoutingRule(need, prisonCode, areaCode, sex, maxRisk, providerCode, priority, responseDays,
                    startDays, outcomeDays);
        }
    }

    public record Escalation(Duration grace, Duration interval) {
    }

    public record Stages(int startDays, int outcomeDays) {
    }

    public ReferralProperties {
        seedRules = seedRules == null ? List.of() : List.copyOf(seedRules);
        escalation = escalation == null ? new Escalation(Duration.ofDays(1), Duration.ofMinutes(1)) : escalation;
        stages = stages == null ? new Stages(10, 56) : stages;
        desiredOutcomes = desiredOutcomes == null ? Map.of() : Map.copyOf(desiredOutcomes);
    }

    /** The desired outcomes a plan's referral for this need starts with (none configured: none). */
    public List<String> desiredOutcomesFor(Need need) {
        return desiredOutcomes.getOrDefault(need, List.of());
    }
}
