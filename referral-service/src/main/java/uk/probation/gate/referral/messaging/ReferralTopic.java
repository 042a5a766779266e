package uk.probation.gate.referral.messaging;

import static uk.probation.gate.referral.messaging.ResettlementTopic.enumOrNull;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.contracts.referral.PersonReference;
import uk.probation.gate.contracts.referral.ReferralAccepted;
import uk.probation.gate.contracts.referral.ReferralOutcomeRecorded;
import uk.probation.gate.contracts.referral.ReferralSent;
import uk.probation.gate.platform.messaging.EventHandlers;
import uk.probation.gate.platform.messaging.IdempotentListeners;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.Outcome;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.referral.release.ReleaseOutcome;
import uk.probation.gate.referral.release.ReleaseOutcomes;

/**
 * referral.events, our own topic read back: accommodation and ETE referrals of a resettlement case feed the join
 * with its release. Reading the published events (not the referral documents) keeps one write per change.
 */
@Configuration(proxyBeanMethods = false)
class ReferralTopic {

    @Bean
    Consumer<Message<byte[]>> referralEvents(IdempotentListeners listeners, ReleaseOutcomes outcomes) {
        return listeners.cloudEvents(Topics.REFERRAL, EventHandlers.create()
                .on(EventType.REFERRAL_SENT, ReferralSent.class, (event, sent) -> {
                    follow(outcomes, event.id(), sent.caseId(), sent.personReference(), sent.prisonCode(),
                            sent.sex(), sent.need(), o -> o.sent(Need.valueOf(sent.need())));
                })
                .on(EventType.REFERRAL_ACCEPTED, ReferralAccepted.class, (event, accepted) -> {
                    follow(outcomes, event.id(), accepted.caseId(), accepted.personReference(),
                            accepted.prisonCode(), accepted.sex(), accepted.need(),
                            o -> o.accepted(Need.valueOf(accepted.need())));
                })
                .on(EventType.REFERRAL_OUTCOME_RECORDED, ReferralOutcomeRecorded.class, (event, recorded) -> {
                    Outcome outcome = enumOrNull(Outcome.class, recorded.outcome());
                    follow(outcomes, event.id(), recorded.caseId(), recorded.personReference(),
                            recorded.prisonCode(), recorded.sex(), recorded.need(),
                            o -> o.outcome(Need.valueOf(recorded.need()), outcome, recorded.providerCode()));
                }));
    }

    /** Only accommodation and ETE referrals that belong to a resettlement case are followed to release. */
    private static void follow(ReleaseOutcomes outcomes, String eventId, String caseId, PersonReference person,
            String prisonCode, String sex, String need, Consumer<ReleaseOutcome> change) {
        Need parsed = enumOrNull(Need.class, need);
        if (caseId == null || parsed == null || !parsed.trackedToRelease()) {
            return;
        }
        outcomes.apply(eventId, new ReleaseOutcomes.CaseOf(caseId, person == null ? null : person.prisonNumber(),
                person == null ? null : person.crn(), prisonCode, enumOrNull(Sex.class, sex)), change);
    }
}
