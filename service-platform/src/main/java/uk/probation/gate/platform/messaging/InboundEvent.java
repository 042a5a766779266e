package uk.probation.gate.platform.messaging;

import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/** An event as a consumer sees it: the CloudEvents attributes and the JSON data. */
public record InboundEvent(
        String id,
        String type,
        String source,
        String subject,
        OffsetDateTime time,
        String dataschema,
        JsonNode data) {
}
