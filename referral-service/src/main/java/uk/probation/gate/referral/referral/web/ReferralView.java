package uk.probation.gate.referral.referral.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.Outcome;
import uk.probation.gate.referral.domain.ReferralStatus;
import uk.probation.gate.referral.domain.RiskOfSeriousHarm;
import uk.probation.gate.referral.domain.Sex;
import uk.probation.gate.referral.referral.Referral;

record ReferralView(String id, PersonReferenceView personReference, Need need, String providerCode,
        ReferralStatus status, LocalDate respondBy, Referral.Source source, String caseId, String prisonCode,
        String areaCode, Sex sex, RiskOfSeriousHarm riskOfSeriousHarm, String responsibleOfficerCode,
        Outcome outcome, String closedReason, Instant createdAt, Instant sentAt, Instant acceptedAt,
        List<Referral.Decline> declines) {

    record PersonReferenceView(String prisonNumber, String crn) {
    }

    static ReferralView of(Referral r) {
        return new ReferralView(r.getId(), new PersonReferenceView(r.getPrisonNumber(), r.getCrn()), r.getNeed(),
                r.getProviderCode(), r.getStatus(), r.getRespondBy(), r.getSource(), r.getCaseId(),
                r.getPrisonCode(), r.getAreaCode(), r.getSex(), r.getRiskOfSeriousHarm(),
                r.getResponsibleOfficerCode(), r.getOutcome(), r.getClosedReason(), r.getCreatedAt(), r.getSentAt(),
                r.getAcceptedAt(), r.getDeclines());
    }
}
