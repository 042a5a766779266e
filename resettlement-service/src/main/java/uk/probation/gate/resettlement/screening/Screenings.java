package uk.probation.gate.resettlement.screening;

import uk.probation.gate.platform.metrics.Labels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.platform.failure.Conflict;
import uk.probation.gate.platform.failure.RuleViolated;
import uk.probation.gate.platform.failure.Violation;
import uk.probation.gate.resettlement.caseload.Actors;
import uk.probation.gate.resettlement.caseload.CaseStore;
import uk.probation.gate.resettlement.caseload.ResettlementCase;
import uk.probation.gate.resettlement.domain.Answer;
import uk.probation.gate.resettlement.domain.Deadlines;
import uk.probation.gate.resettlement.domain.ScreeningAnswers;
import uk.probation.gate.resettlement.domain.ScreeningStage;

/** Recording the immediate-needs screening and completing the pre-release review, each against its questions. */
@Service
public class Screenings {

    private final CaseStore cases;
    private final ScreeningQuestions questions;
    private final Events events;
    private final Deadlines deadlines;
    private final Clock clock;
    private final MeterRegistry meters;

    Screenings(CaseStore cases, ScreeningQuestions questions, Events events, Deadlines deadlines, Clock clock,
            MeterRegistry meters) {
        this.cases = cases;
        this.questions = questions;
        this.events = events;
        this.deadlines = deadlines;
        this.clock = clock;
        this.meters = meters;
    }

    public ResettlementCase recordScreening(String caseId, Long expectedVersion, Integer questionsVersion,
            List<ScreeningAnswers.Given> given) {
        ResettlementCase c = cases.get(caseId, expectedVersion, "the screening");
        if (!c.isOpen()) {
            throw new Conflict("The case is " + c.getStatus() + "; its screening can no longer change");
        }
        QuestionSet set = questions.answering(ScreeningStage.IMMEDIATE_NEEDS, questionsVersion);
        List<Answer> answers = checked(set, given);
        c.recordScreening(set.version(), answers, LocalDate.now(clock), clock.instant(), deadlines, Actors.current());
        return cases.saveChange(c, "the screening");
    }

    public ResettlementCase completeReview(String caseId, Long expectedVersion, Integer questionsVersion,
            List<ScreeningAnswers.Given> given) {
        ResettlementCase c = cases.get(caseId, expectedVersion, "the pre-release review");
        if (cases.alreadyApplied(c)) {
            return c;
        }
        if (!c.isOpen()) {
            throw new Conflict("The case is " + c.getStatus() + "; there is no pre-release review to do");
        }
        if (c.getExpectedReleaseDate() == null) {
            throw new RuleViolated("The case has no expected release date", List.of(
                    new Violation("expectedReleaseDate", "is needed first: complete the case details")));
        }
        if (!c.isPlanCompleted()) {
            throw new Conflict("The plan is not completed yet: complete it before the pre-release review");
        }
        if (c.getPreReleaseReview() != null) {
            throw new Conflict("The pre-release review was already completed on "
                    + c.getPreReleaseReview().completedOn());
        }
        QuestionSet set = questions.answering(ScreeningStage.PRE_RELEASE, questionsVersion);
        List<Answer> answers = checked(set, given);
        ResettlementCase.PreReleaseReview review = c.completePreReleaseReview(set.version(), answers,
                LocalDate.now(clock), clock.instant(), deadlines, Actors.current(), events);
        ResettlementCase saved = cases.saveChange(c, "the pre-release review");
        Counter.builder("resettlement.pre.release.reviews.completed").description("Pre-release reviews completed")
                .tag("prison", Labels.prison(c.getPrisonCode())).tag("on_time", String.valueOf(review.completedOnTime()))
                .register(meters).increment();
        return saved;
    }

    private static List<Answer> checked(QuestionSet set, List<ScreeningAnswers.Given> given) {
        List<ScreeningAnswers.Problem> problems = ScreeningAnswers.check(set.questions(), given);
        if (!problems.isEmpty()) {
            throw new RuleViolated("The answers cannot be recorded", problems.stream()
                    .map(p -> new Violation(p.field(), p.message())).toList());
        }
        return ScreeningAnswers.pair(set.questions(), given);
    }
}
