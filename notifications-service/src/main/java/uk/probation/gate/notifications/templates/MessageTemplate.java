package uk.probation.gate.notifications.templates;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A template {@code <name>.<language>}, e.g. {@code community-payback.work.sent-home.person.cy}. */
@Document("templates")
public record MessageTemplate(@Id String id, String name, String language, String eventType, String subject,
        String body, Instant updatedAt) {

    public static String idOf(String name, String language) {
        return name + "." + language;
    }
}
