package uk.probation.gate.referral.lifecycle;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.Outcome;
import uk.probation.gate.referral.routing.Provider;

/**
 * Per provider and period, from the referrals' own history (each step with its provider and time): referrals
 * received (sent to it), accepted, declined (not counting "no response", which is an escalation), escalations at
 * any stage, the median days from sent to accepted and from accepted to started, and outcomes by need. A step
 * counts in the period it happened in (UTC days, both ends included). The same figures, since the service started,
 * are the Prometheus series the referrals dashboard shows.
 */
@Service
public class ProviderPerformance {

    public record OutcomeCount(Need need, Outcome outcome, long count) {
    }

    public record Item(String providerCode, String providerName, long referralsReceived, long accepted,
            long declined, long escalations, Double medianDaysToAccept, Double medianDaysToStart,
            List<OutcomeCount> outcomes) {
    }

    private static final double SECONDS_A_DAY = 86_400d;

    private final MongoTemplate mongo;

    ProviderPerformance(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One item per provider given, in the order given. */
    public List<Item> of(List<Provider> providers, LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Query query = Query.query(where("history.at").gte(start));
        if (providers.size() == 1) {
            query.addCriteria(where("history.providerCode").is(providers.get(0).code()));
        }
        List<Referral> referrals = mongo.find(query, Referral.class);
        List<Item> items = new ArrayList<>();
        for (Provider provider : providers) {
            items.add(item(provider, referrals, start, end));
        }
        return items;
    }

    private static Item item(Provider provider, List<Referral> referrals, Instant start, Instant end) {
        String code = provider.code();
        long received = 0;
        long accepted = 0;
        long declined = 0;
        long escalations = 0;
        List<Double> toAccept = new ArrayList<>();
        List<Double> toStart = new ArrayList<>();
        Map<String, Long> outcomes = new TreeMap<>();
        for (Referral r : referrals) {
            Instant sentAt = null;
            Instant acceptedAt = null;
            for (Referral.HistoryEntry h : r.getHistory()) {
                if (!code.equals(h.providerCode())) {
                    continue;
                }
                boolean inPeriod = !h.at().isBefore(start) && h.at().isBefore(end);
                switch (h.status()) {
                    case SENT -> {
                        sentAt = h.at();
                        received += inPeriod ? 1 : 0;
                    }
                    case ACCEPTED -> {
                        acceptedAt = h.at();
                        if (inPeriod) {
                            accepted++;
                            if (sentAt != null) {
                                toAccept.add(days(sentAt, h.at()));
                            }
                        }
                    }
                    case IN_PROGRESS -> {
                        if (inPeriod && acceptedAt != null) {
                            toStart.add(days(acceptedAt, h.at()));
                        }
                    }
                    case DECLINED -> declined += inPeriod && !Referrals.NO_RESPONSE.equals(h.reason()) ? 1 : 0;
                    case OUTCOME_RECORDED -> {
                        if (inPeriod && h.outcome() != null) {
                            outcomes.merge(r.getNeed().name() + "|" + h.outcome().name(), 1L, Long::sum);
                        }
                    }
                    default -> {
                    }
                }
            }
            escalations += r.getEscalations().stream().filter(e -> code.equals(e.providerCode())
                    && !e.at().isBefore(start) && e.at().isBefore(end)).count();
        }
        List<OutcomeCount> byNeed = outcomes.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("\\|");
            return new OutcomeCount(Need.valueOf(key[0]), Outcome.valueOf(key[1]), e.getValue());
        }).sorted(Comparator.comparing(OutcomeCount::need).thenComparing(OutcomeCount::outcome)).toList();
        return new Item(code, provider.name(), received, accepted, declined, escalations, median(toAccept),
                median(toStart), byNeed);
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / SECONDS_A_DAY;
    }

    /** The median in days, to two decimals; null when nothing happened. */
    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
        return Math.round(median * 100) / 100d;
    }

}
