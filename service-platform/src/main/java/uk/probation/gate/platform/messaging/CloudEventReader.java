package uk.probation.gate.platform.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.contracts.CloudEventHeaders;

/** Reads a binary-mode CloudEvent from a Kafka message, whichever way the header mapper typed the headers. */
public class CloudEventReader {

    private final JsonMapper json;

    public CloudEventReader(JsonMapper json) {
        this.json = json;
    }

    public InboundEvent read(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        String id = required(headers, CloudEventHeaders.ID);
        String type = required(headers, CloudEventHeaders.TYPE);
        String time = header(headers, CloudEventHeaders.TIME);
        return new InboundEvent(id, type, header(headers, CloudEventHeaders.SOURCE),
                header(headers, CloudEventHeaders.SUBJECT), parseTime(time),
                header(headers, CloudEventHeaders.DATASCHEMA), parse(message.getPayload()));
    }

    public JsonNode parse(byte[] payload) {
        try {
            JsonNode node = json.readTree(payload);
            if (node == null || !node.isObject()) {
                throw new PoisonEventException("Event data is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new PoisonEventException("Event data is not JSON", e);
        }
    }

    /** The event's data as {@code type}; data that is not an object of that shape is a poison event. */
    public <T> T payload(InboundEvent event, Class<T> type) {
        if (event.data() == null || !event.data().isObject()) {
            throw new PoisonEventException(event.type() + " without a JSON object as data");
        }
        try {
            return json.treeToValue(event.data(), type);
        } catch (JacksonException e) {
            throw new PoisonEventException("Unreadable " + event.type() + " data", e);
        }
    }

    public static String header(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, UTF_8);
        }
        return value == null ? null : value.toString();
    }

    private static String required(MessageHeaders headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("Missing CloudEvents attribute " + name);
        }
        return value;
    }

    private static OffsetDateTime parseTime(String time) {
        try {
            return time == null ? null : OffsetDateTime.parse(time);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("Unreadable ce_time", e);
        }
    }
}
