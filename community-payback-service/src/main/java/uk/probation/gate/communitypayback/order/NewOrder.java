package uk.probation.gate.communitypayback.order;

import java.time.LocalDate;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;

/** An unpaid work order as the court made it. */
public record NewOrder(
        String crn,
        LocalDate sentenceDate,
        int requiredHours,
        String areaCode,
        Sex sex,
        RiskOfSeriousHarm riskOfSeriousHarm,
        String responsibleOfficerCode) {
}
