package uk.probation.gate.resettlement.domain;

import java.util.List;

/** One screening question of a published version; options for CHOICE only. */
public record Question(String id, Pathway pathway, String text, AnswerType answerType, List<String> options,
        Boolean required) {

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
        required = Boolean.TRUE.equals(required);
    }
}
