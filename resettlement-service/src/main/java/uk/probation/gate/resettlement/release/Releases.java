package uk.probation.gate.resettlement.release;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.platform.failure.Conflict;
import uk.probation.gate.platform.failure.RuleViolated;
import uk.probation.gate.platform.failure.Violation;
import uk.probation.gate.resettlement.caseload.Actors;
import uk.probation.gate.resettlement.caseload.CaseStore;
import uk.probation.gate.resettlement.caseload.ResettlementCase;
import uk.probation.gate.resettlement.domain.AccommodationOnRelease;
import uk.probation.gate.resettlement.domain.CaseStatus;
import uk.probation.gate.resettlement.domain.Deadlines;
import uk.probation.gate.resettlement.domain.EteOnRelease;

/** Recording a release with where the person goes to live and work; HMPPS releases nobody recorded. */
@Service
public class Releases {

    public record Outcome(LocalDate releasedOn, AccommodationOnRelease accommodationOnRelease,
            EteOnRelease eteOnRelease, boolean metAtGate) {
    }

    private final CaseStore cases;
    private final Events events;
    private final Deadlines deadlines;
    private final Clock clock;

    Releases(CaseStore cases, Events events, Deadlines deadlines, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * The caseworker records the release; on a case HMPPS already closed as released with no outcome, this
     * records the outcome (and publishes the release again, now with the outcome).
     */
    public ResettlementCase record(String caseId, Long expectedVersion, Outcome outcome) {
        ResettlementCase c = cases.get(caseId, expectedVersion, "the case");
        if (cases.alreadyApplied(c)) {
            return c;
        }
        boolean outcomeToRecord = c.getStatus() == CaseStatus.RELEASED && !c.getRelease().outcomeRecorded();
        if (!c.isOpen() && !outcomeToRecord) {
            throw new Conflict("The case is already " + c.getStatus());
        }
        List<Violation> errors = new ArrayList<>();
        if (outcome.releasedOn().isBefore(c.getReceivedOn())) {
            errors.add(new Violation("releasedOn", "is before the reception on " + c.getReceivedOn()));
        }
        if (outcome.releasedOn().isAfter(LocalDate.now(clock))) {
            errors.add(new Violation("releasedOn", "is in the future"));
        }
        if (!errors.isEmpty()) {
            throw new RuleViolated("The release cannot be recorded", errors);
        }
        c.recordRelease(new ResettlementCase.Release(outcome.releasedOn(), outcome.accommodationOnRelease(),
                outcome.eteOnRelease(), outcome.metAtGate(), true, "RELEASED"), deadlines, clock.instant(),
                Actors.current(), events);
        return cases.saveChange(c, "the case");
    }

    /** HMPPS says the person was released: close the open case with the outcome still to record. */
    public void releasedFromPrison(String prisonNumber, LocalDate releasedOn) {
        ResettlementCase c = cases.openCaseOf(prisonNumber);
        if (c == null) {
            return;
        }
        c.recordRelease(new ResettlementCase.Release(releasedOn, AccommodationOnRelease.UNKNOWN, EteOnRelease.UNKNOWN,
                false, false, "RELEASED"), deadlines, clock.instant(), Actors.current(), events);
        cases.save(c);
    }
}
