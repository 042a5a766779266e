package uk.probation.gate.resettlement.messaging;

import java.time.LocalDate;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.probation.gate.contracts.Topics;
import uk.probation.gate.contracts.hmpps.HmppsDomainEvent;
import uk.probation.gate.platform.messaging.CloudEventReader;
import uk.probation.gate.platform.messaging.IdempotentListeners;
import uk.probation.gate.platform.messaging.InboundEvent;
import uk.probation.gate.platform.security.SecurityEvents;
import uk.probation.gate.platform.messaging.PoisonEventException;
import uk.probation.gate.resettlement.caseload.Reception;
import uk.probation.gate.resettlement.caseload.Receptions;
import uk.probation.gate.resettlement.release.Releases;
import uk.probation.gate.resettlement.domain.OutsideKnownBankHolidays;
import uk.probation.gate.contracts.reference.Sex;

/** HMPPS prison movements (received / released) drive the caseload, once however often they arrive. */
@Configuration(proxyBeanMethods = false)
class PrisonMovements {

    private static final Logger log = LoggerFactory.getLogger(PrisonMovements.class);
    static final int KNOWN_VERSION = 1;

    @Bean
    Consumer<Message<byte[]>> prisonOffenderEvents(IdempotentListeners listeners, CloudEventReader reader,
            JsonMapper json, Receptions receptions, Releases releases) {
        HmppsEventCheck check = new HmppsEventCheck();
        return listeners.listener(Topics.PRISON_OFFENDER_EVENTS, message -> read(message, reader, json, check),
                event -> {
                    try {
                        handle(toDomainEvent(event.data(), json), receptions, releases);
                    } catch (OutsideKnownBankHolidays e) {
                        // retrying cannot help: the bank holidays must be updated, then the dead letter replayed
                        throw new PoisonEventException(e.getMessage(), e);
                    }
                });
    }

    /**
     * Reads and checks the record before anything is stored: JSON, a type we subscribe to, version 1, its JSON Schema,
     * the prison number and prison code (see {@link HmppsEventCheck}). A record that fails is poison (dead letter at
     * once). The answer is an {@link InboundEvent} of the HMPPS type, so consumption is counted by type.
     */
    static InboundEvent read(Message<byte[]> message, CloudEventReader reader, JsonMapper json,
            HmppsEventCheck check) {
        JsonNode tree = reader.parse(message.getPayload());
        JsonNode typeNode = tree.get("eventType");
        String type = HmppsEventCheck.knownType(typeNode != null && typeNode.isString() ? typeNode.asString() : null);
        JsonNode version = tree.get("version");
        if (version == null || !version.isIntegralNumber() || version.asInt() != KNOWN_VERSION) {
            throw new PoisonEventException("Unknown HMPPS event version " + (version == null ? null
                    : SecurityEvents.mask(version.toString())));
        }
        check.againstSchema(type, new String(message.getPayload(), StandardCharsets.UTF_8));
        HmppsDomainEvent event = toDomainEvent(tree, json);
        if (event.occurredAt() == null) {
            throw new PoisonEventException("HMPPS event without occurredAt");
        }
        HmppsEventCheck.identifiers(event);
        return new InboundEvent(recordId(message), type, "hmpps", null, event.occurredAt(), null, tree);
    }

    /**
     * HMPPS records carry no event id: the record's place on the topic names it instead, so the audit rows it causes
     * share a correlation id that leads back to the record.
     */
    static String recordId(Message<byte[]> message) {
        Object partition = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION);
        Object offset = message.getHeaders().get(KafkaHeaders.OFFSET);
        return partition == null || offset == null ? null
                : Topics.PRISON_OFFENDER_EVENTS + "-" + partition + "-" + offset;
    }

    static HmppsDomainEvent toDomainEvent(JsonNode tree, JsonMapper json) {
        try {
            return json.treeToValue(tree, HmppsDomainEvent.class);
        } catch (JacksonException e) {
            throw new PoisonEventException("Unreadable HMPPS event");
        }
    }

    /**
     * Admission into a resettlement prison opens a case; a transfer moves or closes it; a release closes it with
     * the outcome still to record. Court returns and temporary absences change nothing. Every step is idempotent:
     * a repeated movement finds the state it already produced.
     */
    static void handle(HmppsDomainEvent event, Receptions receptions, Releases releases) {
        HmppsDomainEvent.AdditionalInformation info = event.additionalInformation();
        String reason = info == null ? null : info.reason();
        String prisonCode = info == null ? null : info.prisonId();
        String prisonNumber = event.prisonNumber().orElseThrow();
        LocalDate on = event.occurredAt().toLocalDate();
        if (HmppsDomainEvent.PRISONER_RECEIVED.equals(event.eventType()) && prisonCode != null) {
            // A movement carries no risk assessment: the caseworker's screening records it.
            Sex sex = receptions.isWomensPrison(prisonCode) ? Sex.FEMALE : Sex.MALE;
            boolean recall = "ADMISSION".equals(reason)
                    && receptions.isRecall(info.nomisMovementReasonCode(), info.probableCause());
            Reception reception = new Reception(prisonNumber, null, prisonCode, on, null, sex, null, null, recall);
            if ("ADMISSION".equals(reason)) {
                // Receptions decides: one into a prison that is not a resettlement prison is ignored
                receptions.receiveFromPrison(reception);
            } else if ("TRANSFERRED".equals(reason)) {
                receptions.transferIn(prisonNumber, prisonCode, on, reception);
            }
        } else if (HmppsDomainEvent.PRISONER_RELEASED.equals(event.eventType()) && "RELEASED".equals(reason)) {
            releases.releasedFromPrison(prisonNumber, on);
        } else {
            log.debug("Movement {} ({}) needs no action", event.eventType(), reason);
        }
    }
}
