package uk.probation.gate.web.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Codes in plain words on every page ({@code words} in the model): the label from {@code messages.properties}
 * ({@code <kind>.<CODE>}) when there is one, else the code itself written as words ({@code NO_FIXED_ABODE} reads
 * "No fixed abode"), so a code the services add later never shows as SHOUTY_SNAKE_CASE.
 */
@Component
public class Words {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final MessageSource messages;

    public Words(MessageSource messages) {
        this.messages = messages;
    }

    /** The label of {@code kind.code}, else the code as words; empty for null. */
    public String of(String kind, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String label = messages.getMessage(kind + "." + code, null, null, Locale.UK);
        return label != null ? label : plain(code);
    }

    /** Several codes of one kind in words, joined with commas. */
    public String list(String kind, java.util.List<String> codes) {
        return codes == null ? "" : String.join(", ", codes.stream().map(c -> of(kind, c)).toList());
    }

    /** An answer as a person reads it: YES/true "Yes", NO/false "No", a code as words, free text as typed. */
    public String answer(Object answer) {
        if (answer == null) {
            return "Not answered";
        }
        String text = answer.toString();
        if (text.isBlank()) {
            return "Not answered";
        }
        return switch (text) {
            case "YES", "true", "Yes", "yes" -> "Yes";
            case "NO", "false", "No", "no" -> "No";
            default -> of("answer", text);
        };
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.format(DATE);
    }

    public String shortDate(LocalDate date) {
        return date == null ? "" : date.format(SHORT);
    }

    public String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    /** NO_FIXED_ABODE as "No fixed abode"; anything that is not an UPPER_SNAKE code stays as it is. */
    public static String plain(String code) {
        if (code == null) {
            return "";
        }
        if (!code.matches("[A-Z][A-Z0-9_]*")) {
            return code;
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
