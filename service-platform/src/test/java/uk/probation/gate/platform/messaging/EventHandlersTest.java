package uk.probation.gate.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.contracts.EventType;
import uk.probation.gate.contracts.resettlement.CaseErased;
import uk.probation.gate.contracts.resettlement.PrisonerReleased;

/** A handler is given its event's data read once as the type's payload record; what cannot be read is poison. */
class EventHandlersTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final CloudEventReader reader = new CloudEventReader(json);
    private final List<CaseErased> handled = new ArrayList<>();
    private final EventHandlers handlers = EventHandlers.create()
            .on(EventType.RESETTLEMENT_CASE_ERASED, CaseErased.class, (event, erased) -> handled.add(erased));

    @Test
    void theHandlerIsGivenTheTypedPayload() {
        handlerFor(EventType.RESETTLEMENT_CASE_ERASED,
                "{\"caseId\":\"case-1\",\"prisonNumber\":\"A1234BC\",\"erasedOn\":\"2026-11-28\",\"extra\":1}")
                .accept(event(EventType.RESETTLEMENT_CASE_ERASED,
                        "{\"caseId\":\"case-1\",\"prisonNumber\":\"A1234BC\",\"erasedOn\":\"2026-11-28\",\"extra\":1}"));

        assertThat(handled).singleElement().satisfies(erased -> {
            assertThat(erased.caseId()).isEqualTo("case-1");
            assertThat(erased.erasedOn()).isEqualTo(LocalDate.of(2026, 11, 28));
        });
    }

    @Test
    void dataThatIsNotThePayloadIsPoisonAndReachesNoHandler() {
        InboundEvent badDate = event(EventType.RESETTLEMENT_CASE_ERASED, "{\"caseId\":\"case-1\",\"erasedOn\":\"soon\"}");
        Consumer<InboundEvent> handler = handlers.handlerFor(badDate, reader);

        assertThatThrownBy(() -> handler.accept(badDate)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("Unreadable resettlement.case.erased data");
        InboundEvent array = new InboundEvent("id-2", EventType.RESETTLEMENT_CASE_ERASED.type(), "src", "s", null,
                EventType.RESETTLEMENT_CASE_ERASED.dataschema(), json.readTree("[1,2]"));
        assertThatThrownBy(() -> handlers.handlerFor(array, reader).accept(array))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("without a JSON object");
        assertThat(handled).isEmpty();
    }

    @Test
    void anEventNoHandlerWantsHasNoHandlerAndAnUnknownSchemaVersionIsPoison() {
        assertThat(handlers.handlerFor(event(EventType.RESETTLEMENT_PRISONER_RELEASED, "{}"), reader)).isNull();
        InboundEvent v99 = new InboundEvent("id-3", EventType.RESETTLEMENT_CASE_ERASED.type(), "src", "s", null,
                "/schemas/resettlement.case.erased/v99.json", json.readTree("{}"));
        assertThatThrownBy(() -> handlers.handlerFor(v99, reader)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("v99");
    }

    @Test
    void aHandlerMustTakeItsTypesPayload() {
        assertThatThrownBy(() -> EventHandlers.create().on(EventType.RESETTLEMENT_CASE_ERASED, PrisonerReleased.class,
                (event, released) -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CaseErased");
        // a handler of every type takes any record
        EventHandlers.create().on(EventType.RESETTLEMENT_CASE_ERASED, Record.class, (event, any) -> { });
    }

    private Consumer<InboundEvent> handlerFor(EventType type, String data) {
        return handlers.handlerFor(event(type, data), reader);
    }

    private InboundEvent event(EventType type, String data) {
        return new InboundEvent("id-1", type.type(), "src", "subject", null, type.dataschema(),
                reader.parse(data.getBytes(StandardCharsets.UTF_8)));
    }
}
