package uk.probation.gate.resettlement.domain;

/**
 * An answer stored with the question's text and type as published in the version answered, so it stays readable
 * after the questions change.
 */
public record Answer(String questionId, String question, AnswerType answerType, String answer) {
}
