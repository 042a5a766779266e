package uk.probation.gate.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.probation.gate.contracts.hmpps.HmppsDomainEvent;

/** asyncapi.yaml lists every event type on its topic, with the CloudEvents headers and the payload schema file. */
class AsyncApiTest {

    private static final JsonNode DOC = Contracts.asyncApi();

    @Test
    void isAValidAsyncApi3Document() {
        var spec = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(Contracts.readJson("/asyncapi-spec/asyncapi-3.0.0.schema.json"));

        assertThat(DOC.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(spec.validate(DOC)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsAMessageOnItsTopic(EventType type) {
        JsonNode message = messageOn(type.topic(), type.type());

        assertThat(message.at("/payload/$ref").asText()).isEqualTo("." + type.dataschema());
        JsonNode headers = message.at("/headers/allOf");
        assertThat(headers.get(0).path("$ref").asText()).isEqualTo("#/components/schemas/cloudEventHeaders");
        assertThat(headers.get(1).at("/properties/ce_type/const").asText()).isEqualTo(type.type());
        assertThat(headers.get(1).at("/properties/ce_dataschema/const").asText()).isEqualTo(type.dataschema());
        String key = message.at("/bindings/kafka/key/pattern").asText();
        assertThat(List.of("A1234BC", "X123456")).as("the key is the person's identifier").anyMatch(id -> id.matches(key));
    }

    @Test
    void inboundHmppsMovementsAreMessagesOnPrisonOffenderEvents() {
        for (String type : List.of(HmppsDomainEvent.PRISONER_RECEIVED, HmppsDomainEvent.PRISONER_RELEASED)) {
            JsonNode message = messageOn(Topics.PRISON_OFFENDER_EVENTS, type);

            assertThat(message.at("/payload/$ref").asText()).isEqualTo("." + Contracts.dataschema(type));
        }
    }

    @Test
    void cloudEventHeadersAreTheBinaryModeAttributes() {
        JsonNode headers = DOC.at("/components/schemas/cloudEventHeaders");

        assertThat(names(headers.path("required"))).containsExactlyInAnyOrder(
                CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE, CloudEventHeaders.SPECVERSION,
                CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT, CloudEventHeaders.DATASCHEMA,
                CloudEventHeaders.CONTENT_TYPE);
        assertThat(headers.at("/properties/ce_specversion/const").asText()).isEqualTo(CloudEventHeaders.SPEC_VERSION);
        assertThat(headers.at("/properties/content-type/const").asText()).isEqualTo(CloudEventHeaders.JSON);
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(DOC, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            if (ref.startsWith("#/")) {
                assertThat(DOC.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
            } else {
                assertThat(Contracts.exists(ref.substring(1))).as(ref).isTrue();
            }
        });
    }

    private static JsonNode messageOn(String topic, String type) {
        JsonNode channel = StreamSupport.stream(DOC.path("channels").spliterator(), false)
                .filter(c -> topic.equals(c.path("address").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("No channel for topic " + topic));
        return StreamSupport.stream(channel.path("messages").spliterator(), false)
                .map(ref -> DOC.at(ref.path("$ref").asText().substring(1)))
                .filter(m -> type.equals(m.path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("No message " + type + " on " + topic));
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if ("$ref".equals(field.getKey())) {
                refs.add(field.getValue().asText());
            }
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
