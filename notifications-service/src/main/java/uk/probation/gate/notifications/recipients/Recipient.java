package uk.probation.gate.notifications.recipients;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.probation.gate.notifications.domain.QuietHours;
import uk.probation.gate.notifications.domain.RecipientKind;

/** One entry of the directory, by code (officer code, provider code, CRN or prison number, service code). */
@Document("recipients")
public record Recipient(@Id String code, @Indexed(name = "kind") RecipientKind kind, String email, String language, String quietHours,
        Instant updatedAt) {

    /** {@code quietHours} is "HH:mm-HH:mm", e.g. "21:00-08:00"; absent means any time. */
    public Optional<QuietHours> quietHoursWindow() {
        return quietHours == null ? Optional.empty() : Optional.of(parseQuietHours(quietHours));
    }

    public static QuietHours parseQuietHours(String text) {
        String[] parts = text.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected HH:mm-HH:mm");
        }
        return new QuietHours(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
    }
}
