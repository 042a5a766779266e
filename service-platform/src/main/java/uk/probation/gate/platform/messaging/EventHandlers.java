package uk.probation.gate.platform.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import uk.probation.gate.contracts.EventType;

/**
 * What one inbound topic's listener does per event type, and which schema versions of each it understands. A handler
 * is given the event's data read once as the type's payload record ({@link EventType#payloadType()}); data that
 * cannot be read as it is a poison event, and reaches no handler.
 */
public final class EventHandlers {

    private final Map<String, Registration> byType = new LinkedHashMap<>();

    private record Registration(Set<String> dataschemas, Class<?> payload, BiConsumer<InboundEvent, Object> handler) {
    }

    public static EventHandlers create() {
        return new EventHandlers();
    }

    /**
     * Handles the type at its current schema version (consumers tolerate added optional fields), given its data as
     * {@code payload}: the type's payload record, or a supertype of it (a handler of every type takes {@code Record}).
     */
    @SuppressWarnings("unchecked")
    public <T> EventHandlers on(EventType type, Class<T> payload, BiConsumer<InboundEvent, ? super T> handler) {
        if (!payload.isAssignableFrom(type.payloadType())) {
            throw new IllegalArgumentException(type.type() + " carries " + type.payloadType().getSimpleName()
                    + ", not " + payload.getSimpleName());
        }
        byType.put(type.type(), new Registration(Set.of(type.dataschema()), type.payloadType(),
                (BiConsumer<InboundEvent, Object>) handler));
        return this;
    }

    /** What handles the event, its data read as its type's payload by {@code reader}; null when nothing does. */
    Consumer<InboundEvent> handlerFor(InboundEvent event, CloudEventReader reader) {
        Registration registration = byType.get(event.type());
        if (registration == null) {
            return null;
        }
        if (event.dataschema() != null && !registration.dataschemas().contains(event.dataschema())) {
            throw new PoisonEventException("Unknown schema version " + event.dataschema() + " for " + event.type());
        }
        return read -> registration.handler().accept(read, reader.payload(read, registration.payload()));
    }
}
