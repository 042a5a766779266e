package uk.probation.gate.contracts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import uk.probation.gate.contracts.communitypayback.OrderCompleted;
import uk.probation.gate.contracts.communitypayback.OrderReceived;
import uk.probation.gate.contracts.communitypayback.PlacementAssigned;
import uk.probation.gate.contracts.communitypayback.SessionAttended;
import uk.probation.gate.contracts.communitypayback.WorkSentHome;
import uk.probation.gate.contracts.hmpps.HmppsDomainEvent;
import uk.probation.gate.contracts.referral.PersonReference;
import uk.probation.gate.contracts.referral.ReferralAccepted;
import uk.probation.gate.contracts.referral.ReferralClosed;
import uk.probation.gate.contracts.referral.ReferralCreated;
import uk.probation.gate.contracts.referral.ReferralDeclined;
import uk.probation.gate.contracts.referral.ReferralOutcomeRecorded;
import uk.probation.gate.contracts.referral.ReferralSent;
import uk.probation.gate.contracts.referral.ReferralStarted;
import uk.probation.gate.contracts.referral.ReferralEscalated;
import uk.probation.gate.contracts.resettlement.CaseAllocated;
import uk.probation.gate.contracts.resettlement.CaseDeallocated;
import uk.probation.gate.contracts.resettlement.CaseSuperseded;
import uk.probation.gate.contracts.resettlement.CaseUpdated;
import uk.probation.gate.contracts.resettlement.PlanCompleted;
import uk.probation.gate.contracts.resettlement.PreReleaseReviewCompleted;
import uk.probation.gate.contracts.resettlement.PrisonerReceived;
import uk.probation.gate.contracts.resettlement.PrisonerReleased;
import uk.probation.gate.contracts.resettlement.PrisonerTransferred;

/** One instance of each payload record with every field set, so a field the schema lacks cannot hide behind a null. */
final class PayloadSamples {

    private static final String CASE = "c0a8012e-5b1f-4c1a-9d3e-1f2a3b4c5d6e";
    private static final String PRISON_NUMBER = "A1234BC";
    private static final String CRN = "X123456";
    private static final String OFFICER = "N53RO01";
    private static final LocalDate DAY = LocalDate.of(2025, 3, 7);
    private static final PersonReference PERSON = new PersonReference(PRISON_NUMBER, CRN);

    private PayloadSamples() {
    }

    static Record of(EventType type) {
        return switch (type) {
            case RESETTLEMENT_PRISONER_RECEIVED -> new PrisonerReceived(CASE, PRISON_NUMBER, CRN, "NMI", DAY,
                    DAY.plusMonths(6), "MALE", "MEDIUM", OFFICER, DAY.plusDays(7), true);
            case RESETTLEMENT_PLAN_COMPLETED -> new PlanCompleted(CASE, PRISON_NUMBER, CRN, "NMI", "FEMALE", "HIGH",
                    OFFICER, 2, DAY, true, List.of(
                            new PlanCompleted.Need("ACCOMMODATION", "SUPPORT_REQUIRED"),
                            new PlanCompleted.Need("ABUSE_VICTIM_SUPPORT", "IN_PROGRESS")));
            case RESETTLEMENT_PRISONER_RELEASED -> new PrisonerReleased(CASE, PRISON_NUMBER, CRN, "NMI", "MALE",
                    OFFICER, DAY, "NO_FIXED_ABODE", "EDUCATION_OR_TRAINING", true, true, "RELEASED");
            case RESETTLEMENT_PRISONER_TRANSFERRED -> new PrisonerTransferred(CASE, PRISON_NUMBER, CRN, "NMI", "WTI",
                    DAY, OFFICER);
            case COMMUNITY_PAYBACK_ORDER_RECEIVED -> new OrderReceived("o-1", CRN, DAY, 7200, 2160,
                    DAY.plusYears(1), "N53DER", "MALE", "LOW", OFFICER);
            case COMMUNITY_PAYBACK_PLACEMENT_ASSIGNED -> new PlacementAssigned("o-1", CRN, "N53DER", "DER-PARKS-01",
                    "GROUP", false, DAY, OFFICER);
            case COMMUNITY_PAYBACK_SESSION_ATTENDED -> new SessionAttended("o-1", CRN, "s-1", "DER-PARKS-01",
                    "N53DER", DAY, "ATTENDED_COMPLIED", 420, 840, 6360, OFFICER);
            case COMMUNITY_PAYBACK_WORK_SENT_HOME -> new WorkSentHome("o-1", CRN, "s-1", "DER-PARKS-01", "N53DER",
                    DAY, "NO_SUPERVISOR", OFFICER);
            case COMMUNITY_PAYBACK_ORDER_COMPLETED -> new OrderCompleted("o-1", CRN, "N53DER", "FEMALE", DAY,
                    DAY.plusMonths(9), 7200, 7200, true, OFFICER);
            case REFERRAL_CREATED -> new ReferralCreated("r-1", PERSON, "ACCOMMODATION", "PLAN", CASE, "NMI",
                    "N53DER", "MALE", "MEDIUM", OFFICER);
            case REFERRAL_SENT -> new ReferralSent("r-1", PERSON, "ACCOMMODATION", "HOUSING-NOTTS", DAY, "PLAN",
                    CASE, "NMI", "N53DER", "MALE", OFFICER);
            case REFERRAL_ACCEPTED -> new ReferralAccepted("r-1", PERSON, "ACCOMMODATION", "HOUSING-NOTTS", CASE,
                    "NMI", "N53DER", "MALE", OFFICER, DAY.plusDays(10));
            case REFERRAL_STARTED -> new ReferralStarted("r-1", PERSON, "ACCOMMODATION", "HOUSING-NOTTS", CASE,
                    "NMI", "N53DER", "MALE", OFFICER, DAY.plusDays(40));
            case REFERRAL_DECLINED -> new ReferralDeclined("r-1", PERSON, "ACCOMMODATION", "HOUSING-NOTTS",
                    "NO_CAPACITY", false, CASE, "NMI", "N53DER", "MALE", OFFICER);
            case REFERRAL_OUTCOME_RECORDED -> new ReferralOutcomeRecorded("r-1", PERSON, "EDUCATION_SKILLS_AND_WORK",
                    "INGEUS", "TRAINING_OR_EDUCATION_SECURED", CASE, "NMI", "N53DER", "MALE", OFFICER);
            case REFERRAL_CLOSED -> new ReferralClosed("r-1", PERSON, "HEALTH", "CGL", "OUTCOME_RECORDED",
                    "ACHIEVED", CASE, "NMI", "N53DER", "MALE", OFFICER, true);
            case RESETTLEMENT_CASE_UPDATED -> new CaseUpdated(CASE, PRISON_NUMBER, CRN, "NMI", "MALE", DAY,
                    DAY.plusMonths(6), "HIGH", OFFICER, false, DAY.plusMonths(6).minusWeeks(12),
                    List.of("expectedReleaseDate", "riskOfSeriousHarm"));
            case RESETTLEMENT_REVIEW_COMPLETED -> new PreReleaseReviewCompleted(CASE, PRISON_NUMBER, CRN, "NMI",
                    "FEMALE", OFFICER, DAY.plusMonths(3), DAY.plusMonths(3).minusWeeks(12), DAY.plusDays(30), true, 1);
            case RESETTLEMENT_CASE_SUPERSEDED -> new CaseSuperseded(CASE, PRISON_NUMBER, CRN, "NMI", OFFICER,
                    "c-2", DAY);
            case RESETTLEMENT_CASE_ALLOCATED -> new CaseAllocated(CASE, PRISON_NUMBER, "NMI", "cw-nottingham",
                    "cw-nottingham2");
            case RESETTLEMENT_CASE_DEALLOCATED -> new CaseDeallocated(CASE, PRISON_NUMBER, "NMI", "cw-nottingham",
                    "RELEASED");
            case REFERRAL_ESCALATED -> new ReferralEscalated("r-1", PERSON, "ACCOMMODATION", "HOUSING-NOTTS",
                    "START", DAY, CASE, "NMI", "N53DER", "MALE", OFFICER);
            case RESETTLEMENT_CASE_ERASED -> new uk.probation.gate.contracts.resettlement.CaseErased(CASE,
                    PRISON_NUMBER, CRN, "NMI", DAY.plusYears(7));
            case COMMUNITY_PAYBACK_ORDER_ERASED -> new uk.probation.gate.contracts.communitypayback.OrderErased("o-1",
                    CRN, "N53DER", DAY.plusYears(7));
            case REFERRAL_ERASED -> new uk.probation.gate.contracts.referral.ReferralErased("r-1", PERSON, CASE,
                    "HOUSING-NOTTS", DAY.plusYears(7));
        };
    }

    static HmppsDomainEvent hmpps(String eventType, String reason) {
        return new HmppsDomainEvent(eventType, 1, OffsetDateTime.parse("2025-03-03T10:15:30Z"),
                "A prisoner movement",
                new HmppsDomainEvent.PersonReference(List.of(new HmppsDomainEvent.Identifier("NOMS", PRISON_NUMBER))),
                new HmppsDomainEvent.AdditionalInformation(PRISON_NUMBER, "NMI", reason, "ACTIVE IN", "24",
                        "RECALL"));
    }
}
