package uk.probation.gate.platform.test;

import com.mongodb.client.MongoDatabase;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;

/**
 * Finds every collection of a service's database that holds a document naming a person (any of the identifiers,
 * anywhere in the document), so a subject access test can check that each one is in the report.
 */
public final class SarCoverage {

    private SarCoverage() {
    }

    /** Collections with at least one document whose JSON contains any of {@code identifiers}. */
    public static Set<String> collectionsNaming(MongoDatabase database, String... identifiers) {
        Set<String> naming = new TreeSet<>();
        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                String json = document.toJson();
                boolean names = false;
                for (String identifier : identifiers) {
                    if (identifier != null && json.contains(identifier)) {
                        names = true;
                        break;
                    }
                }
                if (names) {
                    naming.add(collection);
                    break;
                }
            }
        }
        return naming;
    }

    /**
     * Fails unless every collection naming the person is a key of the report's {@code content}, or one of
     * {@code excluded} (collection → why it is not personal data the person gets, e.g. the audit trail).
     */
    public static void assertReportCoversEveryCollection(MongoDatabase database, tools.jackson.databind.JsonNode content,
            Map<String, String> excluded, String... identifiers) {
        Set<String> missing = new TreeSet<>(collectionsNaming(database, identifiers));
        missing.removeAll(excluded.keySet());
        content.properties().forEach(entry -> missing.remove(entry.getKey()));
        if (!missing.isEmpty()) {
            throw new AssertionError("Collections that name the person but are not in the subject access report: "
                    + missing);
        }
    }
}
