package uk.probation.gate.platform.test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every log line at INFO and above (message and exception text) while a test runs, so it can prove no
 * identifier of a person (prison number, CRN, name) reaches the logs.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());

    private LogCapture() {
    }

    public static LogCapture capture() {
        LogCapture capture = new LogCapture();
        capture.setName("test-log-capture");
        capture.start();
        root().addAppender(capture);
        return capture;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.INFO)) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            for (var t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            lines.add(line.toString());
        }
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Fails naming the first line that contains any of the values. */
    public void assertNoLineContains(String... values) {
        for (String line : lines()) {
            for (String value : values) {
                if (value != null && !value.isBlank() && line.contains(value)) {
                    throw new AssertionError("A log line names '" + value + "': " + line);
                }
            }
        }
    }

    @Override
    public void close() {
        root().detachAppender(this);
        stop();
    }
}
