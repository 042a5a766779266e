package uk.probation.gate.referral.messaging;

import uk.probation.gate.contracts.Identifiers;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.contracts.resettlement.CaseErased;
import uk.probation.gate.contracts.resettlement.CaseSuperseded;
import uk.probation.gate.contracts.resettlement.CaseUpdated;
import uk.probation.gate.contracts.resettlement.PlanCompleted;
import uk.probation.gate.contracts.resettlement.PrisonerReceived;
import uk.probation.gate.contracts.resettlement.PrisonerReleased;
import uk.probation.gate.platform.messaging.EventHandlers;
import uk.probation.gate.platform.messaging.IdempotentListeners;
import uk.probation.gate.platform.messaging.InboundEvent;
import uk.probation.gate.platform.messaging.PoisonEventException;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.contracts.reference.RiskOfSeriousHarm;
import uk.probation.gate.contracts.reference.Sex;
import uk.probation.gate.referral.person.CaseDetails;
import uk.probation.gate.referral.person.People;
import uk.probation.gate.referral.person.PrisonerReception;
import uk.probation.gate.referral.lifecycle.PlanReferrals;
import uk.probation.gate.referral.lifecycle.Referrals;
import uk.probation.gate.referral.release.ReleaseOutcome;
import uk.probation.gate.referral.release.ReleaseOutcomes;
import uk.probation.gate.referral.retention.CaseErasure;

/**
 * resettlement.events: a reception keeps the person and when they are expected out; a case's completed or corrected
 * details replace the person's, its open referrals' and its expected release; a superseded case is no longer due for
 * release and its open referrals move to the case that superseded it; a completed plan makes (or withdraws)
 * referrals and says which needs to follow to release; a release is joined with the referral outcomes; an erased case
 * takes everything kept here about it with it ({@link CaseErasure}).
 */
@Configuration(proxyBeanMethods = false)
class ResettlementTopic {

    private static final Logger log = LoggerFactory.getLogger(ResettlementTopic.class);
    private static final String SUPPORT_REQUIRED = "SUPPORT_REQUIRED";

    @Bean
    Consumer<Message<byte[]>> resettlementEvents(IdempotentListeners listeners, People people,
            PlanReferrals plans, Referrals referrals, ReleaseOutcomes outcomes, CaseErasure erasure) {
        return listeners.cloudEvents(Topics.RESETTLEMENT, EventHandlers.create()
                .on(EventType.RESETTLEMENT_PRISONER_RECEIVED, PrisonerReceived.class, (event, received) -> {
                    PrisonerReception reception = reception(event, received);
                    people.received(event.id(), reception);
                    LocalDate expected = received.expectedReleaseDate();
                    outcomes.apply(event.id(), new ReleaseOutcomes.CaseOf(reception.caseId(),
                            reception.prisonNumber(), reception.crn(), reception.prisonCode(), reception.sex()),
                            o -> o.expectedRelease(expected));
                })
                .on(EventType.RESETTLEMENT_PLAN_COMPLETED, PlanCompleted.class, (event, completed) -> {
                    PlanReferrals.CompletedPlan plan = plan(event, completed);
                    plans.planCompleted(event.id(), plan);
                    outcomes.apply(event.id(), new ReleaseOutcomes.CaseOf(plan.caseId(), plan.prisonNumber(),
                            plan.crn(), plan.prisonCode(), plan.sex()), o -> o.planned(plan.planVersion(),
                            plan.supportRequired().contains(Need.ACCOMMODATION),
                            plan.supportRequired().contains(Need.EDUCATION_SKILLS_AND_WORK)));
                })
                .on(EventType.RESETTLEMENT_CASE_UPDATED, CaseUpdated.class, (event, updated) -> {
                    CaseDetails details = details(event, updated);
                    people.caseUpdated(event.id(), details);
                    referrals.caseUpdated(event.id(), details);
                    outcomes.apply(event.id(), new ReleaseOutcomes.CaseOf(details.caseId(), details.prisonNumber(),
                            details.crn(), details.prisonCode(), details.sex()),
                            o -> o.expectedRelease(details.expectedReleaseDate()));
                })
                .on(EventType.RESETTLEMENT_CASE_SUPERSEDED, CaseSuperseded.class, (event, superseded) -> {
                    if (superseded.caseId() == null || superseded.supersededByCaseId() == null) {
                        throw new PoisonEventException(event.type() + " without a caseId or supersededByCaseId");
                    }
                    referrals.caseSuperseded(event.id(), superseded.caseId(), superseded.supersededByCaseId());
                    plans.caseSuperseded(event.id(), superseded.caseId(), superseded.supersededByCaseId());
                    outcomes.apply(event.id(), new ReleaseOutcomes.CaseOf(superseded.caseId(),
                            superseded.prisonNumber(), superseded.crn(), superseded.prisonCode(), null),
                            o -> o.superseded(superseded.supersededByCaseId()));
                })
                .on(EventType.RESETTLEMENT_PRISONER_RELEASED, PrisonerReleased.class, (event, released) -> {
                    if (released.caseId() == null) {
                        throw new PoisonEventException(event.type() + " without a caseId");
                    }
                    outcomes.apply(event.id(), new ReleaseOutcomes.CaseOf(released.caseId(), released.prisonNumber(),
                            released.crn(), released.prisonCode(), enumOrNull(Sex.class, released.sex())),
                            o -> o.released(new ReleaseOutcome.Release(released.releasedOn(),
                                    released.accommodationOnRelease(), released.eteOnRelease(), released.metAtGate(),
                                    released.outcomeRecorded())));
                })
                .on(EventType.RESETTLEMENT_CASE_ERASED, CaseErased.class, (event, erased) -> {
                    if (erased.caseId() == null || erased.caseId().isBlank()) {
                        throw new PoisonEventException(event.type() + " without a caseId");
                    }
                    erasure.caseErased(erased.caseId());
                }));
    }

    static PrisonerReception reception(InboundEvent event, PrisonerReceived received) {
        if (received.prisonNumber() == null || !Identifiers.isPrisonNumber(received.prisonNumber())
                || received.caseId() == null || received.prisonCode() == null) {
            throw new PoisonEventException(event.type() + " without a valid prisonNumber, caseId or prisonCode");
        }
        return new PrisonerReception(received.caseId(), received.prisonNumber(), received.crn(),
                received.prisonCode(), received.receivedOn(), received.expectedReleaseDate(),
                enumOrNull(Sex.class, received.sex()), enumOrNull(RiskOfSeriousHarm.class, received.riskOfSeriousHarm()),
                received.responsibleOfficerCode(), Boolean.TRUE.equals(received.recall()));
    }

    static CaseDetails details(InboundEvent event, CaseUpdated updated) {
        if (updated.caseId() == null || updated.prisonNumber() == null
                || !Identifiers.isPrisonNumber(updated.prisonNumber())) {
            throw new PoisonEventException(event.type() + " without a caseId or a valid prisonNumber");
        }
        return new CaseDetails(updated.caseId(), updated.prisonNumber(), updated.crn(), updated.prisonCode(),
                enumOrNull(Sex.class, updated.sex()), updated.expectedReleaseDate(),
                enumOrNull(RiskOfSeriousHarm.class, updated.riskOfSeriousHarm()), updated.responsibleOfficerCode(),
                updated.recall());
    }

    static PlanReferrals.CompletedPlan plan(InboundEvent event, PlanCompleted plan) {
        if (plan.caseId() == null || plan.prisonNumber() == null && plan.crn() == null || plan.needs() == null) {
            throw new PoisonEventException(event.type() + " without a caseId, an identifier or needs");
        }
        Set<Need> required = EnumSet.noneOf(Need.class);
        for (PlanCompleted.Need need : plan.needs()) {
            if (SUPPORT_REQUIRED.equals(need.status())) {
                try {
                    required.add(Need.valueOf(need.pathway()));
                } catch (IllegalArgumentException | NullPointerException e) {
                    log.warn("Plan of case {} names an unknown pathway {}; not referred", plan.caseId(),
                            need.pathway());
                }
            }
        }
        return new PlanReferrals.CompletedPlan(plan.caseId(), plan.prisonNumber(), plan.crn(), plan.prisonCode(),
                enumOrNull(Sex.class, plan.sex()), enumOrNull(RiskOfSeriousHarm.class, plan.riskOfSeriousHarm()),
                plan.responsibleOfficerCode(), Math.max(1, plan.planVersion()), required);
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Unknown " + type.getSimpleName() + " " + value);
        }
    }
}
