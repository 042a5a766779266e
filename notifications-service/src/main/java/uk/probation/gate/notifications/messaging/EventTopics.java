package uk.probation.gate.notifications.messaging;

import java.util.Arrays;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.notifications.deliverylog.DeliveryLog;
import uk.probation.gate.notifications.deliverylog.Erasure;
import uk.probation.gate.platform.messaging.EventHandlers;
import uk.probation.gate.platform.messaging.IdempotentListeners;
import uk.probation.gate.platform.messaging.InboundEvent;
import uk.probation.gate.platform.messaging.PoisonEventException;

/**
 * One listener per producing service's topic. Every known event type goes to the rule table (which decides whether
 * anyone is told), except the erased types ({@code resettlement.case.erased}, {@code community-payback.order.erased},
 * {@code referral.referral.erased}), which delete what this service keeps about that case, order or referral and tell
 * nobody; an unknown type is ignored and counted by the platform; data that does not read as its event type is poison
 * and goes to the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class EventTopics {

    @Bean
    Consumer<Message<byte[]>> resettlementEvents(IdempotentListeners listeners, DeliveryLog log,
            Erasure erasure) {
        return listeners.cloudEvents(Topics.RESETTLEMENT, handlers(Topics.RESETTLEMENT, log, erasure));
    }

    @Bean
    Consumer<Message<byte[]>> communityPaybackEvents(IdempotentListeners listeners,
            DeliveryLog log, Erasure erasure) {
        return listeners.cloudEvents(Topics.COMMUNITY_PAYBACK,
                handlers(Topics.COMMUNITY_PAYBACK, log, erasure));
    }

    @Bean
    Consumer<Message<byte[]>> referralEvents(IdempotentListeners listeners, DeliveryLog log,
            Erasure erasure) {
        return listeners.cloudEvents(Topics.REFERRAL, handlers(Topics.REFERRAL, log, erasure));
    }

    static EventHandlers handlers(String topic, DeliveryLog log, Erasure erasure) {
        EventHandlers handlers = EventHandlers.create();
        Arrays.stream(EventType.values()).filter(type -> type.topic().equals(topic))
                .forEach(type -> handlers.on(type, Record.class, Erasure.types().contains(type)
                        ? (event, payload) -> erase(type, event, erasure)
                        : (event, payload) -> log.tell(occurrence(event))));
        return handlers;
    }

    /** An erased event: what it erased must be named, or it is poison (nothing can be deleted by it). */
    static void erase(EventType type, InboundEvent event, Erasure erasure) {
        DeliveryLog.Occurrence occurrence = occurrence(event);
        Erasure.Erased erased = Erasure.read(type, DeliveryLog.fields(occurrence.data()));
        if (erased.id() == null) {
            throw new PoisonEventException(event.type() + " without the id of what was erased");
        }
        erasure.erase(type, erased.id(), erased.people());
    }

    /** The event as the delivery log keeps it; its data was already read as its type's payload (else: poison). */
    static DeliveryLog.Occurrence occurrence(InboundEvent event) {
        if (event.id() == null || event.id().isBlank()) {
            throw new PoisonEventException(event.type() + " without an id");
        }
        return new DeliveryLog.Occurrence(event.id(), event.type(), event.subject(), event.data());
    }
}
