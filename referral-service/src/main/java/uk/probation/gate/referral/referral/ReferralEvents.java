package uk.probation.gate.referral.referral;

import java.time.LocalDate;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.referral.PersonReference;
import uk.probation.gate.contracts.referral.ReferralAccepted;
import uk.probation.gate.contracts.referral.ReferralClosed;
import uk.probation.gate.contracts.referral.ReferralCreated;
import uk.probation.gate.contracts.referral.ReferralDeclined;
import uk.probation.gate.contracts.referral.ReferralErased;
import uk.probation.gate.contracts.referral.ReferralEscalated;
import uk.probation.gate.contracts.referral.ReferralOutcomeRecorded;
import uk.probation.gate.contracts.referral.ReferralSent;
import uk.probation.gate.contracts.referral.ReferralStarted;
import uk.probation.gate.platform.outbox.Events;
import uk.probation.gate.referral.domain.Stage;

/** The referral's lifecycle as events on referral.events: identifiers and codes only, keyed by the person. */
final class ReferralEvents {

    private ReferralEvents() {
    }

    static void created(Referral r, Events events) {
        r.registerEvent(events.of(EventType.REFERRAL_CREATED, r.personKey(), new ReferralCreated(r.getId(),
                person(r), r.getNeed().name(), r.getSource().name(), r.getCaseId(), r.getPrisonCode(),
                r.getAreaCode(), name(r.getSex()), name(r.getRiskOfSeriousHarm()), r.getResponsibleOfficerCode())));
    }

    static void sent(Referral r, Events events) {
        r.registerEvent(events.of(EventType.REFERRAL_SENT, r.personKey(), new ReferralSent(r.getId(), person(r),
                r.getNeed().name(), r.getProviderCode(), r.getRespondBy(), r.getSource().name(), r.getCaseId(),
                r.getPrisonCode(), r.getAreaCode(), name(r.getSex()), r.getResponsibleOfficerCode())));
    }

    static void declined(Referral r, String providerCode, String reason, boolean unroutable, Events events) {
        r.registerEvent(events.of(EventType.REFERRAL_DECLINED, r.personKey(), new ReferralDeclined(r.getId(),
                person(r), r.getNeed().name(), providerCode, reason, unroutable, r.getCaseId(), r.getPrisonCode(),
                r.getAreaCode(), name(r.getSex()), r.getResponsibleOfficerCode())));
    }

    static void accepted(Referral r, Events events) {
        r.registerEvent(events.of(EventType.REFERRAL_ACCEPTED, r.personKey(), new ReferralAccepted(r.getId(),
                person(r), r.getNeed().name(), r.getProviderCode(), r.getCaseId(), r.getPrisonCode(),
                r.getAreaCode(), name(r.getSex()), r.getResponsibleOfficerCode(), r.getStartBy())));
    }

    static void started(Referral r, Events events) {
        r.registerEvent(events.of(EventType.REFERRAL_STARTED, r.personKey(), new ReferralStarted(r.getId(),
                person(r), r.getNeed().name(), r.getProviderCode(), r.getCaseId(), r.getPrisonCode(),
                r.getAreaCode(), name(r.getSex()), r.getResponsibleOfficerCode(), r.getOutcomeBy())));
    }

    /** A stage passed its day: announced once per stage (RESPONSE, START, OUTCOME). */
    static void escalated(Referral r, Stage stage, LocalDate dueBy, Events events) {
        r.registerEvent(events.of(EventType.REFERRAL_ESCALATED, r.personKey(), new ReferralEscalated(r.getId(),
                person(r), r.getNeed().name(), r.getProviderCode(), stage.name(), dueBy, r.getCaseId(),
                r.getPrisonCode(), r.getAreaCode(), name(r.getSex()), r.getResponsibleOfficerCode())));
    }

    static void outcomeRecorded(Referral r, Events events) {
        r.registerEvent(events.of(EventType.REFERRAL_OUTCOME_RECORDED, r.personKey(), new ReferralOutcomeRecorded(
                r.getId(), person(r), r.getNeed().name(), r.getProviderCode(), r.getOutcome().name(),
                r.getCaseId(), r.getPrisonCode(), r.getAreaCode(), name(r.getSex()), r.getResponsibleOfficerCode())));
    }

    /**
     * {@code reason}: OUTCOME_RECORDED, WITHDRAWN (the plan no longer needs it), or UNROUTABLE (no rule matched);
     * {@code endOfServiceReport} true when the provider closed it with a report.
     */
    static void closed(Referral r, String reason, Events events) {
        r.registerEvent(events.of(EventType.REFERRAL_CLOSED, r.personKey(), new ReferralClosed(r.getId(),
                person(r), r.getNeed().name(), r.getProviderCode(), reason, name(r.getOutcome()),
                r.getCaseId(), r.getPrisonCode(), r.getAreaCode(), name(r.getSex()), r.getResponsibleOfficerCode(),
                r.getEndOfServiceReport() != null ? Boolean.TRUE : null)));
    }

    /** Registered before the referral is stripped: the last event naming the person, in the tombstone's outbox. */
    static void erased(Referral r, LocalDate on, Events events) {
        r.registerEvent(events.of(EventType.REFERRAL_ERASED, r.personKey(), new ReferralErased(r.getId(), person(r),
                r.getCaseId(), r.getProviderCode(), on)));
    }

    private static PersonReference person(Referral r) {
        return new PersonReference(r.getPrisonNumber(), r.getCrn());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
