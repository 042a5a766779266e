package uk.probation.gate.referral;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.RiskOfSeriousHarm;
import uk.probation.gate.referral.domain.RoutingRule;
import uk.probation.gate.referral.domain.Sex;

/**
 * What the business may change without a release: the supply chain, the routing table the service starts with
 * (then edited at run time through the API), and how long an unanswered referral waits before it moves on.
 *
 * @param providers      the supply-chain providers (codes are what PROVIDER tokens carry)
 * @param seedRules      the routing table written when none exists yet
 * @param escalation     grace after the respond-by day, and how often overdue referrals are looked for
 * @param metricsRefresh how often the release-outcome gauges are recomputed from the store
 */
@ConfigurationProperties("referral")
public record ReferralProperties(List<Provider> providers, List<SeedRule> seedRules, Escalation escalation,
        Duration metricsRefresh) {

    public record Provider(String code, String name, List<Need> needs) {
    }

    public record SeedRule(Need need, String prisonCode, String areaCode, Sex sex, RiskOfSeriousHarm maxRisk,
            String providerCode, int priority, int responseDays) {

        public RoutingRule toRule() {
            return new RoutingRule(need, prisonCode, areaCode, sex, maxRisk, providerCode, priority, responseDays);
        }
    }

    public record Escalation(Duration grace, Duration interval) {
    }

    public ReferralProperties {
        providers = providers == null ? List.of() : List.copyOf(providers);
        seedRules = seedRules == null ? List.of() : List.copyOf(seedRules);
        escalation = escalation == null ? new Escalation(Duration.ofDays(1), Duration.ofMinutes(1)) : escalation;
    }
}
