package uk.probation.gate.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.contracts.hmpps.HmppsDomainEvent;

/** Pins the payload records to the schemas: what the services write with Jackson 3 is what the schemas describe. */
class PayloadRecordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordIsTheTypesPayloadType(EventType type) {
        assertThat(PayloadSamples.of(type)).isInstanceOf(type.payloadType());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void serialisedRecordMatchesItsSchemaFieldForField(EventType type) {
        String json = JSON.writeValueAsString(PayloadSamples.of(type));

        assertThat(Contracts.validate(type.dataschema(), json)).isEmpty();
        assertThat(notInSchema(type.dataschema(), json)).isEmpty();
        assertThat(notInRecord(type.dataschema(), json)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void primitiveFieldsAreRequired(EventType type) {
        // a primitive is always written, so consumers may rely on it
        List<String> primitives = Stream.of(type.payloadType().getRecordComponents())
                .filter(c -> c.getType().isPrimitive()).map(RecordComponent::getName).toList();

        assertThat(Contracts.readJson(type.dataschema()).path("required"))
                .extracting(JsonNode::asText).containsAll(primitives);
    }

    @ParameterizedTest
    @CsvSource({HmppsDomainEvent.PRISONER_RECEIVED + ", ADMISSION", HmppsDomainEvent.PRISONER_RELEASED + ", RELEASED"})
    void hmppsRecordMatchesTheInboundSchemaFieldForField(String eventType, String reason) {
        String dataschema = Contracts.dataschema(eventType);
        String json = JSON.writeValueAsString(PayloadSamples.hmpps(eventType, reason));

        assertThat(Contracts.validate(dataschema, json)).isEmpty();
        assertThat(notInSchema(dataschema, json)).isEmpty();
        assertThat(notInRecord(dataschema, json)).isEmpty();
    }

    static List<String> validExamples() {
        return Contracts.examples("valid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void validExampleReadsIntoItsRecordAndBack(String file) {
        String type = Contracts.typeOfExample(file).orElseThrow();
        Class<?> payloadType = EventType.fromType(type).<Class<?>>map(EventType::payloadType).orElse(HmppsDomainEvent.class);

        Object payload = JSON.readValue(Contracts.example("valid", file), payloadType);

        assertThat(Contracts.validate(Contracts.dataschema(type), JSON.writeValueAsString(payload))).isEmpty();
    }

    /** Properties of the JSON, at any depth, that the schema does not declare. */
    private static Set<String> notInSchema(String dataschema, String json) {
        Set<String> found = new TreeSet<>();
        compare(Contracts.readJson(dataschema), Contracts.parse(json), "", found, true);
        return found;
    }

    /** Properties the schema declares, at any depth, that the JSON does not carry. */
    private static Set<String> notInRecord(String dataschema, String json) {
        Set<String> found = new TreeSet<>();
        compare(Contracts.readJson(dataschema), Contracts.parse(json), "", found, false);
        return found;
    }

    private static void compare(JsonNode schema, JsonNode json, String path, Set<String> found, boolean jsonSide) {
        if (schema.has("properties") && json.isObject()) {
            JsonNode properties = schema.get("properties");
            for (String name : (jsonSide ? json : properties).properties().stream().map(Map.Entry::getKey).toList()) {
                JsonNode other = jsonSide ? properties.get(name) : json.get(name);
                if (other == null) {
                    found.add(path + "/" + name);
                } else {
                    compare(properties.get(name), json.get(name), path + "/" + name, found, jsonSide);
                }
            }
        }
        if (schema.has("items") && json.isArray()) {
            json.forEach(item -> compare(schema.get("items"), item, path + "[]", found, jsonSide));
        }
    }
}
