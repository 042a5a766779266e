package uk.probation.gate.infra.stack;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/** How the launcher tells that a child it started is ready for the next one to depend on it. */
interface Readiness {

    /**
     * @param logFile    the child's log, which every run appends to
     * @param fromOffset where this run's output starts in it: what an earlier run printed does not count
     */
    boolean isReady(Path logFile, long fromOffset);

    /** The child prints a line like {@code KAFKA READY 127.0.0.1:9092} once it accepts connections. */
    static Readiness logLine(String marker) {
        return (logFile, fromOffset) -> {
            if (!Files.exists(logFile)) {
                return false;
            }
            try (SeekableByteChannel channel = Files.newByteChannel(logFile)) {
                long size = channel.size();
                if (size <= fromOffset) {
                    return false;
                }
                channel.position(fromOffset);
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, size - fromOffset));
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // read this run's output
                }
                return new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1).contains(marker);
            } catch (IOException e) {
                return false;
            }
        };
    }

    /** An HTTP endpoint answers 200. */
    static Readiness http200(URI uri) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return (logFile, fromOffset) -> {
            try {
                return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    /** Spring Boot's health endpoint answers 200 with status UP. */
    static Readiness healthUp(URI health) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Pattern up = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
        return (logFile, fromOffset) -> {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && up.matcher(response.body()).find();
            } catch (IOException notListeningYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }
}
