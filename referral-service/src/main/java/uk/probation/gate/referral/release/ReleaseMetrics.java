package uk.probation.gate.referral.release;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import uk.probation.gate.platform.metrics.Labels;
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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.Outcome;

/**
 * Releases where the plan needed accommodation (or ETE), by sex and whether it was secured: recomputed from the
 * joined records (grouped in the store), so an outcome recorded after the release still counts and nothing counts
 * twice.
 */
@Component
class ReleaseMetrics {

    private static final Map<Need, String> FIELDS = Map.of(Need.ACCOMMODATION, "accommodation",
            Need.EDUCATION_SKILLS_AND_WORK, "ete");

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

    private Map<Tags, Long> count(Need need, String field) {
        Aggregation releases = newAggregation(
                match(where("release").ne(null).and(field + ".needed").is(true)),
                group("sex", field + ".outcome").count().as("count"));
        Map<Tags, Long> counts = new LinkedHashMap<>();
        for (Document row : mongo.aggregate(releases, ReleaseOutcome.class, Document.class).getMappedResults()) {
            Document id = row.get("_id", Document.class);
            Object outcome = id.get("outcome");
            boolean secured = outcome != null && Outcome.valueOf(outcome.toString()).secured();
            Tags tags = Tags.of("need", need.name(), "sex", id.get("sex") == null ? "UNKNOWN" : id.get("sex").toString(),
                    "outcome", secured ? "SECURED" : "NOT_SECURED");
            counts.merge(tags, row.get("count", Number.class).longValue(), Long::sum);
        }
        return counts;
    }
}
