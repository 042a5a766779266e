package uk.probation.gate.web.forms;

import java.util.ArrayList;
import java.util.List;

/** The rows of a check-your-answers page: question, answer, and where to change it (fragments/summary :: checkAnswers). */
public final class CheckAnswers {

    public record Row(String key, String value, String changeHref) {
    }

    private final List<Row> rows = new ArrayList<>();

    public CheckAnswers row(String key, String value, String changeHref) {
        rows.add(new Row(key, value, changeHref));
        return this;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }
}
