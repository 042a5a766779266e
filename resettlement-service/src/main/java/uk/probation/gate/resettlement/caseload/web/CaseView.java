package uk.probation.gate.resettlement.caseload.web;

import java.time.LocalDate;
import java.util.List;
import uk.probation.gate.resettlement.caseload.ResettlementCase;
import uk.probation.gate.resettlement.domain.CaseStatus;
import uk.probation.gate.resettlement.domain.Due;
import uk.probation.gate.resettlement.domain.Need;
import uk.probation.gate.resettlement.domain.RiskOfSeriousHarm;
import uk.probation.gate.resettlement.domain.Sex;

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
        ResettlementCase.Transfer transfer) {

    public record PlanView(int version, List<Need> needs, String riskOfHarmSummary, LocalDate completedOn,
            Boolean completedOnTime) {
    }

    public static CaseView of(ResettlementCase c) {
        ResettlementCase.Plan plan = c.getPlan();
        return new CaseView(c.getId(), c.getVersion() == null ? 0 : c.getVersion(), c.getPrisonNumber(), c.getCrn(),
                c.getPrisonCode(), c.getStatus(), c.getReceivedOn(), c.getExpectedReleaseDate(), c.getSex(),
                c.getRiskOfSeriousHarm(), c.getResponsibleOfficerCode(), c.getScreeningDueBy(),
                c.getPreReleaseReviewFrom(), c.getNextDue(), c.getNextDueBy(),
                plan == null ? null : new PlanView(plan.version(), plan.needs(), plan.riskOfHarmSummary(),
                        plan.completedOn(), plan.completedOnTime()),
                c.getRelease(), c.getTransfer());
    }

    public static String etag(ResettlementCase c) {
        return "\"" + (c.getVersion() == null ? 0 : c.getVersion()) + "\"";
    }
}
