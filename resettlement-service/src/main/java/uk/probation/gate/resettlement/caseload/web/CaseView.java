package uk.probation.gate.resettlement.caseload.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import uk.probation.gate.platform.security.Caller;
import uk.probation.gate.resettlement.caseload.Actor;
import uk.probation.gate.resettlement.caseload.ResettlementCase;
import uk.probation.gate.resettlement.domain.Answer;
import uk.probation.gate.resettlement.domain.AnswerType;
import uk.probation.gate.resettlement.domain.CaseStatus;
import uk.probation.gate.resettlement.domain.Due;
import uk.probation.gate.resettlement.domain.Need;
import uk.probation.gate.resettlement.domain.ReviewStatus;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;

/** A case as the API shows it; {@code version} is also the ETag to send back as If-Match. */
public record CaseView(
        String id,
        long version,
        String prisonNumber,
        String crn,
        String prisonCode,
        CaseStatus status,
        LocalDate receivedOn,
        LocalDate expectedReleaseDate,
        Sex sex,
        RiskOfSeriousHarm riskOfSeriousHarm,
        String responsibleOfficerCode,
        LocalDate screeningDueBy,
        LocalDate preReleaseReviewFrom,
        Due nextDue,
        LocalDate nextDueBy,
        PlanView plan,
        ResettlementCase.Release release,
        ResettlementCase.Transfer transfer,
        boolean recall,
        String allocatedTo,
        String allocatedToName,
        PreReleaseReviewView preReleaseReview,
        ScreeningView screening,
        String supersededBy) {

    /** {@code updatedBy} and {@code updatedAt}: who last saved or completed the plan, and when. */
    public record PlanView(int version, List<Need> needs, String riskOfHarmSummary, LocalDate completedOn,
            Boolean completedOnTime, Actor updatedBy, Instant updatedAt) {
    }

    /** An answer with the question's text as published in the version answered. */
    public record AnswerView(String questionId, String question, String answer) {
    }

    /** Due from {@code dueFrom} (12 weeks before release), overdue after {@code dueBy} (8 weeks before). */
    public record PreReleaseReviewView(LocalDate dueFrom, LocalDate dueBy, ReviewStatus status,
            LocalDate completedOn, Actor completedBy, Boolean completedOnTime, Integer questionsVersion,
            List<AnswerView> answers) {
    }

    public record ScreeningView(int questionsVersion, LocalDate answeredOn, Actor answeredBy,
            List<AnswerView> answers) {
    }

    /** The case as the current caller may read it. */
    public static CaseView of(ResettlementCase c) {
        return of(c, Caller.current());
    }

    /**
     * The case for this caller: an OPS_VIEWER gets the risk of harm summary, every need note and every free-text
     * answer as null.
     */
    public static CaseView of(ResettlementCase c, Caller caller) {
        return of(c, caller, LocalDate.now(ZoneOffset.UTC));
    }

    public static CaseView of(ResettlementCase c, Caller caller, LocalDate today) {
        ResettlementCase.Plan plan = c.getPlan();
        boolean notes = caller.readsNotes();
        ResettlementCase.PreReleaseReview review = c.getPreReleaseReview();
        ResettlementCase.Screening screening = c.getScreening();
        return new CaseView(c.getId(), c.getVersion() == null ? 0 : c.getVersion(), c.getPrisonNumber(), c.getCrn(),
                c.getPrisonCode(), c.getStatus(), c.getReceivedOn(), c.getExpectedReleaseDate(), c.getSex(),
                c.getRiskOfSeriousHarm(), c.getResponsibleOfficerCode(), c.getScreeningDueBy(),
                c.getPreReleaseReviewFrom(), c.getNextDue(), c.getNextDueBy(),
                plan == null ? null : new PlanView(plan.version(),
                        notes ? plan.needs() : plan.needs().stream()
                                .map(n -> new Need(n.pathway(), n.status(), null)).toList(),
                        notes ? plan.riskOfHarmSummary() : null, plan.completedOn(), plan.completedOnTime(),
                        plan.updatedBy(), plan.updatedAt()),
                c.getRelease(), c.getTransfer(), c.isRecall(), c.getAllocatedTo(), c.getAllocatedToName(),
                new PreReleaseReviewView(c.getPreReleaseReviewFrom(), c.getPreReleaseReviewDueBy(),
                        c.preReleaseReviewStatus(today), review == null ? null : review.completedOn(),
                        review == null ? null : review.completedBy(),
                        review == null ? null : review.completedOnTime(),
                        review == null ? null : review.questionsVersion(),
                        review == null ? null : answers(review.answers(), notes)),
                screening == null ? null : new ScreeningView(screening.questionsVersion(), screening.answeredOn(),
                        screening.answeredBy(), answers(screening.answers(), notes)),
                c.getSupersededBy());
    }

    private static List<AnswerView> answers(List<Answer> answers, boolean notes) {
        return answers.stream().map(a -> new AnswerView(a.questionId(), a.question(),
                a.answerType() == AnswerType.TEXT && !notes ? null : a.answer())).toList();
    }

    public static String etag(ResettlementCase c) {
        return "\"" + (c.getVersion() == null ? 0 : c.getVersion()) + "\"";
    }
}
