package uk.probation.gate.resettlement.caseload.web;

import java.time.LocalDate;
import uk.probation.gate.resettlement.caseload.ResettlementCase;
import uk.probation.gate.resettlement.domain.CaseStatus;
import uk.probation.gate.resettlement.domain.RiskOfSeriousHarm;
import uk.probation.gate.resettlement.domain.Sex;

record CaseView(
        String id,
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
        Object plan,
        Object release) {

    static CaseView of(ResettlementCase c) {
        return new CaseView(c.getId(), c.getPrisonNumber(), c.getCrn(), c.getPrisonCode(), c.getStatus(),
                c.getReceivedOn(), c.getExpectedReleaseDate(), c.getSex(), c.getRiskOfSeriousHarm(),
                c.getResponsibleOfficerCode(), c.getScreeningDueBy(), null, null);
    }
}
