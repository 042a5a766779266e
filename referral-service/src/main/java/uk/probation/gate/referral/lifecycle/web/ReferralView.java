package uk.probation.gate.referral.lifecycle.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.Outcome;
import uk.probation.gate.referral.domain.ReferralStatus;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.referral.domain.Stage;
import uk.probation.gate.referral.lifecycle.Referral;

/**
 * A referral as the API shows it: {@code overdue} while the current stage is past its day (SENT after respondBy,
 * ACCEPTED after startBy, IN_PROGRESS after outcomeBy); {@code history} every
 * step with who took it. Decline reasons are free text a provider gave: null for a caller that reads no notes.
 */
record ReferralView(String id, PersonReferenceView personReference, Need need, String providerCode,
        ReferralStatus status, LocalDate respondBy, boolean overdue, Referral.Source source, String caseId,
        String prisonCode, String areaCode, Sex sex, RiskOfSeriousHarm riskOfSeriousHarm,
        String responsibleOfficerCode, Outcome outcome, String closedReason, Instant createdAt, Instant sentAt,
        Instant acceptedAt, List<Referral.Decline> declines, List<Referral.HistoryEntry> history,
        List<String> desiredOutcomes, LocalDate startBy, LocalDate outcomeBy, Instant startedAt,
        List<EscalationView> escalations, boolean hasEndOfServiceReport) {

    /** A stage escalated past its day: which, its day, when it was escalated. */
    record EscalationView(Stage stage, LocalDate dueBy, Instant at) {
    }

    record PersonReferenceView(String prisonNumber, String crn) {
    }

    static ReferralView of(Referral r, LocalDate today, boolean readsNotes) {
        List<Referral.Decline> declines = readsNotes ? r.getDeclines() : r.getDeclines().stream()
                .map(d -> new Referral.Decline(d.providerCode(), null, d.at())).toList();
        List<Referral.HistoryEntry> history = readsNotes ? r.getHistory() : r.getHistory().stream()
                .map(h -> h.status() == ReferralStatus.DECLINED
                        ? new Referral.HistoryEntry(h.status(), h.at(), h.by(), h.providerCode(), null, h.outcome())
                        : h).toList();
        return new ReferralView(r.getId(), new PersonReferenceView(r.getPrisonNumber(), r.getCrn()), r.getNeed(),
                r.getProviderCode(), r.getStatus(), r.getRespondBy(), r.overdue(today), r.getSource(),
                r.getCaseId(), r.getPrisonCode(), r.getAreaCode(), r.getSex(), r.getRiskOfSeriousHarm(),
                r.getResponsibleOfficerCode(), r.getOutcome(), r.getClosedReason(), r.getCreatedAt(), r.getSentAt(),
                r.getAcceptedAt(), declines, history, r.getDesiredOutcomes(), r.getStartBy(), r.getOutcomeBy(),
                r.getStartedAt(), r.getEscalations().stream()
                        .map(e -> new EscalationView(e.stage(), e.dueBy(), e.at())).toList(),
                r.getEndOfServiceReport() != null);
    }
}
