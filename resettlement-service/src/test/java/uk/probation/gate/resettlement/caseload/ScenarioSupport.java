package uk.probation.gate.resettlement.caseload;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import uk.probation.gate.platform.test.RunningService;
import uk.probation.gate.platform.test.Tokens;
import uk.probation.gate.platform.test.TopicReader;

/**
 * What every resettlement scenario needs beyond the shared harness ({@link RunningService}): a caseworker, test data.
 * Scenarios run against the embedded broker and Mongo wire server here and against real Kafka and MongoDB images
 * where Docker exists: stimulate through HTTP or the inbound topic, then read the outbound topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "resettlement.metrics-refresh=PT1S")
@org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics
abstract class ScenarioSupport extends RunningService {

    static final String RECEIVED = "resettlement.prisoner.received";
    static final String DLT = "resettlement-service.dlt";

    /** A caseworker signed in at the prisons these scenarios use (the {@code prisons} claim scopes every call). */
    String caseworker = Tokens.caseworkerAt("caseworker-" + getClass().getSimpleName(), prisonsUsed());

    /** The prisons this scenario class opens cases at. */
    abstract String[] prisonsUsed();

    long pendingOutbox(String caseId) {
        ResettlementCase found = mongo.findById(caseId, ResettlementCase.class);
        return found == null ? -1 : found.getOutbox().size();
    }

    static java.util.function.Predicate<TopicReader.Event> about(String prisonNumber) {
        return e -> RECEIVED.equals(e.header("ce_type")) && prisonNumber.equals(e.key());
    }

    static Map<String, Object> reception(String prisonNumber, String prisonCode, String receivedOn) {
        return Map.of("prisonNumber", prisonNumber, "prisonCode", prisonCode, "receivedOn", receivedOn,
                "expectedReleaseDate", LocalDate.parse(receivedOn).plusMonths(9).toString(), "sex", "MALE",
                "riskOfSeriousHarm", "MEDIUM", "responsibleOfficerCode", "N01RO1");
    }

    /** An HMPPS admission on {@code on}, with a NOMIS movement reason code when not null. */
    static String admission(String prisonNumber, String prisonId, LocalDate on, String movementReasonCode) {
        String json = hmpps(prisonNumber, "prison-offender-events.prisoner.received", "ADMISSION", prisonId, 1)
                .replace("2026-11-24T09:15:00Z", on + "T09:15:00Z");
        return movementReasonCode == null ? json : json.replace("\"reason\":\"ADMISSION\"",
                "\"reason\":\"ADMISSION\",\"nomisMovementReasonCode\":\"" + movementReasonCode + "\"");
    }

    static String hmpps(String prisonNumber, String eventType, String reason, String prisonId, int version) {
        return """
                {"eventType":"%s","version":%d,"occurredAt":"2026-11-24T09:15:00Z",
                 "description":"A prisoner has been received into prison",
                 "personReference":{"identifiers":[{"type":"NOMS","value":"%s"}]},
                 "additionalInformation":{"nomsNumber":"%s","prisonId":"%s","reason":"%s"}}
                """.formatted(eventType, version, prisonNumber, prisonNumber, prisonId, reason);
    }

}
