package uk.probation.gate.web.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template's text split into plain text and Mustache tags, so the preview marks each placeholder, and the names of
 * the values the template uses.
 */
public record TemplatePreview(List<Part> subject, List<Part> body, List<String> placeholders) {

    /** Plain text, or a tag such as {@code {{prisonNumber}}} (placeholder true). */
    public record Part(String text, boolean placeholder) {
    }

    private static final Pattern TAG = Pattern.compile("\\{\\{\\{?\\s*([#^/&!]?)\\s*([^}]*?)\\s*}}}?");

    public static TemplatePreview of(String subject, String body) {
        Set<String> names = new LinkedHashSet<>();
        return new TemplatePreview(parts(subject, names), parts(body, names), List.copyOf(names));
    }

    private static List<Part> parts(String text, Set<String> names) {
        List<Part> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        Matcher tag = TAG.matcher(text);
        int at = 0;
        while (tag.find()) {
            if (tag.start() > at) {
                parts.add(new Part(text.substring(at, tag.start()), false));
            }
            parts.add(new Part(tag.group(), true));
            if (!"!".equals(tag.group(1)) && !"/".equals(tag.group(1)) && !tag.group(2).isEmpty()) {
                names.add(tag.group(2));
            }
            at = tag.end();
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), false));
        }
        return parts;
    }
}
