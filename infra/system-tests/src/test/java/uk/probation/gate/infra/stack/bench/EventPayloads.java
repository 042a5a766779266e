package uk.probation.gate.infra.stack.bench;

import java.nio.charset.StandardCharsets;

/** Fake payloads the size of a resettlement.prisoner.received event's data (identifiers and codes only). */
final class EventPayloads {

    private EventPayloads() {
    }

    static byte[] eventSized() {
        return ("{\"caseId\":\"00000000-0000-0000-0000-000000000000\",\"prisonNumber\":\"Z0000ZZ\",\"crn\":\"Z000000\","
                + "\"prisonCode\":\"NMI\",\"receivedOn\":\"2026-01-01\",\"expectedReleaseDate\":\"2026-06-01\","
                + "\"sex\":\"MALE\",\"riskOfSeriousHarm\":\"MEDIUM\",\"responsibleOfficerCode\":\"N01BEN\","
                + "\"screeningDueBy\":\"2026-01-08\",\"recall\":false,\"reason\":\"ADMISSION\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
