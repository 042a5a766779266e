package uk.probation.gate.notifications.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Plain words for the codes events carry, per language: {@code notification-words/<language>.properties}, keys
 * {@code <vocabulary>.<CODE>} (e.g. {@code accommodation.NO_FIXED_ABODE}). A code the language lacks is taken in
 * English; a code no list has (a producer added one) is spelt out in lower case, so a message never shows an
 * UPPER_SNAKE code.
 */
public final class Words {

    static final String ENGLISH = "en";
    static final Set<String> SHIPPED = Set.of("en", "cy", "pl");

    private final Map<String, Properties> byLanguage = new HashMap<>();

    Words() {
        for (String language : SHIPPED) {
            byLanguage.put(language, load(language));
        }
    }

    /** The words for {@code code} of {@code vocabulary} in {@code language}. */
    public String of(String language, String vocabulary, String code) {
        String key = vocabulary + "." + code;
        Properties own = byLanguage.get(language);
        if (own != null && own.containsKey(key)) {
            return own.getProperty(key);
        }
        Properties english = byLanguage.get(ENGLISH);
        return english.containsKey(key) ? english.getProperty(key) : spelt(code);
    }

    /** The keys a language has (for tests: every language names every code English names). */
    Set<String> keys(String language) {
        return byLanguage.get(language).stringPropertyNames();
    }

    /** NO_FIXED_ABODE as "no fixed abode", expectedReleaseDate as "expected release date". */
    static String spelt(String code) {
        return code.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    private static Properties load(String language) {
        Properties words = new Properties();
        String path = "notification-words/" + language + ".properties";
        try (InputStream in = Words.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No " + path + " on the classpath");
            }
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
