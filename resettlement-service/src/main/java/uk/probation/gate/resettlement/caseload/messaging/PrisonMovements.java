package uk.probation.gate.resettlement.caseload.messaging;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.contracts.hmpps.HmppsDomainEvent;
import uk.probation.gate.platform.messaging.CloudEventReader;
import uk.probation.gate.platform.messaging.IdempotentListeners;
import uk.probation.gate.platform.messaging.PoisonEventException;
import uk.probation.gate.resettlement.caseload.Reception;
import uk.probation.gate.resettlement.caseload.Receptions;
import uk.probation.gate.resettlement.domain.Sex;

/** HMPPS prison movements: an ADMISSION into one of our prisons opens a case, once however often it arrives. */
@Configuration(proxyBeanMethods = false)
class PrisonMovements {

    private static final Logger log = LoggerFactory.getLogger(PrisonMovements.class);
    static final int KNOWN_VERSION = 1;

    @Bean
    Consumer<Message<byte[]>> prisonOffenderEvents(IdempotentListeners listeners, CloudEventReader reader,
            JsonMapper json, Receptions receptions) {
        return listeners.listener(Topics.PRISON_OFFENDER_EVENTS, message -> read(message, reader, json),
                event -> handle(event, receptions));
    }

    static HmppsDomainEvent read(Message<byte[]> message, CloudEventReader reader, JsonMapper json) {
        try {
            HmppsDomainEvent event = json.treeToValue(reader.parse(message.getPayload()), HmppsDomainEvent.class);
            if (event.eventType() == null || event.occurredAt() == null || event.prisonNumber().isEmpty()) {
                throw new PoisonEventException("HMPPS event without eventType, occurredAt or prison number");
            }
            if (event.version() == null || event.version() != KNOWN_VERSION) {
                throw new PoisonEventException("Unknown HMPPS event version " + event.version());
            }
            return event;
        } catch (JacksonException e) {
            throw new PoisonEventException("Unreadable HMPPS event", e);
        }
    }

    static void handle(HmppsDomainEvent event, Receptions receptions) {
        HmppsDomainEvent.AdditionalInformation info = event.additionalInformation();
        String reason = info == null ? null : info.reason();
        String prisonCode = info == null ? null : info.prisonId();
        if (!HmppsDomainEvent.PRISONER_RECEIVED.equals(event.eventType()) || !"ADMISSION".equals(reason)) {
            return;
        }
        if (!receptions.isResettlementPrison(prisonCode)) {
            log.debug("Admission to {} is outside the resettlement prisons", prisonCode);
            return;
        }
        // A movement carries no risk assessment: the caseworker's screening records it. The natural key
        // (prison number, reception date) makes a repeated movement find the case it opened.
        Sex sex = receptions.isWomensPrison(prisonCode) ? Sex.FEMALE : Sex.MALE;
        receptions.receive(new Reception(event.prisonNumber().orElseThrow(), null, prisonCode,
                event.occurredAt().toLocalDate(), null, sex, null, null));
    }
}
