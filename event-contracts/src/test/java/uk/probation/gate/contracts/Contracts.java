package uk.probation.gate.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import uk.probation.gate.contracts.hmpps.HmppsDomainEvent;

/** Test access to the module's contract files: schemas, the AsyncAPI document and the example payloads. */
final class Contracts {

    /** Inbound HMPPS types: not published by us, so not in {@link EventType}, but schema'd all the same. */
    static final List<String> INBOUND_TYPES = List.of(HmppsDomainEvent.PRISONER_RECEIVED, HmppsDomainEvent.PRISONER_RELEASED);

    static final ObjectMapper JSON = new ObjectMapper();
    static final YAMLMapper YAML = new YAMLMapper();

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // formats (date, date-time) are only annotations in 2020-12 unless asserted
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private Contracts() {
    }

    static List<String> allTypes() {
        List<String> types = new ArrayList<>(Stream.of(EventType.values()).map(EventType::type).toList());
        types.addAll(INBOUND_TYPES);
        return types;
    }

    static String dataschema(String type) {
        return EventType.fromType(type).map(EventType::dataschema).orElse("/schemas/" + type + "/v1.json");
    }

    static JsonSchema schema(String dataschema) {
        return FACTORY.getSchema(SchemaLocation.of("classpath:" + dataschema.substring(1)), CONFIG);
    }

    static Set<ValidationMessage> validate(String dataschema, String json) {
        return schema(dataschema).validate(json, InputFormat.JSON);
    }

    static Set<ValidationMessage> validateAgainstMetaSchema(JsonNode schema) {
        return FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), CONFIG).validate(schema);
    }

    static Path resource(String path) {
        URL url = Contracts.class.getResource(path);
        if (url == null) {
            throw new IllegalArgumentException("Not on the classpath: " + path);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean exists(String path) {
        return Contracts.class.getResource(path) != null;
    }

    /** Every schema file under /schemas, as /schemas/&lt;type&gt;/v&lt;n&gt;.json. */
    static List<String> schemaFiles() {
        Path root = resource("/schemas");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> "/schemas/" + root.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> examples(String kind) {
        try (Stream<Path> files = Files.list(resource("/examples/" + kind))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String example(String kind, String file) {
        return read("/examples/" + kind + "/" + file);
    }

    /** The type an example file is for: {@code <type>.json} or {@code <type>-<what>.json}. */
    static Optional<String> typeOfExample(String file) {
        return allTypes().stream()
                .filter(type -> file.equals(type + ".json") || file.startsWith(type + "-"))
                .findFirst();
    }

    static String read(String path) {
        try {
            return Files.readString(resource(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readJson(String path) {
        return parse(read(path));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode asyncApi() {
        try {
            return YAML.readTree(read("/asyncapi.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
