package uk.probation.gate.referral.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The routing rules as data: which provider a referral goes to next, and whether a new table makes sense. */
public final class RoutingTable {

    /** A reason a proposed table is refused, naming the rule's field, e.g. {@code rules[2].providerCode}. */
    public record Violation(String field, String message) {
    }

    private static final Comparator<RoutingRule> FIRST_TRIED =
            Comparator.comparingInt(RoutingRule::priority).thenComparing(RoutingRule::providerCode);

    private final List<RoutingRule> rules;

    public RoutingTable(List<RoutingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<RoutingRule> rules() {
        return rules;
    }

    /** The first matching rule, by priority, whose provider has not already had this referral. */
    public Optional<RoutingRule> next(RoutingCriteria referral, Collection<String> providersTried) {
        return rules.stream().filter(rule -> rule.matches(referral))
                .filter(rule -> !providersTried.contains(rule.providerCode()))
                .min(FIRST_TRIED);
    }

    /**
     * Everything wrong with a proposed table: unknown providers, a provider that does not meet the rule's need,
     * nonsense numbers, a rule naming both a prison and an area, and two rules of equal priority that the same
     * referral could match (which one wins would be luck). {@code providerNeeds}: each known provider's needs.
     */
    public static List<Violation> check(List<RoutingRule> rules, Map<String, Set<Need>> providerNeeds) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RoutingRule rule = rules.get(i);
            String at = "rules[" + i + "].";
            if (rule.need() == null) {
                violations.add(new Violation(at + "need", "is required"));
            }
            if (rule.providerCode() == null || !providerNeeds.containsKey(rule.providerCode())) {
                violations.add(new Violation(at + "providerCode", "is not a known provider"));
            } else if (rule.need() != null && !providerNeeds.get(rule.providerCode()).contains(rule.need())) {
                violations.add(new Violation(at + "providerCode", rule.providerCode() + " does not meet the need "
                        + rule.need() + (providerNeeds.get(rule.providerCode()).isEmpty() ? " (it meets none)"
                        : " (it meets " + providerNeeds.get(rule.providerCode()) + ")")));
            }
            if (rule.prisonCode() != null && rule.areaCode() != null) {
                violations.add(new Violation(at + "areaCode", "give a prisonCode or an areaCode, not both"));
            }
            if (rule.priority() < 1) {
                violations.add(new Violation(at + "priority", "must be 1 or more"));
            }
            if (rule.responseDays() < 0 || rule.responseDays() > 90) {
                violations.add(new Violation(at + "responseDays", "must be between 0 and 90"));
            }
            if (rule.startDays() != null && (rule.startDays() < 0 || rule.startDays() > 365)) {
                violations.add(new Violation(at + "startDays", "must be between 0 and 365"));
            }
            if (rule.outcomeDays() != null && (rule.outcomeDays() < 0 || rule.outcomeDays() > 730)) {
                violations.add(new Violation(at + "outcomeDays", "must be between 0 and 730"));
            }
            for (int j = 0; j < i; j++) {
                RoutingRule earlier = rules.get(j);
                if (rule.need() != null && earlier.priority() == rule.priority() && earlier.overlaps(rule)) {
                    violations.add(new Violation(at + "priority", "overlaps rules[" + j + "] with the same priority "
                            + rule.priority()));
                }
            }
        }
        return violations;
    }
}
