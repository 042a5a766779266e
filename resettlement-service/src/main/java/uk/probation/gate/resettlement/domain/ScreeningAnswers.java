package uk.probation.gate.resettlement.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks answers against one version of the questions and pairs each with its question. */
public final class ScreeningAnswers {

    public static final int MAX_TEXT = 2000;

    /** A problem with the answers, naming the field as the API shows it. */
    public record Problem(String field, String message) {
    }

    /** What the caller sent: a question id and its answer. */
    public record Given(String questionId, String answer) {
    }

    private ScreeningAnswers() {
    }

    public static List<Problem> check(List<Question> questions, List<Given> given) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Question> byId = new LinkedHashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        Set<String> seen = new HashSet<>();
        for (Given g : given) {
            if (g.questionId() == null || !byId.containsKey(g.questionId())) {
                problems.add(new Problem("answers[" + g.questionId() + "]", "is not one of these questions"));
                continue;
            }
            if (!seen.add(g.questionId())) {
                problems.add(new Problem("answers[" + g.questionId() + "]", "is answered more than once"));
                continue;
            }
            Question q = byId.get(g.questionId());
            String answer = g.answer();
            if (answer == null || answer.isBlank()) {
                if (q.required()) {
                    problems.add(new Problem("answers[" + q.id() + "]", "is required"));
                }
                continue;
            }
            switch (q.answerType()) {
                case YES_NO -> {
                    if (!answer.equals("YES") && !answer.equals("NO")) {
                        problems.add(new Problem("answers[" + q.id() + "]", "must be YES or NO"));
                    }
                }
                case CHOICE -> {
                    if (!q.options().contains(answer)) {
                        problems.add(new Problem("answers[" + q.id() + "]", "must be one of " + q.options()));
                    }
                }
                case TEXT -> {
                    if (answer.length() > MAX_TEXT) {
                        problems.add(new Problem("answers[" + q.id() + "]", "must be at most " + MAX_TEXT
                                + " characters"));
                    }
                }
            }
        }
        for (Question q : questions) {
            if (q.required() && !seen.contains(q.id())) {
                problems.add(new Problem("answers[" + q.id() + "]", "is required"));
            }
        }
        return problems;
    }

    /** The answers given (blank ones left out), each with its question's text of this version, in question order. */
    public static List<Answer> pair(List<Question> questions, List<Given> given) {
        Map<String, String> answers = new LinkedHashMap<>();
        given.forEach(g -> answers.put(g.questionId(), g.answer()));
        List<Answer> paired = new ArrayList<>();
        for (Question q : questions) {
            String answer = answers.get(q.id());
            if (answer != null && !answer.isBlank()) {
                paired.add(new Answer(q.id(), q.text(), q.answerType(), answer));
            }
        }
        return paired;
    }

    /** What makes a new version publishable: unique ids, text, a type, options for CHOICE. */
    public static List<Problem> checkQuestions(List<Question> questions) {
        List<Problem> problems = new ArrayList<>();
        if (questions == null || questions.isEmpty()) {
            problems.add(new Problem("questions", "must not be empty"));
            return problems;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            String at = "questions[" + i + "]";
            if (q.id() == null || !q.id().matches("^[A-Z][A-Z0-9_]{0,39}$")) {
                problems.add(new Problem(at + ".id", "must be an upper-case code like ACCOMMODATION_ON_RELEASE"));
            } else if (!ids.add(q.id())) {
                problems.add(new Problem(at + ".id", q.id() + " appears more than once"));
            }
            if (q.text() == null || q.text().isBlank()) {
                problems.add(new Problem(at + ".text", "must not be empty"));
            }
            if (q.pathway() == null) {
                problems.add(new Problem(at + ".pathway", "is required"));
            }
            if (q.answerType() == null) {
                problems.add(new Problem(at + ".answerType", "is required"));
            } else if (q.answerType() == AnswerType.CHOICE && q.options().isEmpty()) {
                problems.add(new Problem(at + ".options", "a CHOICE question needs options"));
            } else if (q.answerType() == AnswerType.CHOICE && q.options().stream().anyMatch(o -> o == null || o.isBlank())) {
                problems.add(new Problem(at + ".options", "must not hold an empty option"));
            }
        }
        return problems;
    }
}
