package uk.probation.gate.referral.release.web;

import java.time.LocalDate;
import uk.probation.gate.referral.domain.NeedOnRelease;
import uk.probation.gate.referral.domain.Outcome;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.referral.release.ReleaseOutcome;

/** For one case: accommodation and ETE from need to release. {@code released} false until the release arrives. */
record ReleaseView(String caseId, String prisonNumber, String crn, String prisonCode, Sex sex, boolean released,
        LocalDate releasedOn, boolean metAtGate, NeedView accommodation, NeedView ete) {

    record NeedView(boolean needed, boolean referred, boolean accepted, Outcome outcome, String provider,
            boolean secured, String onRelease) {
    }

    static ReleaseView of(ReleaseOutcome r) {
        ReleaseOutcome.Release release = r.getRelease();
        return new ReleaseView(r.getId(), r.getPrisonNumber(), r.getCrn(), r.getPrisonCode(), r.getSex(),
                release != null, release == null ? null : release.releasedOn(),
                release != null && release.metAtGate(),
                need(r.getAccommodation(), release == null ? null : release.accommodationOnRelease()),
                need(r.getEte(), release == null ? null : release.eteOnRelease()));
    }

    private static NeedView need(NeedOnRelease n, String onRelease) {
        return new NeedView(n.needed(), n.referred(), n.accepted(), n.outcome(), n.outcomeProvider(), n.secured(),
                onRelease);
    }
}
