package uk.probation.gate.platform.test;

import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/** Reads series out of Prometheus exposition text, and what a test added to them since a scrape it took before. */
public final class Prometheus {

    private final Supplier<String> scrape;
    private final BinaryOperator<String> labelValue;
    private final String before;

    private Prometheus(Supplier<String> scrape, BinaryOperator<String> labelValue) {
        this.scrape = scrape;
        this.labelValue = labelValue;
        this.before = scrape.get();
    }

    /**
     * Scrapes now, as the baseline {@link #added} is measured from. {@code labelValue} turns a label and the value a
     * test names into the value the service exports (e.g. an area code into its bounded label); identity if not.
     */
    public static Prometheus since(Supplier<String> scrape, BinaryOperator<String> labelValue) {
        return new Prometheus(scrape, labelValue);
    }

    public static Prometheus since(Supplier<String> scrape) {
        return since(scrape, (label, value) -> value);
    }

    /** What was added to the series since the baseline; the series must exist now. */
    public double added(String name, String... labels) {
        Double value = addedOrNull(name, labels);
        if (value == null) {
            throw new AssertionError("no series " + name + " " + String.join(",", labels));
        }
        return value;
    }

    /** What was added to the series since the baseline, null when the series does not exist at all. */
    public Double addedOrNull(String name, String... labels) {
        Double now = sum(scrape.get(), name, labelValue, labels);
        if (now == null) {
            return null;
        }
        Double then = sum(before, name, labelValue, labels);
        return now - (then == null ? 0 : then);
    }

    /** What was added to the series since the baseline, 0 when it does not exist. */
    public double counted(String name, String... labels) {
        Double value = addedOrNull(name, labels);
        return value == null ? 0 : value;
    }

    /** The sum of every line of the series {@code name} carrying all the given label pairs, null if none does. */
    public static Double sum(String text, String name, BinaryOperator<String> labelValue, String... labels) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < labels.length; i += 2) {
                matches &= line.contains(labels[i] + "=\"" + labelValue.apply(labels[i], labels[i + 1]) + "\"");
            }
            if (matches) {
                found = true;
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return found ? sum : null;
    }
}
