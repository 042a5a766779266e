package uk.probation.gate.resettlement.caseload.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.probation.gate.platform.security.Caller;
import uk.probation.gate.resettlement.caseload.Actor;
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

    /** {@code updatedBy} and {@code updatedAt}: who last saved or completed the plan, and when. */
    public record PlanView(int version, List<Need> needs, String riskOfHarmSummary, LocalDate completedOn,
            Boolean completedOnTime, Actor updatedBy, Instant updatedAt) {
    }

    /** The case as the current caller may read it. */
    public static CaseView of(ResettlementCase c) {
        return of(c, Caller.current());
    }

    /** The case for this caller: an OPS_VIEWER gets the risk of harm summary and every need note as null. */
    public static CaseView of(ResettlementCase c, Caller caller) {
        ResettlementCase.Plan plan = c.getPlan();
        boolean notes = caller.readsNotes();
        return new CaseView(c.getId(), c.getVersion() == null ? 0 : c.getVersion(), c.getPrisonNumber(), c.getCrn(),
                c.getPrisonCode(), c.getStatus(), c.getReceivedOn(), c.getExpectedReleaseDate(), c.getSex(),
                c.getRiskOfSeriousHarm(), c.getResponsibleOfficerCode(), c.getScreeningDueBy(),
                c.getPreReleaseReviewFrom(), c.getNextDue(), c.getNextDueBy(),
                plan == null ? null : new PlanView(plan.version(),
                        notes ? plan.needs() : plan.needs().stream()
                                .map(n -> new Need(n.pathway(), n.status(), null)).toList(),
                        notes ? plan.riskOfHarmSummary() : null, plan.completedOn(), plan.completedOnTime(),
                        plan.updatedBy(), plan.updatedAt()),
                c.getRelease(), c.getTransfer());
    }

    public static String etag(ResettlementCase c) {
        return "\"" + (c.getVersion() == null ? 0 : c.getVersion()) + "\"";
    }
}
