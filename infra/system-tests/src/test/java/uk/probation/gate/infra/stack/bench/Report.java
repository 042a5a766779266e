package uk.probation.gate.infra.stack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown report: the command that produced it first, then one table of figures, each with its goal and
 * whether it was met, then free notes (how each figure was measured, what was seen). Written after every section,
 * so a run stopped early still leaves what it measured.
 */
final class Report {

    private final Path file;
    private final List<String> header = new ArrayList<>();
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int met;
    private int notMet;

    Report(Path file, String command) {
        this.file = file;
        header.add("# Performance: end to end, against the machine's own limits, in one run (issue #14)");
        header.add("");
        header.add("Produced by: `" + command + "`");
        header.add("");
    }

    Path file() {
        return file;
    }

    void context(String line) {
        header.add(line);
    }

    /** A figure with no goal of its own (a limit, a count). */
    void figure(String section, String name, String value) {
        rows.add("| " + section + " | " + name + " | " + value + " | — | — |");
        write(false);
    }

    /** A figure with a goal: met or not met. */
    void figure(String section, String name, String value, String goal, boolean goalMet) {
        rows.add("| " + section + " | " + name + " | " + value + " | " + goal + " | "
                + (goalMet ? "met" : "**NOT MET**") + " |");
        if (goalMet) {
            met++;
        } else {
            notMet++;
        }
        write(false);
    }

    /** A figure whose goal could not be judged (its measurement failed or was skipped). */
    void unmeasured(String section, String name, String why, String goal) {
        rows.add("| " + section + " | " + name + " | not measured: " + why + " | " + goal + " | **NOT MET** |");
        notMet++;
        write(false);
    }

    void note(String text) {
        notes.add(text);
        write(false);
    }

    void finish() {
        write(true);
    }

    /** The run stopped before its end: say why above the figures, which are all it measured. */
    void stoppedEarly(String why) {
        stoppedBy = why;
        write(true);
    }

    private String stoppedBy;

    boolean stopped() {
        return stoppedBy != null;
    }

    private void write(boolean finished) {
        List<String> out = new ArrayList<>(header);
        out.add(stoppedBy != null ? "Status: **STOPPED EARLY** (" + stoppedBy + "); the figures below are all it "
                + "measured. Goals met: " + met + ", not met: " + notMet + "."
                : finished ? "Status: complete. Goals met: " + met + ", not met: " + notMet + "."
                : "Status: **in progress** (written after each section). Goals met so far: " + met + ", not met: "
                        + notMet + ".");
        out.add("");
        out.add("| section | figure | value | goal | met? |");
        out.add("| --- | --- | --- | --- | --- |");
        out.addAll(rows);
        if (!notes.isEmpty()) {
            out.add("");
            out.add("## How each figure was measured, and what was seen");
            out.add("");
            notes.forEach(n -> {
                out.add(n);
                out.add("");
            });
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n", out) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
