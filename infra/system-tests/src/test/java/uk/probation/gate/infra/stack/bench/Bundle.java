package uk.probation.gate.infra.stack.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Everything the services stored about one template person, as raw documents per database and collection, and the
 * strings that identify them (prison number, CRN, the ids of their case, order, referrals, ...), which a clone
 * replaces with fresh ones.
 */
record Bundle(String kind, String prisonNumber, String crn, String prisonCode, String areaCode,
        Map<String, List<Document>> byCollection, Set<String> identities) {

    /** {@code database/collection} → documents. */
    static Map<String, List<Document>> empty() {
        return new LinkedHashMap<>();
    }

    void add(String database, String collection, Document document) {
        byCollection.computeIfAbsent(database + "/" + collection, k -> new ArrayList<>()).add(document);
    }

    int documents() {
        return byCollection.values().stream().mapToInt(List::size).sum();
    }

    /** e.g. "resettlement/cases ×1, referral/people ×1" for the report. */
    String shape() {
        List<String> parts = new ArrayList<>();
        byCollection.forEach((where, docs) -> parts.add(where + " ×" + docs.size()));
        return String.join(", ", parts);
    }
}
