package uk.probation.gate.resettlement.outcomes;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.stereotype.Service;
import uk.probation.gate.resettlement.caseload.ResettlementCase;
import uk.probation.gate.resettlement.domain.AccommodationOnRelease;
import uk.probation.gate.resettlement.domain.CaseStatus;
import uk.probation.gate.resettlement.domain.EteOnRelease;

/**
 * People released, by where they went to live and whether they went to work, grouped by prison and/or sex. The
 * store counts (one group stage, a few hundred rows at most nationally); nothing about a person leaves it.
 * Releases HMPPS closed with the outcome unrecorded count as UNKNOWN until a caseworker records it.
 */
@Service
public class ReleaseOutcomes {

    public enum GroupBy {
        PRISON("prisonCode"), SEX("sex");

        private final String field;

        GroupBy(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** One group: its key fields ({@code prisonCode} and/or {@code sex}) then the counts and shares. */
    public record Figures(Map<String, String> key, long released, Map<AccommodationOnRelease, Long> accommodation,
            Map<EteOnRelease, Long> ete, double homelessShare, double noWorkShare) {
    }

    private final MongoTemplate mongo;

    ReleaseOutcomes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public List<Figures> releases(List<GroupBy> groupBy) {
        List<String> fields = new ArrayList<>(groupBy.stream().map(GroupBy::field).toList());
        fields.add("release.accommodationOnRelease");
        fields.add("release.eteOnRelease");
        Aggregation counts = newAggregation(match(where("status").is(CaseStatus.RELEASED)),
                group(fields.toArray(String[]::new)).count().as("count"));
        Map<List<String>, Counting> groups = new TreeMap<>(Comparator.comparing(Object::toString));
        for (Document row : mongo.aggregate(counts, ResettlementCase.class, Document.class).getMappedResults()) {
            Document id = row.get("_id", Document.class);
            List<String> key = groupBy.stream().map(g -> String.valueOf(id.get(g.field()))).toList();
            long count = row.get("count", Number.class).longValue();
            groups.computeIfAbsent(key, k -> new Counting()).add(
                    enumOr(AccommodationOnRelease.class, id.get("accommodationOnRelease"),
                            AccommodationOnRelease.UNKNOWN),
                    enumOr(EteOnRelease.class, id.get("eteOnRelease"), EteOnRelease.UNKNOWN), count);
        }
        List<Figures> figures = new ArrayList<>();
        groups.forEach((key, counting) -> {
            Map<String, String> named = new LinkedHashMap<>();
            for (int i = 0; i < groupBy.size(); i++) {
                named.put(groupBy.get(i).field(), key.get(i));
            }
            figures.add(counting.figures(named));
        });
        return figures;
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, Object value, E otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.toString());
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }

    private static final class Counting {
        private final Map<AccommodationOnRelease, Long> accommodation = new EnumMap<>(AccommodationOnRelease.class);
        private final Map<EteOnRelease, Long> ete = new EnumMap<>(EteOnRelease.class);
        private long released;

        Counting() {
            for (AccommodationOnRelease a : AccommodationOnRelease.values()) {
                accommodation.put(a, 0L);
            }
            for (EteOnRelease e : EteOnRelease.values()) {
                ete.put(e, 0L);
            }
        }

        void add(AccommodationOnRelease a, EteOnRelease e, long count) {
            accommodation.merge(a, count, Long::sum);
            ete.merge(e, count, Long::sum);
            released += count;
        }

        Figures figures(Map<String, String> key) {
            double homeless = released == 0 ? 0 : (double) accommodation.get(AccommodationOnRelease.NO_FIXED_ABODE)
                    / released;
            double noWork = released == 0 ? 0 : (double) ete.get(EteOnRelease.NONE) / released;
            return new Figures(key, released, accommodation, ete, homeless, noWork);
        }
    }
}
