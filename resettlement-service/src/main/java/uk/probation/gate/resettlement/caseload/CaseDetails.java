package uk.probation.gate.resettlement.caseload;

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

    static final String CRN = "^[A-Z][0-9]{6}$";
    static final String OFFICER = "^[A-Z0-9]{3,12}$";

    private final Cases cases;
    private final Events events;
    private final Deadlines deadlines;
    private final Clock clock;

    CaseDetails(Cases cases, Events events, Deadlines deadlines, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public ResettlementCase update(String caseId, Long expectedVersion, ResettlementCase.Details details) {
        ResettlementCase c = cases.get(caseId, expectedVersion, "the case details");
        List<Violation> errors = new ArrayList<>();
        if (details.crn() != null && !details.crn().matches(CRN)) {
            errors.add(new Violation("crn", "must be a CRN like X123456"));
        }
        if (details.responsibleOfficerCode() != null && !details.responsibleOfficerCode().matches(OFFICER)) {
            errors.add(new Violation("responsibleOfficerCode",
                    "must be an officer code of 3-12 letters or digits"));
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
