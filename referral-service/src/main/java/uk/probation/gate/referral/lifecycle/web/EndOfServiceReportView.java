package uk.probation.gate.referral.lifecycle.web;

import java.time.Instant;
import java.util.List;
import uk.probation.gate.referral.domain.Achievement;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.lifecycle.Referral;

/**
 * A referral's end-of-service report: each desired outcome and how far it was achieved, a summary, who recorded it
 * and when. Notes and the summary are free text a provider wrote about a person: null for a caller that reads no
 * notes (OPS_VIEWER).
 */
record EndOfServiceReportView(String referralId, Need need, String providerCode, List<String> desiredOutcomes,
        List<AchievementView> achievements, String summary, String recordedBy, Instant recordedAt) {

    record AchievementView(String desiredOutcome, Achievement achieved, String note) {
    }

    static EndOfServiceReportView of(Referral r, boolean readsNotes) {
        Referral.EndOfServiceReport report = r.getEndOfServiceReport();
        return new EndOfServiceReportView(r.getId(), r.getNeed(), r.getProviderCode(), r.getDesiredOutcomes(),
                report.achievements().stream().map(a -> new AchievementView(a.desiredOutcome(), a.achieved(),
                        readsNotes ? a.note() : null)).toList(), readsNotes ? report.summary() : null,
                report.recordedBy(), report.recordedAt());
    }
}
