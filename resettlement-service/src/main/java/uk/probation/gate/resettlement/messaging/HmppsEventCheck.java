package uk.probation.gate.resettlement.messaging;

import uk.probation.gate.contracts.Identifiers;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.probation.gate.contracts.hmpps.HmppsDomainEvent;
import uk.probation.gate.contracts.reference.ReferenceData;
import uk.probation.gate.platform.messaging.PoisonEventException;
import uk.probation.gate.platform.security.PersonIdentifiers;
import uk.probation.gate.platform.security.SecurityEvents;

/**
 * Checks an inbound HMPPS movement before it may touch the store: a type this service subscribes to, its JSON Schema
 * from event-contracts ({@code schemas/<type>/v1.json}, formats asserted), a prison number of the NOMS shape and a
 * prison code that is known or at least shaped like an HMPPS agency id. Anything else is a
 * {@link PoisonEventException}: dead-lettered at once, nothing stored. Messages never carry the record's values.
 */
final class HmppsEventCheck {

    /** HMPPS agency ids of prisons are three capital letters (NMI, BWI, ...). */
    static final Pattern PRISON_CODE = Pattern.compile(Identifiers.PRISON_CODE);
    private static final Set<String> KNOWN_PRISONS = ReferenceData.PRISONS.stream().map(ReferenceData.Prison::code)
            .collect(Collectors.toUnmodifiableSet());

    private final Map<String, JsonSchema> schemas;

    HmppsEventCheck() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        this.schemas = Map.of(
                HmppsDomainEvent.PRISONER_RECEIVED, factory.getSchema(SchemaLocation.of(
                        "classpath:schemas/" + HmppsDomainEvent.PRISONER_RECEIVED + "/v1.json"), config),
                HmppsDomainEvent.PRISONER_RELEASED, factory.getSchema(SchemaLocation.of(
                        "classpath:schemas/" + HmppsDomainEvent.PRISONER_RELEASED + "/v1.json"), config));
        // read now, so a missing schema fails the start-up rather than the first event
        schemas.values().forEach(JsonSchema::initializeValidators);
    }

    /** The event type, once it is one we subscribe to. */
    static String knownType(String eventType) {
        if (eventType == null || !(HmppsDomainEvent.PRISONER_RECEIVED.equals(eventType)
                || HmppsDomainEvent.PRISONER_RELEASED.equals(eventType))) {
            throw new PoisonEventException("HMPPS event of an unknown type: eventType must be "
                    + HmppsDomainEvent.PRISONER_RECEIVED + " or " + HmppsDomainEvent.PRISONER_RELEASED);
        }
        return eventType;
    }

    /** The raw record against its type's schema. */
    void againstSchema(String eventType, String json) {
        Set<ValidationMessage> problems = schemas.get(knownType(eventType)).validate(json, InputFormat.JSON);
        if (!problems.isEmpty()) {
            String where = problems.stream().map(m -> m.getInstanceLocation() + " (" + m.getType() + ")").sorted()
                    .collect(Collectors.joining(", "));
            throw new PoisonEventException(SecurityEvents.mask("HMPPS event does not match the schema of "
                    + eventType + " v1 at " + where));
        }
    }

    /** The fields the handler relies on, beyond what the schema says. */
    static void identifiers(HmppsDomainEvent event) {
        String prisonNumber = event.prisonNumber().orElse(null);
        if (!PersonIdentifiers.isPrisonNumber(prisonNumber)) {
            throw new PoisonEventException("HMPPS event without a prison number of the shape A1234BC");
        }
        HmppsDomainEvent.AdditionalInformation info = event.additionalInformation();
        String prisonCode = info == null ? null : info.prisonId();
        if (prisonCode != null && !KNOWN_PRISONS.contains(prisonCode)
                && !PRISON_CODE.matcher(prisonCode).matches()) {
            throw new PoisonEventException("HMPPS event whose prisonId is neither a known prison nor an agency id");
        }
        if (HmppsDomainEvent.PRISONER_RECEIVED.equals(event.eventType()) && prisonCode == null) {
            throw new PoisonEventException("HMPPS reception without a prisonId");
        }
    }
}
