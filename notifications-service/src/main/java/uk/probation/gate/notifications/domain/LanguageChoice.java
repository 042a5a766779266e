package uk.probation.gate.notifications.domain;

import java.util.Set;

/** The language a message goes out in: the recipient's if a template exists in it, else the fallback. */
public record LanguageChoice(String requested, String used) {

    public static LanguageChoice of(String requested, Set<String> available, String fallback) {
        if (requested != null && available.contains(requested)) {
            return new LanguageChoice(requested, requested);
        }
        return new LanguageChoice(requested == null ? fallback : requested, fallback);
    }

    public boolean fellBack() {
        return !requested.equals(used);
    }
}
