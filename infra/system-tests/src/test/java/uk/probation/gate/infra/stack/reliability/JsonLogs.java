package uk.probation.gate.infra.stack.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A component's log as the JSON (ECS) lines it writes: message, logger, traceId. Lines that are not JSON are skipped. */
final class JsonLogs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Line(String timestamp, String logger, String message, String traceId) {
    }

    private JsonLogs() {
    }

    static List<Line> read(Path logFile) {
        List<String> raw;
        try {
            raw = Files.exists(logFile) ? Files.readAllLines(logFile, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Line> lines = new ArrayList<>();
        for (String text : raw) {
            if (!text.startsWith("{")) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(text);
                lines.add(new Line(node.path("@timestamp").asString(""), node.path("log").path("logger").asString(""),
                        node.path("message").asString(""), node.path("traceId").asString("")));
            } catch (RuntimeException cutShort) {
                // the last line of a log being written
            }
        }
        return lines;
    }

    static List<Line> withTrace(Path logFile, String traceId) {
        return read(logFile).stream().filter(line -> traceId.equals(line.traceId())).toList();
    }
}
