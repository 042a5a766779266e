package uk.probation.gate.platform.security;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shapes of a person's identifiers, in one place: a prison (NOMS) number and a CRN. */
public final class PersonIdentifiers {

    /** A whole prison number, e.g. A1234BC (use with {@code matcher(..).matches()}). */
    public static final Pattern PRISON_NUMBER = Pattern.compile("[A-Z]\\d{4}[A-Z]{2}");
    /** A whole CRN, e.g. X123456 (use with {@code matcher(..).matches()}). */
    public static final Pattern CRN = Pattern.compile("[A-Z]\\d{6}");
    /** Either, as a word inside longer text. */
    private static final Pattern IN_TEXT = Pattern.compile("\\b(?:[A-Z]\\d{4}[A-Z]{2}|[A-Z]\\d{6})\\b");

    private PersonIdentifiers() {
    }

    public static boolean isPrisonNumber(String value) {
        return value != null && PRISON_NUMBER.matcher(value).matches();
    }

    /** {@code text} with every prison number or CRN in it replaced by what {@code replacement} makes of it. */
    public static String replaceEach(String text, UnaryOperator<String> replacement) {
        if (text == null) {
            return null;
        }
        Matcher identifiers = IN_TEXT.matcher(text);
        StringBuilder replaced = new StringBuilder();
        while (identifiers.find()) {
            identifiers.appendReplacement(replaced, Matcher.quoteReplacement(replacement.apply(identifiers.group())));
        }
        identifiers.appendTail(replaced);
        return replaced.toString();
    }
}
