package uk.probation.gate.resettlement.caseload;

import uk.probation.gate.platform.metrics.Labels;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.probation.gate.resettlement.domain.CaseStatus;
import uk.probation.gate.resettlement.domain.Due;
import uk.probation.gate.contracts.reference.Sex;

/**
 * Outcome gauges read from the cases themselves, so a corrected outcome corrects the figure: releases by
 * accommodation and by ETE status on release, and screenings overdue now. Labels are codes, never a person.
 */
@Component
class CaseloadMetrics {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final MultiGauge releasesByAccommodation;
    private final MultiGauge releasesByEte;
    private final MultiGauge overdueScreenings;
    private final MultiGauge overdueReviews;

    CaseloadMetrics(MongoTemplate mongo, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        this.releasesByAccommodation = MultiGauge.builder("resettlement.releases.accommodation")
                .description("People released, by accommodation status on release").register(meters);
        this.releasesByEte = MultiGauge.builder("resettlement.releases.ete")
                .description("People released, by education, training or employment status on release")
                .register(meters);
        this.overdueScreenings = MultiGauge.builder("resettlement.screenings.overdue")
                .description("Open cases whose screening and plan are past their deadline").register(meters);
        this.overdueReviews = MultiGauge.builder("resettlement.pre.release.reviews.overdue")
                .description("Open cases whose pre-release review is past its due date and not completed")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${resettlement.metrics-refresh:PT5M}", initialDelay = 1000)
    void refresh() {
        // one count of the released cases for both gauges, from the released_groups index alone (ADR 0013)
        List<Document> released = releasedGroups();
        releasesByAccommodation.register(releaseRows(released, "accommodationOnRelease", "accommodation"), true);
        releasesByEte.register(releaseRows(released, "eteOnRelease", "ete"), true);
        overdueScreenings.register(overdueByPrison(Due.SCREENING), true);
        // a completed review leaves nextDue, so only uncompleted reviews are counted
        overdueReviews.register(overdueByPrison(Due.PRE_RELEASE_REVIEW), true);
    }

    private List<MultiGauge.Row<?>> overdueByPrison(Due due) {
        Aggregation overdue = newAggregation(
                match(where("nextDue").is(due).and("nextDueBy").lt(LocalDate.now(clock))),
                group("prisonCode").count().as("count"));
        return mongo.aggregate(overdue, ResettlementCase.class, Document.class).getMappedResults()
                .stream().<MultiGauge.Row<?>>map(row -> MultiGauge.Row.of(
                        Tags.of("prison", Labels.prison(String.valueOf(row.get("_id")))), row.get("count", Number.class)))
                .toList();
    }

    /** Released cases counted by prison, sex, accommodation and ETE status on release. */
    private List<Document> releasedGroups() {
        Aggregation releases = newAggregation(match(where("status").is(CaseStatus.RELEASED)),
                group("prisonCode", "sex", "release.accommodationOnRelease", "release.eteOnRelease").count()
                        .as("count"));
        return mongo.aggregate(releases, ResettlementCase.class, Document.class).getMappedResults();
    }

    /** The groups summed by prison, sex and {@code field} ({@code label} in the gauge). */
    private static List<MultiGauge.Row<?>> releaseRows(List<Document> groups, String field, String label) {
        Map<Tags, Long> counts = new LinkedHashMap<>();
        for (Document row : groups) {
            Document id = row.get("_id", Document.class);
            Tags tags = Tags.of("prison", Labels.prison(String.valueOf(id.get("prisonCode"))), "sex",
                    Labels.known(String.valueOf(id.get("sex")), Sex.class), label, String.valueOf(id.get(field)));
            counts.merge(tags, row.get("count", Number.class).longValue(), Long::sum);
        }
        return counts.entrySet().stream().<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(), e.getValue()))
                .toList();
    }
}
