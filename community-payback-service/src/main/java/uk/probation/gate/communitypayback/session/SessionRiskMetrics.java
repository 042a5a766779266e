package uk.probation.gate.communitypayback.session;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.probation.gate.communitypayback.domain.SessionRisk;
import uk.probation.gate.communitypayback.domain.SessionStatus;
import uk.probation.gate.platform.metrics.Labels;

/**
 * Sessions coming up that will send people home unless someone acts: over-booked or without a supervisor, per area
 * and risk, read from the sessions themselves so a fix clears the figure.
 */
@Component
class SessionRiskMetrics {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final int horizonDays;
    private final MultiGauge atRisk;

    SessionRiskMetrics(MongoTemplate mongo, Clock clock, MeterRegistry meters,
            @Value("${community-payback.risk-horizon-days:14}") int horizonDays) {
        this.mongo = mongo;
        this.clock = clock;
        this.horizonDays = horizonDays;
        this.atRisk = MultiGauge.builder("community_payback.sessions.at.risk")
                .description("Sessions from today over the risk horizon that are over-booked or have no supervisor")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${community-payback.metrics-refresh:PT5M}", initialDelay = 1000)
    void refresh() {
        LocalDate today = LocalDate.now(clock);
        // the horizon's days by equality: served by the date index, never a read of every session (ADR 0013)
        List<Session> upcoming = mongo.find(query(where("date").in(Sessions.days(today, today.plusDays(horizonDays)))
                .and("status").is(SessionStatus.SCHEDULED)), Session.class);
        Map<List<String>, Integer> counts = new TreeMap<>((a, b) -> String.join("|", a).compareTo(String.join("|", b)));
        for (Session s : upcoming) {
            for (SessionRisk risk : s.risks()) {
                // an area outside the reference codes is counted as "other" (Labels), merged into one row
                counts.merge(List.of(Labels.area(s.getAreaCode()), risk.name()), 1, Integer::sum);
            }
        }
        atRisk.register(counts.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("area", e.getKey().get(0), "reason",
                        e.getKey().get(1)), e.getValue()))
                .toList(), true);
    }
}
