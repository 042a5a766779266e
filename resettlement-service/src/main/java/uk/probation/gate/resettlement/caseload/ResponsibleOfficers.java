package uk.probation.gate.resettlement.caseload;

import java.time.Clock;
import org.springframework.stereotype.Service;

/** Naming the community responsible officer of a case; every later event on the case carries the code. */
@Service
public class ResponsibleOfficers {

    private final CaseStore cases;
    private final Clock clock;

    ResponsibleOfficers(CaseStore cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    public ResettlementCase assign(String caseId, Long expectedVersion, String responsibleOfficerCode) {
        ResettlementCase c = cases.get(caseId, expectedVersion, "the case");
        c.assignResponsibleOfficer(responsibleOfficerCode, clock.instant(), Actors.current());
        return cases.saveChange(c, "the case");
    }
}
