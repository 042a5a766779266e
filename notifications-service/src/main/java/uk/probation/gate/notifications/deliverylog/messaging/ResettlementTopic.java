package uk.probation.gate.notifications.deliverylog.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.contracts.resettlement.PrisonerReceived;
import uk.probation.gate.notifications.deliverylog.DeliveryLog;
import uk.probation.gate.platform.messaging.EventHandlers;
import uk.probation.gate.platform.messaging.IdempotentListeners;
import uk.probation.gate.platform.messaging.InboundEvent;
import uk.probation.gate.platform.messaging.PoisonEventException;

/** resettlement.events: a reception is told to the person's responsible officer, once. */
@Configuration(proxyBeanMethods = false)
class ResettlementTopic {

    @Bean
    Consumer<Message<byte[]>> resettlementEvents(IdempotentListeners listeners, JsonMapper json,
            DeliveryLog deliveryLog) {
        return listeners.cloudEvents(Topics.RESETTLEMENT, EventHandlers.create()
                .on(EventType.RESETTLEMENT_PRISONER_RECEIVED, event -> deliveryLog.tell(received(event, json))));
    }


    static DeliveryLog.Occurrence received(InboundEvent event, JsonMapper json) {
        PrisonerReceived received;
        try {
            received = json.treeToValue(event.data(), PrisonerReceived.class);
        } catch (JacksonException e) {
            throw new PoisonEventException("Unreadable " + event.type() + " data", e);
        }
        if (received.prisonNumber() == null || received.prisonNumber().isBlank()) {
            throw new PoisonEventException(event.type() + " without a prisonNumber");
        }
        String officer = received.responsibleOfficerCode();
        return new DeliveryLog.Occurrence(event.id(), event.type(), received.prisonNumber(),
                officer == null || officer.isBlank() ? null : officer);
    }
}
