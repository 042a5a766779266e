package uk.probation.gate.referral.person.web;

import java.time.LocalDate;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.referral.person.Person;

record PersonView(
        String prisonNumber,
        String crn,
        String prisonCode,
        Sex sex,
        RiskOfSeriousHarm riskOfSeriousHarm,
        String responsibleOfficerCode,
        String caseId,
        LocalDate lastReceivedOn,
        LocalDate expectedReleaseDate,
        boolean recall,
        int receptions) {

    static PersonView of(Person p) {
        return new PersonView(p.getPrisonNumber(), p.getCrn(), p.getPrisonCode(), p.getSex(),
                p.getRiskOfSeriousHarm(), p.getResponsibleOfficerCode(), p.getCaseId(), p.getLastReceivedOn(),
                p.getExpectedReleaseDate(), p.isRecall(), p.getReceptions());
    }
}
