package uk.probation.gate.platform.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import uk.probation.gate.contracts.EventType;

/** What one inbound topic's listener does per event type, and which schema versions of each it understands. */
public final class EventHandlers {

    private final Map<String, Registration> byType = new LinkedHashMap<>();

    private record Registration(Set<String> dataschemas, Consumer<InboundEvent> handler) {
    }

    public static EventHandlers create() {
        return new EventHandlers();
    }

    /** Handles the type at its current schema version (consumers tolerate added optional fields). */
    public EventHandlers on(EventType type, Consumer<InboundEvent> handler) {
        byType.put(type.type(), new Registration(Set.of(type.dataschema()), handler));
        return this;
    }

    Consumer<InboundEvent> handlerFor(InboundEvent event) {
        Registration registration = byType.get(event.type());
        if (registration == null) {
            return null;
        }
        if (event.dataschema() != null && !registration.dataschemas().contains(event.dataschema())) {
            throw new PoisonEventException("Unknown schema version " + event.dataschema() + " for " + event.type());
        }
        return registration.handler();
    }
}
