package uk.probation.gate.referral.release;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.NeedOnRelease;

/**
 * Releases where the plan needed accommodation (or ETE), by sex and whether it was secured: recomputed from the
 * joined records, so an outcome recorded after the release still counts and nothing counts twice.
 */
@Component
class ReleaseMetrics {

    private final MongoTemplate mongo;
    private final MultiGauge releasesWithNeed;

    ReleaseMetrics(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.releasesWithNeed = MultiGauge.builder("referral.releases.with.need")
                .description("People released whose plan needed accommodation or ETE, by sex and secured or not")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${referral.metrics-refresh:PT15S}", initialDelay = 1000)
    void refresh() {
        List<ReleaseOutcome> released = mongo.find(Query.query(where("release").ne(null)), ReleaseOutcome.class);
        Map<Tags, Integer> counts = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        count(released, Need.ACCOMMODATION, ReleaseOutcome::getAccommodation, counts);
        count(released, Need.EDUCATION_SKILLS_AND_WORK, ReleaseOutcome::getEte, counts);
        releasesWithNeed.register(counts.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue())).toList(), true);
    }

    private static void count(List<ReleaseOutcome> released, Need need, Function<ReleaseOutcome, NeedOnRelease> of,
            Map<Tags, Integer> counts) {
        for (ReleaseOutcome r : released) {
            NeedOnRelease n = of.apply(r);
            if (n != null && n.needed()) {
                Tags tags = Tags.of("need", need.name(), "sex", r.getSex() == null ? "UNKNOWN" : r.getSex().name(),
                        "outcome", n.secured() ? "SECURED" : "NOT_SECURED");
                counts.merge(tags, 1, Integer::sum);
            }
        }
    }
}
