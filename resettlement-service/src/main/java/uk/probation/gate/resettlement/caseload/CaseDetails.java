package uk.probation.gate.resettlement.caseload;

import uk.probation.gate.contracts.Identifiers;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.platform.failure.Conflict;
import uk.probation.gate.platform.failure.RuleViolated;
import uk.probation.gate.platform.failure.Violation;
import uk.probation.gate.resettlement.domain.Deadlines;

/**
 * Completing or correcting a case's details (a case opened by HMPPS has no release date, risk, CRN or officer):
 * the change reaches referral-service as {@code resettlement.case.updated} with the whole current details.
 */
@Service
public class CaseDetails {


    private final CaseStore cases;
    private final Events events;
    private final Deadlines deadlines;
    private final Clock clock;

    CaseDetails(CaseStore cases, Events events, Deadlines deadlines, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public ResettlementCase update(String caseId, Long expectedVersion, ResettlementCase.Details details) {
        ResettlementCase c = cases.get(caseId, expectedVersion, "the case details");
        List<Violation> errors = new ArrayList<>();
        if (details.crn() != null && !details.crn().matches(Identifiers.CRN)) {
            errors.add(new Violation("crn", Identifiers.CRN_MESSAGE));
        }
        if (details.responsibleOfficerCode() != null
                && !details.responsibleOfficerCode().matches(Identifiers.OFFICER_CODE)) {
            errors.add(new Violation("responsibleOfficerCode", Identifiers.OFFICER_CODE_MESSAGE));
        }
        if (details.sex() == null) {
            errors.add(new Violation("sex", "is required"));
        }
        if (details.expectedReleaseDate() != null && !details.expectedReleaseDate().isAfter(c.getReceivedOn())) {
            errors.add(new Violation("expectedReleaseDate",
                    "must be after the day the person was received, "
                            + c.getReceivedOn().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK))));
        }
        if (!errors.isEmpty()) {
            throw new RuleViolated("The case details cannot be saved", errors);
        }
        if (!c.isOpen()) {
            throw new Conflict("The case is " + c.getStatus() + "; its details can no longer change");
        }
        List<String> changed = c.updateDetails(details, deadlines, clock.instant(), Actors.current(), events);
        if (changed.isEmpty()) {
            return c;
        }
        return cases.saveChange(c, "the case details");
    }
}
