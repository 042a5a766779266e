package uk.probation.gate.referral.routing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import uk.probation.gate.contracts.reference.ReferenceData;
import uk.probation.gate.platform.outbox.AggregateStore;
import uk.probation.gate.platform.failure.Conflict;
import uk.probation.gate.platform.failure.RuleViolated;
import uk.probation.gate.platform.failure.Violation;
import uk.probation.gate.referral.ReferralProperties;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.RoutingRule;
import uk.probation.gate.referral.domain.RoutingTable;

/**
 * The providers (from the shared {@link ReferenceData}) and the routing table every referral is routed by; the table
 * is seeded once from configuration.
 */
@Service
public class Routing {

    private static final Logger log = LoggerFactory.getLogger(Routing.class);

    private final AggregateStore store;
    private final ReferralProperties properties;
    private final Clock clock;
    private final Map<String, Provider> providers;

    Routing(AggregateStore store, ReferralProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.providers = new LinkedHashMap<>();
        ReferenceData.PROVIDERS.forEach(p -> providers.put(p.code(), Provider.of(p)));
    }

    /** The supply chain, from the shared reference data (the same codes notifications and the web app use). */
    public List<Provider> providers() {
        return List.copyOf(providers.values());
    }

    public Set<String> providerCodes() {
        return providers.keySet();
    }

    public Optional<Provider> provider(String code) {
        return Optional.ofNullable(code == null ? null : providers.get(code));
    }

    /** Each provider's needs: what a routing rule's provider must meet. */
    private Map<String, Set<Need>> providerNeeds() {
        Map<String, Set<Need>> needs = new LinkedHashMap<>();
        providers.values().forEach(p -> needs.put(p.code(), p.needs().isEmpty() ? EnumSet.noneOf(Need.class)
                : EnumSet.copyOf(p.needs())));
        return needs;
    }

    /**
     * Writes the seed table at start-up if none is stored, so its audit row is the service's own ("system"), not the
     * first reader's; a store not reachable yet leaves it to the first reader. Wrong seed rules fail the start.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void seedAtStartUp() {
        org.slf4j.MDC.put(uk.probation.gate.platform.audit.AuditTrail.CAUSE, "seed");
        try {
            current();
        } catch (org.springframework.dao.DataAccessException e) {
            log.warn("The routing table could not be seeded at start-up; the first reader seeds it", e);
        } finally {
            org.slf4j.MDC.remove(uk.probation.gate.platform.audit.AuditTrail.CAUSE);
        }
    }

    public RoutingTable table() {
        return current().table();
    }

    /** The stored table; the first reader of an empty store writes the seed (a second instance's insert loses). */
    public RoutingRules current() {
        RoutingRules found = store.findById(RoutingRules.CURRENT, RoutingRules.class);
        if (found != null) {
            return found;
        }
        List<RoutingRule> seed = properties.seedRules().stream().map(ReferralProperties.SeedRule::toRule).toList();
        List<RoutingTable.Violation> violations = RoutingTable.check(seed, providerNeeds());
        if (!violations.isEmpty()) {
            throw new IllegalStateException("The configured seed routing rules are wrong: " + violations);
        }
        try {
            return store.save(new RoutingRules(seed, clock.instant()));
        } catch (DuplicateKeyException seededElsewhere) {
            return store.findById(RoutingRules.CURRENT, RoutingRules.class);
        }
    }

    /**
     * Bounds the table's history to the newest {@code versions} changes (retention); returns how many older
     * changes went. A table changed meanwhile is left for the next run.
     */
    public int keepLastChanges(int versions) {
        RoutingRules table = store.findById(RoutingRules.CURRENT, RoutingRules.class);
        if (table == null) {
            return 0;
        }
        int removed = table.keepLast(versions);
        if (removed > 0) {
            store.save(table);
        }
        return removed;
    }

    /**
     * Replaces the whole table if it makes sense (else 422 naming each wrong field); the change is audited. With an
     * expected version (the ETag the admin read), a table changed meanwhile is refused with 409.
     */
    public RoutingRules replace(List<RoutingRule> rules, String changedBy, Long expectedVersion) {
        List<RoutingTable.Violation> violations = RoutingTable.check(rules, providerNeeds());
        if (!violations.isEmpty()) {
            throw new RuleViolated(violations.stream().map(v -> v.field() + ": " + v.message())
                    .collect(Collectors.joining("; ")), violations.stream()
                    .map(v -> new Violation(v.field(), v.message())).toList());
        }
        RoutingRules table = current();
        if (expectedVersion != null && !expectedVersion.equals(table.getVersion())) {
            throw new Conflict("The routing table changed since version " + expectedVersion
                    + " was read; it is now version " + table.getVersion());
        }
        table.replace(new ArrayList<>(rules), changedBy, clock.instant());
        store.save(table);
        log.info("Routing table replaced by {}: {} rules", changedBy, rules.size());
        return table;
    }
}
