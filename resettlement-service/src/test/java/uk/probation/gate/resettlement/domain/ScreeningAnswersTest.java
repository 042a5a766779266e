package uk.probation.gate.resettlement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScreeningAnswersTest {

    private final List<Question> questions = List.of(
            new Question("HAS_ID", Pathway.FINANCE_AND_ID, "Do they have ID?", AnswerType.YES_NO, List.of(), true),
            new Question("HOUSING", Pathway.ACCOMMODATION, "Housing?", AnswerType.CHOICE, List.of("SETTLED", "NONE"),
                    true),
            new Question("NOTES", Pathway.HEALTH, "Anything else", AnswerType.TEXT, null, null));

    @Test
    void everyRequiredQuestionMustBeAnsweredWithinItsType() {
        assertThat(ScreeningAnswers.check(questions, List.of(new ScreeningAnswers.Given("HAS_ID", "MAYBE"),
                new ScreeningAnswers.Given("GARDEN", "YES"))))
                .extracting(ScreeningAnswers.Problem::field)
                .containsExactly("answers[HAS_ID]", "answers[GARDEN]", "answers[HOUSING]");
        assertThat(ScreeningAnswers.check(questions, List.of(new ScreeningAnswers.Given("HAS_ID", "YES"),
                new ScreeningAnswers.Given("HOUSING", "CASTLE")))).extracting(ScreeningAnswers.Problem::field)
                .containsExactly("answers[HOUSING]");
        assertThat(ScreeningAnswers.check(questions, List.of(new ScreeningAnswers.Given("HAS_ID", "YES"),
                new ScreeningAnswers.Given("HOUSING", "NONE")))).isEmpty();
    }

    @Test
    void answersArePairedWithTheTextOfTheirVersionInQuestionOrder() {
        List<Answer> paired = ScreeningAnswers.pair(questions, List.of(new ScreeningAnswers.Given("HOUSING", "NONE"),
                new ScreeningAnswers.Given("HAS_ID", "YES"), new ScreeningAnswers.Given("NOTES", " ")));
        assertThat(paired).containsExactly(
                new Answer("HAS_ID", "Do they have ID?", AnswerType.YES_NO, "YES"),
                new Answer("HOUSING", "Housing?", AnswerType.CHOICE, "NONE"));
    }

    @Test
    void aNewVersionNeedsUniqueIdsTextAndOptionsForChoices() {
        List<Question> bad = List.of(questions.get(0), questions.get(0),
                new Question("EMPTY", Pathway.HEALTH, "", AnswerType.YES_NO, null, true),
                new Question("PICK", Pathway.HEALTH, "Pick", AnswerType.CHOICE, List.of(), true));
        assertThat(ScreeningAnswers.checkQuestions(bad)).extracting(ScreeningAnswers.Problem::field)
                .containsExactly("questions[1].id", "questions[2].text", "questions[3].options");
        assertThat(ScreeningAnswers.checkQuestions(questions)).isEmpty();
        assertThat(ScreeningAnswers.checkQuestions(List.of())).extracting(ScreeningAnswers.Problem::field)
                .containsExactly("questions");
    }
}
