package uk.probation.gate.referral.person.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.contracts.resettlement.PrisonerReceived;
import uk.probation.gate.platform.messaging.EventHandlers;
import uk.probation.gate.platform.messaging.IdempotentListeners;
import uk.probation.gate.platform.messaging.InboundEvent;
import uk.probation.gate.platform.messaging.PoisonEventException;
import uk.probation.gate.referral.domain.RiskOfSeriousHarm;
import uk.probation.gate.referral.domain.Sex;
import uk.probation.gate.referral.person.People;
import uk.probation.gate.referral.person.PrisonerReception;

/** resettlement.events: a reception keeps the person referrals will be made for. */
@Configuration(proxyBeanMethods = false)
class ResettlementTopic {

    private static final String PRISON_NUMBER = "^[A-Z][0-9]{4}[A-Z]{2}$";

    @Bean
    Consumer<Message<byte[]>> resettlementEvents(IdempotentListeners listeners, JsonMapper json, People people) {
        return listeners.cloudEvents(Topics.RESETTLEMENT, EventHandlers.create()
                .on(EventType.RESETTLEMENT_PRISONER_RECEIVED,
                        event -> people.received(event.id(), reception(event, json))));
    }


    static PrisonerReception reception(InboundEvent event, JsonMapper json) {
        PrisonerReceived received;
        try {
            received = json.treeToValue(event.data(), PrisonerReceived.class);
        } catch (JacksonException e) {
            throw new PoisonEventException("Unreadable " + event.type() + " data", e);
        }
        if (received.prisonNumber() == null || !received.prisonNumber().matches(PRISON_NUMBER)
                || received.caseId() == null || received.prisonCode() == null) {
            throw new PoisonEventException(event.type() + " without a valid prisonNumber, caseId or prisonCode");
        }
        return new PrisonerReception(received.caseId(), received.prisonNumber(), received.crn(),
                received.prisonCode(), received.receivedOn(), enumOrNull(Sex.class, received.sex()),
                enumOrNull(RiskOfSeriousHarm.class, received.riskOfSeriousHarm()),
                received.responsibleOfficerCode());
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Unknown " + type.getSimpleName() + " " + value);
        }
    }
}
