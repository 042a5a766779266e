package uk.probation.gate.referral.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.probation.gate.platform.outbox.AggregateDocument;
import uk.probation.gate.referral.domain.RoutingRule;
import uk.probation.gate.referral.domain.RoutingTable;

/** The one routing table, with its audit trail in the same document so a change and its record never part. */
@Document("routing-table")
public class RoutingRules extends AggregateDocument {

    static final String CURRENT = "current";

    /** Who changed the table, when, and the whole table before and after. */
    public record Change(String changedBy, Instant changedAt, List<RoutingRule> before, List<RoutingRule> after) {
    }

    private List<RoutingRule> rules = new ArrayList<>();
    private List<Change> changes = new ArrayList<>();

    protected RoutingRules() {
    }

    RoutingRules(List<RoutingRule> seed, Instant at) {
        super(CURRENT);
        this.rules = new ArrayList<>(seed);
        this.changes.add(new Change("seed", at, List.of(), List.copyOf(seed)));
    }

    void replace(List<RoutingRule> newRules, String changedBy, Instant at) {
        changes.add(new Change(changedBy, at, List.copyOf(rules), List.copyOf(newRules)));
        rules = new ArrayList<>(newRules);
    }

    /** Keeps only the newest {@code versions} changes (the oldest go first); returns how many went. */
    int keepLast(int versions) {
        int excess = changes.size() - Math.max(1, versions);
        if (excess <= 0) {
            return 0;
        }
        changes = new ArrayList<>(changes.subList(excess, changes.size()));
        return excess;
    }

    public RoutingTable table() {
        return new RoutingTable(rules);
    }

    public List<RoutingRule> getRules() {
        return rules;
    }

    public List<Change> getChanges() {
        return changes;
    }
}
