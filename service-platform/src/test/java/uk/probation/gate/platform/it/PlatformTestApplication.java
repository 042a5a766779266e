package uk.probation.gate.platform.it;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.messaging.Message;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.platform.messaging.EventHandlers;
import uk.probation.gate.platform.messaging.IdempotentListeners;
import uk.probation.gate.platform.messaging.InboundEvent;
import uk.probation.gate.platform.outbox.AggregateDocument;
import uk.probation.gate.platform.outbox.AggregateStore;
import uk.probation.gate.platform.outbox.OutboxEvent;
import uk.probation.gate.platform.security.AccessRules;

/**
 * The smallest service built on the platform, as the services use it: one aggregate made over HTTP (its event goes
 * out through the outbox), one aggregate counting what an inbound topic's listener handled. Everything else (the
 * relay, the idempotency-key filter, the listeners' retries and dead letters, security) is the platform's own
 * auto-configuration.
 */
@SpringBootApplication
public class PlatformTestApplication {

    static final String APPLICATION = "platform-it";
    static final String OUTBOUND = "platform-it.widgets";
    static final String INBOUND = "platform-it.inbound";
    static final String DLT = APPLICATION + ".dlt";
    static final String MADE = "platform-it.widget.made";
    static final String ROLE = "WIDGET_MAKER";
    /** The inbound type the listener handles, at its current schema version. */
    static final EventType COUNTED = EventType.RESETTLEMENT_PRISONER_RECEIVED;

    /** Made through the API; its creation is published through the outbox. */
    @Document("widgets")
    public static class Widget extends AggregateDocument {
        String name;

        Widget() {
        }

        Widget(String id, String name) {
            super(id);
            this.name = name;
        }
    }

    /** What the inbound listener handled for one key: each event counted once however often it is delivered. */
    @Document("tallies")
    public static class Tally extends AggregateDocument {
        int counted;

        Tally() {
        }

        Tally(String id) {
            super(id);
        }

        public int counted() {
            return counted;
        }
    }

    record WidgetRequest(@NotBlank String name) {
    }

    @RestController
    static class Widgets {

        private final AggregateStore store;
        private final JsonMapper json;
        private final Clock clock;

        Widgets(AggregateStore store, JsonMapper json, Clock clock) {
            this.store = store;
            this.json = json;
            this.clock = clock;
        }

        @PostMapping("/api/widgets")
        ResponseEntity<Map<String, Object>> make(@Valid @RequestBody WidgetRequest request) {
            Widget widget = new Widget(UUID.randomUUID().toString(), request.name());
            widget.registerEvent(new OutboxEvent(UUID.randomUUID().toString(), MADE, OUTBOUND, widget.getId(),
                    widget.getId(), "/schemas/platform-it.widget.made/v1.json", clock.instant(),
                    json.writeValueAsString(Map.of("id", widget.getId(), "name", widget.name))));
            store.save(widget);
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", widget.getId(), "name", widget.name));
        }
    }

    @Bean
    AccessRules widgetRules() {
        return requests -> requests.requestMatchers("/api/widgets/**").hasRole(ROLE);
    }

    /** The binding {@code inbound-in-0}: counts each counted event once per key, as a service's handler would. */
    @Bean
    Consumer<Message<byte[]>> inbound(IdempotentListeners listeners, AggregateStore store) {
        return listeners.cloudEvents(INBOUND, EventHandlers.create().on(COUNTED, Record.class, (event, payload) -> count(store, event)));
    }

    private static void count(AggregateStore store, InboundEvent event) {
        Tally tally = store.findById(event.subject(), Tally.class);
        if (tally == null) {
            tally = new Tally(event.subject());
        }
        if (tally.markProcessed(event.id())) {
            tally.counted++;
            store.save(tally);
        }
    }
}
