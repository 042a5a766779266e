package uk.probation.gate.web.forms;

/** One choice of a radio group or select: the value posted, the label shown, an optional hint. */
public record Option(String value, String label, String hint) {

    public static Option of(String value, String label) {
        return new Option(value, label, null);
    }
}
