package uk.probation.gate.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaCatalogueTest {

    static List<String> schemaFiles() {
        return Contracts.schemaFiles();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasASchemaAtItsDataschema(EventType type) {
        assertThat(type.dataschema()).isEqualTo("/schemas/" + type.type() + "/v" + type.version() + ".json");
        assertThat(Contracts.exists(type.dataschema())).as(type.dataschema()).isTrue();
    }

    @Test
    void inboundHmppsMovementsHaveSchemas() {
        assertThat(Contracts.schemaFiles()).contains(
                "/schemas/prison-offender-events.prisoner.received/v1.json",
                "/schemas/prison-offender-events.prisoner.released/v1.json");
    }

    @Test
    void everySchemaFileBelongsToAKnownType() {
        List<String> known = Contracts.allTypes().stream().map(Contracts::dataschema).toList();

        assertThat(Contracts.schemaFiles()).allMatch(known::contains);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void schemaIsValidDraft202012(String file) {
        JsonNode schema = Contracts.readJson(file);

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(Contracts.validateAgainstMetaSchema(schema)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFiles")
    void everyObjectToleratesUnknownFields(String file) {
        List<String> closed = new ArrayList<>();
        walk(Contracts.readJson(file), "", closed);

        assertThat(closed).as("objects without additionalProperties: true").isEmpty();
    }

    private static void walk(JsonNode node, String path, List<String> closed) {
        if ("object".equals(node.path("type").asText()) && !node.path("additionalProperties").asBoolean(false)) {
            closed.add(path.isEmpty() ? "/" : path);
        }
        if (node.isContainerNode()) {
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                walk(child.getValue(), path + "/" + child.getKey(), closed);
            }
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, closed);
            }
        }
    }
}
