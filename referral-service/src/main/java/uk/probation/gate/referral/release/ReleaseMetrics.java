package uk.probation.gate.referral.release;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import uk.probation.gate.platform.metrics.Labels;
import uk.probation.gate.platform.outbox.OutboxRelay;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.Outcome;
import uk.probation.gate.contracts.reference.Sex;

/**
 * Releases where the plan needed accommodation (or ETE), by sex and whether it was secured: recomputed from the
 * joined records (grouped in the store), so an outcome recorded after the release still counts and nothing counts
 * twice.
 */
@Component
class ReleaseMetrics {

    private static final Map<Need, String> FIELDS = Map.of(Need.ACCOMMODATION, "accommodation",
            Need.EDUCATION_SKILLS_AND_WORK, "ete");

    static final String RELEASED_BACKFILL = "release-outcomes-released-backfill";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final int releaseSoonDays;
    private final MultiGauge releasesWithNeed;
    private final MultiGauge dueWithoutAccommodation;

    ReleaseMetrics(MongoTemplate mongo, Clock clock, MeterRegistry meters,
            @Value("${referral.release-soon-days:14}") int releaseSoonDays) {
        this.mongo = mongo;
        this.clock = clock;
        this.releaseSoonDays = releaseSoonDays;
        this.dueWithoutAccommodation = MultiGauge.builder("referral.releases.due.without.accommodation")
                .description("People expected out within the next days whose plan needs accommodation and whose "
                        + "accommodation referral nobody has accepted")
                .register(meters);
        this.releasesWithNeed = MultiGauge.builder("referral.releases.with.need")
                .description("People released whose plan needed accommodation or ETE, by sex and secured or not")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${referral.metrics-refresh:PT5M}", initialDelay = 1000)
    void refresh() {
        markReleasedOnce();
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        FIELDS.forEach((need, field) -> count(need, field).forEach((tags, count) ->
                rows.add(MultiGauge.Row.of(tags, count))));
        releasesWithNeed.register(rows, true);
        dueWithoutAccommodation.register(dueSoonWithoutAccommodation(), true);
    }

    /** Not yet released, expected out from today to the horizon, accommodation needed and not accepted by anyone. */
    private List<MultiGauge.Row<?>> dueSoonWithoutAccommodation() {
        LocalDate today = LocalDate.now(clock);
        Aggregation due = newAggregation(
                match(new Criteria().andOperator(DueForRelease.within(today, releaseSoonDays),
                        DueForRelease.neededNotAccepted(DueForRelease.ACCOMMODATION))),
                group("prisonCode", "sex").count().as("count"));
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Document row : mongo.aggregate(due, ReleaseOutcome.class, Document.class).getMappedResults()) {
            Document id = row.get("_id", Document.class);
            rows.add(MultiGauge.Row.of(Tags.of("prison", Labels.prison(id.get("prisonCode") == null ? null
                    : id.get("prisonCode").toString()),
                    "sex", id.get("sex") == null ? "UNKNOWN" : id.get("sex").toString()),
                    row.get("count", Number.class)));
        }
        return rows;
    }

    /**
     * How many released people needed it, by sex and secured or not: one count per sex and outcome, each answered by
     * the {@code released_<field>} index alone, so a refresh reads no document however many releases are stored
     * (grouping them read every release twice every five minutes: seconds of the store's time at 100,000 people, with
     * the collection locked meanwhile, ADR 0013).
     */
    private Map<Tags, Long> count(Need need, String field) {
        List<Sex> sexes = new ArrayList<>(List.of(Sex.values()));
        sexes.add(null);
        List<Outcome> outcomes = new ArrayList<>(List.of(Outcome.values()));
        outcomes.add(null);
        Map<Tags, Long> counts = new LinkedHashMap<>();
        for (Sex sex : sexes) {
            for (Outcome outcome : outcomes) {
                long n = mongo.count(Query.query(where(field + ".needed").is(true).and("released").is(true)
                        .and("sex").is(sex).and(field + ".outcome").is(outcome)), ReleaseOutcome.class);
                if (n == 0) {
                    continue; // as grouping did: no row where nobody is
                }
                Tags tags = Tags.of("need", need.name(), "sex", sex == null ? "UNKNOWN" : sex.name(),
                        "outcome", outcome != null && outcome.secured() ? "SECURED" : "NOT_SECURED");
                counts.merge(tags, n, Long::sum);
            }
        }
        return counts;
    }

    /**
     * Records stored before {@code released} existed get it, once per database (recorded in the platform's
     * migrations): the one read of every release, on the first refresh after the upgrade.
     */
    private void markReleasedOnce() {
        // one read by id per refresh: whether it was done is asked of the store, so any instance may do it once
        Query done = Query.query(where("_id").is(RELEASED_BACKFILL));
        if (!mongo.exists(done, OutboxRelay.MIGRATIONS)) {
            mongo.updateMulti(Query.query(where("release").ne(null).and("released").ne(true)),
                    new Update().set("released", true), ReleaseOutcome.class);
            mongo.upsert(done, new Update().set("at", clock.instant()), OutboxRelay.MIGRATIONS);
        }
    }
}
